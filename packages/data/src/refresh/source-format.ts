import { arrowLayout } from '../arrow/layout';
import { looksLikeParquet } from '../parquet/signature';
import { looksLikeWorkbook } from '../xlsx/signature';

export type SourceFormat = 'csv' | 'parquet' | 'arrow' | 'xlsx';
export type FormatChoice = SourceFormat | 'auto';

const byExtension: Record<string, SourceFormat> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  parquet: 'parquet',
  pq: 'parquet',
  arrow: 'arrow',
  arrows: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
};

/**
 * The format of an export: as asked, else by the file's signature, else by its extension, else
 * CSV. A real `.xls` is told by its signature; a file only named `.xls` is most often a CSV,
 * tab-separated text or a web page that a system saved under Excel's name, and is read as text.
 */
export function resolveFormat(
  choice: FormatChoice,
  file: string,
  bytes?: Uint8Array,
): SourceFormat {
  if (choice !== 'auto') return choice;
  if (bytes && looksLikeParquet(bytes)) return 'parquet';
  if (bytes && arrowLayout(bytes)) return 'arrow';
  if (bytes && looksLikeWorkbook(bytes)) return 'xlsx';
  const extension = /\.([a-z0-9]+)(?:\.gz)?$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  return byExtension[extension] ?? 'csv';
}
