import {
  applyTargetOverrides,
  type CellRecord,
  cellText,
  type TargetOverrideSet,
} from '@stratex/core';
import type { Engine, LoadedTable } from '@stratex/data';
import { csvField } from '../base/export';
import { encodeGbk } from '../base/gbk';

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

/** The edited target table as a CSV file (see `editedTargetTable`). */
export async function targetTableBlob(
  loaded: { engine: Engine; source: string; table: LoadedTable } | undefined,
  rows: readonly CellRecord[],
  set: TargetOverrideSet | undefined,
): Promise<Blob> {
  const file = await editedTargetTable(loaded, rows, set);
  const type = file.encoding === 'gbk' ? 'text/csv;charset=gbk' : 'text/csv;charset=utf-8';
  return new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type });
}
