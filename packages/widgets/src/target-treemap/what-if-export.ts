import {
  applyTargetOverrides,
  type Cell,
  type CellRecord,
  cellText,
  fenText,
  type Lang,
  readCell,
  type TargetOverrideSet,
  toFen,
} from '@stratex/core';
import type { Engine, LoadedTable } from '@stratex/data';
import { csvField } from '../base/export';
import { encodeGbk } from '../base/gbk';
import { message } from '../base/lang';
import { toCellRecords } from '../base/row-cells';

/** The edited target table as a file: the source's columns and encoding, the new targets in place. */
export interface TargetTableFile {
  bytes: Uint8Array;
  /** `gbk` when the source was GBK (GB18030), else `utf-8` with a byte-order mark. */
  encoding: 'gbk' | 'utf-8';
  /** Characters GBK has no code for, written `?`. */
  unwritable: number;
}

/** Rows as CSV text in the columns given, each cell as written (a new target as its figure). */
export function targetTableCsv(columns: readonly string[], rows: readonly CellRecord[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows)
    lines.push(columns.map((column) => csvField(cellText(row[column]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** CSV text in the encoding its source had: GBK for a GB18030 file, else UTF-8 with a BOM (Excel reads it right). */
export function encodeTargetTable(
  csv: string,
  sourceEncoding: string | undefined,
): TargetTableFile {
  if (sourceEncoding === 'gb18030' || sourceEncoding === 'gbk') {
    const { bytes, unwritable } = encodeGbk(csv);
    return { bytes, encoding: 'gbk', unwritable };
  }
  return { bytes: new TextEncoder().encode(`\uFEFF${csv}`), encoding: 'utf-8', unwritable: 0 };
}

/**
 * The whole target table with the what-if's targets: every row and column of the loaded source
 * as written (the rows the widget holds when it has no loaded source), the target column edited.
 */
export async function editedTargetTable(
  loaded: { engine: Engine; source: string; table: LoadedTable } | undefined,
  rows: readonly CellRecord[],
  set: TargetOverrideSet | undefined,
): Promise<TargetTableFile> {
  if (!loaded) {
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    return encodeTargetTable(targetTableCsv(columns, applyTargetOverrides(rows, set)), undefined);
  }
  const { engine, source, table } = loaded;
  const answer = await engine.coordinator.request({ kind: 'rows', source, as: 'text' });
  const written = answer.rows as readonly CellRecord[];
  const csv = targetTableCsv(table.columns, applyTargetOverrides(written, set));
  return encodeTargetTable(csv, table.encoding);
}

/** The treemap's level columns (top first) and its target column. */
export interface LeafColumns {
  levels: readonly string[];
  target: string;
}

/** A figure to the fen, as a new target is written; text that is no figure as written. */
function figureText(cell: Cell | undefined): string {
  const read = readCell(cell ?? null);
  const fen = read.kind === 'number' ? toFen(read.value) : null;
  return fen === null ? cellText(cell ?? null) : fenText(fen);
}

/**
 * The target table of a source kept on a database server (a ClickHouse table), which is never
 * read whole into the page: a row per combination of the levels, the target summed by the
 * server, the planned sum beside the what-if's. The new target keeps the target column's name,
 * so the file loaded again gives the edited figures. UTF-8 with a byte-order mark.
 */
export async function leafTargetTable(
  engine: Engine,
  source: string,
  columns: LeafColumns,
  set: TargetOverrideSet | undefined,
  lang: Lang,
): Promise<TargetTableFile> {
  const { levels, target } = columns;
  const answer = await engine.coordinator.request({
    kind: 'aggregate',
    source,
    groupBy: levels,
    measures: [{ column: target, aggregate: 'sum', digits: 2 }],
    orderBy: levels.map((column) => ({ column })),
  });
  const planned = toCellRecords(answer.rows);
  const edited = applyTargetOverrides(planned, set);
  const planHeader = message(lang, 'whatIfPlannedColumn', { column: target });
  const lines = [[...levels, planHeader, target].map(csvField).join(',')];
  planned.forEach((row, at) => {
    const cells = levels.map((level) => cellText(row[level] ?? null));
    cells.push(figureText(row[target]), figureText(edited[at]?.[target]));
    lines.push(cells.map(csvField).join(','));
  });
  return encodeTargetTable(`${lines.join('\r\n')}\r\n`, undefined);
}

/** The edited target table as a CSV file: a server's source at the leaf level (see `leafTargetTable`), else whole (see `editedTargetTable`). */
export async function targetTableBlob(
  loaded: { engine: Engine; source: string; table: LoadedTable } | undefined,
  rows: readonly CellRecord[],
  set: TargetOverrideSet | undefined,
  leaves: { columns: LeafColumns; lang: Lang },
): Promise<Blob> {
  const file =
    loaded && loaded.engine.remoteOf(loaded.table)
      ? await leafTargetTable(loaded.engine, loaded.source, leaves.columns, set, leaves.lang)
      : await editedTargetTable(loaded, rows, set);
  const type = file.encoding === 'gbk' ? 'text/csv;charset=gbk' : 'text/csv;charset=utf-8';
  return new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type });
}
