import type { Table } from 'apache-arrow';
import type { CsvLoadOptions, Engine, LoadedTable, RecordRow } from '../src/index';
import { type FetchOptions, fetchIfChanged } from '../src/refresh/conditional-fetch';
import { fileLabel } from '../src/fetch-bytes';

/**
 * Loads a CSV from a URL into the plain table `table` (not a source): fetched as a source's
 * file is, refused in the CSV's words as soon as it passes the CSV limit.
 */
export async function loadCsvUrl(
  engine: Engine,
  table: string,
  url: string,
  options: CsvLoadOptions = {},
): Promise<LoadedTable> {
  const file = options.file ?? fileLabel(url);
  const maxBytes = options.maxBytes ?? engine.tables.csvByteLimit();
  const bytes = await fetchBytes(url, { maxBytes, csv: true });
  return engine.tables.loadCsvBytes(table, bytes, { ...options, file, maxBytes });
}

/** Makes an array of objects the source `name`; each column takes the one type its values share. */
export function loadRecords(
  engine: Engine,
  name: string,
  records: readonly RecordRow[],
): Promise<LoadedTable> {
  return engine.defineSource(name, { records }).ready;
}

/** Makes an Arrow table the source `name`. */
export function loadArrow(engine: Engine, name: string, arrow: Table): Promise<LoadedTable> {
  return engine.defineSource(name, { arrow }).ready;
}

/** Fetches a file as bytes, whatever its version. */
export async function fetchBytes(url: string, options: FetchOptions = {}): Promise<Uint8Array> {
  const fetched = await fetchIfChanged(url, { ...options, validators: {} });
  if (!fetched.changed) throw new Error(`${url} answered 304 with no version asked`);
  return fetched.bytes;
}
