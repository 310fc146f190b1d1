import { messageText } from '@stratex/core';
import { Table, type Vector } from 'apache-arrow';
import type { Connector } from '../connector';
import { renamedColumns, uniqueColumnNames } from '../header-names';
import { tableToArrowStream, toArrowStream } from './ipc';

/** Inserts Arrow IPC bytes (file or stream layout) as `table`; says plainly when they are not Arrow. */
export async function insertArrowBytes(
  connector: Connector,
  table: string,
  bytes: Uint8Array,
): Promise<void> {
  const stream = toArrowStream(bytes);
  await connector.insertArrow(table, stream);
}

/**
 * Inserts an in-memory Arrow table as `table`. Column names the database would take for one
 * (repeated, or differing only in case) are made unique as a CSV header's are (`REGION` beside
 * `Region` becomes `REGION_2`); the returned notes say which.
 */
export async function insertArrowTable(
  connector: Connector,
  table: string,
  arrow: Table,
): Promise<string[]> {
  if (arrow.numCols === 0) throw new Error('The Arrow table has no columns.');
  const written = arrow.schema.fields.map((field) => field.name);
  const unique = uniqueColumnNames(written);
  const renamed = renamedColumns(written, unique);
  // Only the clashing names change (a blank or padded key stays as the rows wrote it).
  const names = written.map((name, at) =>
    name.trim() !== '' && unique[at] !== name.trim() ? (unique[at] ?? name) : name,
  );
  const inserted = renamed.length > 0 ? renamedTable(arrow, names) : arrow;
  await connector.insertArrow(table, tableToArrowStream(inserted));
  return renamed.length > 0
    ? [messageText('en', 'loadRenamedColumns', { renamed: renamed.join(', ') })]
    : [];
}

function renamedTable(arrow: Table, names: readonly string[]): Table {
  // No prototype: a column called `__proto__` is a column, not the object's prototype.
  const columns = Object.create(null) as Record<string, Vector>;
  names.forEach((name, at) => {
    const column = arrow.getChildAt(at);
    if (column) columns[name] = column;
  });
  return new Table(columns);
}
