import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import type { Connector } from '../connector';
import { readableSchema } from '../arrow/join-streams';

/** The database's words for a type it has no way to take in (not for damaged bytes). */
const typeRefused =
  /not implemented|unsupported|not (yet )?supported|could not convert|unrecognized type/i;

/** The database refused a decoded stream (the decoder read it): its own failure is the cause. */
export class RefusedStream extends Error {
  constructor(override readonly cause: unknown) {
    super(reasonOf(cause), { cause });
    this.name = 'RefusedStream';
  }
}

/**
 * After the database refused a stream for a type: the first column of `sample` (the same
 * columns decoded again, since a sent stream belongs to the worker) that the database refuses
 * alone for its type, with the reason given; each column is inserted by itself into a scratch
 * table. Undefined when none is (or the sample cannot be split here), so the failure stands.
 */
export async function refusedColumn(
  connector: Connector,
  table: string,
  refused: RefusedStream,
  sample: () => Promise<Uint8Array>,
  dropTable: (name: string) => Promise<unknown>,
): Promise<{ column: string; reason: string } | undefined> {
  if (!typeRefused.test(refused.message)) return undefined;
  const stream = await sample();
  if (!readableSchema(stream)) return undefined;
  const decoded = tableFromIPC(stream);
  const scratch = `${table}__column_probe`;
  for (const [index, field] of decoded.schema.fields.entries()) {
    const column = decoded.getChildAt(index);
    if (!column) continue;
    try {
      await connector.insertArrow(
        scratch,
        tableToIPC(new Table({ [field.name]: column }), 'stream'),
      );
    } catch (cause) {
      const reason = reasonOf(cause);
      if (typeRefused.test(reason)) return { column: field.name, reason };
    } finally {
      await dropTable(scratch).catch(() => undefined);
    }
  }
  return undefined;
}

/** The failure's own sentence, without the database's JSON wrapping. */
function reasonOf(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  try {
    const parsed = JSON.parse(text) as { exception_message?: string };
    return parsed.exception_message ?? text;
  } catch {
    return text;
  }
}
