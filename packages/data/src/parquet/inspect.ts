import { type FileMetaData, parquetMetadata, parquetSchema } from 'hyparquet';
import { loadError } from '../fetch-bytes';
import { parquetTypeName } from './column-types';
import { looksLikeParquet, MAGIC } from './signature';

/** What a Parquet file holds, read from its footer before anything is decoded. */
export interface ParquetOutline {
  columns: string[];
  /** Each column's type as the writer declared it (`DECIMAL(50, 2)`, `INT96`, `LIST`), by name. */
  types: Map<string, string>;
  rowCount: number;
  rowGroups: { rowCount: number; decodedBytes: number }[];
  codecs: string[];
}

/**
 * Reads the footer of `file`. Throws a load error that names the file when it is not Parquet
 * or its footer is damaged. `columns` limits the decoded sizes to the columns that will be read.
 */
export function outlineParquet(
  bytes: Uint8Array,
  file: string,
  columns?: readonly string[],
): ParquetOutline {
  const end = bytes.byteLength;
  if (end < 12 || !looksLikeParquet(bytes) || !MAGIC.every((b, i) => bytes[end - 4 + i] === b)) {
    throw loadError('parquetNotParquet', { file }, 'the PAR1 marks are missing');
  }
  let metadata: FileMetaData;
  let names: string[];
  let types: Map<string, string>;
  try {
    // The footer is read in place: a copy of a large file would double what it holds.
    metadata = parquetMetadata(bytes);
    const children = parquetSchema(metadata).children;
    names = children.map((child) => child.element.name);
    types = new Map(children.map((child) => [child.element.name, parquetTypeName(child.element)]));
  } catch (cause) {
    if (cause instanceof TypeError)
      throw loadError('parquetSchemaIncomplete', { file }, messageOf(cause));
    const reason = messageOf(cause).replace(/[.\s]+$/, '');
    throw loadError('parquetFooterDamaged', { file, reason }, messageOf(cause));
  }
  const wanted = columns ? new Set(columns) : undefined;
  const codecs = new Set<string>();
  const rowGroups = metadata.row_groups.map((group) => {
    let decodedBytes = 0;
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      if (!meta || (wanted && !wanted.has(meta.path_in_schema[0] ?? ''))) continue;
      decodedBytes += Number(meta.total_uncompressed_size);
      codecs.add(meta.codec);
    }
    return { rowCount: Number(group.num_rows), decodedBytes };
  });
  return {
    columns: names,
    types,
    rowCount: Number(metadata.num_rows),
    rowGroups,
    codecs: [...codecs],
  };
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
