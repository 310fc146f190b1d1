/**
 * The typed table's hidden column: the line in the file where each row starts (1 = the first
 * line, title rows and quoted line breaks counted). The loader keeps a header of this name
 * from clashing (it becomes `__sx_line_2`), and no list of columns shown to people names it.
 */
export const LINE_COLUMN = '__sx_line';

/** One Arrow IPC stream of a single Int32 column, `LINE_COLUMN`, of `lines` in row order. */
export async function lineNumbersIpc(lines: Int32Array): Promise<Uint8Array> {
  const { Field, Int32, RecordBatch, Schema, Struct, Table, makeData, tableToIPC } =
    await import('apache-arrow');
  const field = new Field(LINE_COLUMN, new Int32(), false);
  const child = makeData({ type: new Int32(), length: lines.length, nullCount: 0, data: lines });
  const batch = new RecordBatch(
    new Schema([field]),
    makeData({ type: new Struct([field]), length: lines.length, nullCount: 0, children: [child] }),
  );
  return tableToIPC(new Table(batch), 'stream');
}
