import type { Engine, LoadedTable, LoadProgress } from '@stratex/data';
import { type ColumnInfo, type FileMapping, guessMapping } from './widget-roles';

export type IntakeState = 'reading' | 'loading' | 'ready' | 'error';

/** Where a load is: bytes read, lines seen (CSV) or rows inserted (Parquet), and the phase. */
export interface IntakeProgress {
  phase: 'read' | LoadProgress['phase'];
  bytes: number;
  totalBytes: number;
  lines?: number;
  rows?: number;
}

/** A file the analyst dropped, from reading to the source widgets and SQL name. */
export interface LoadedFile {
  id: number;
  file: File;
  /** The source name widgets and SQL use. */
  source: string;
  state: IntakeState;
  progress: IntakeProgress;
  loaded?: LoadedTable;
  columns?: ColumnInfo[];
  mapping?: FileMapping;
  error?: string;
}

const NEWLINE = 0x0a;

/** Reads a user's file in the page, reporting bytes and lines as they come. */
async function readWithProgress(
  file: File,
  report: (bytes: number, lines: number) => void,
): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, at);
    at += value.byteLength;
    for (let i = value.indexOf(NEWLINE); i !== -1; i = value.indexOf(NEWLINE, i + 1)) lines++;
    report(at, lines);
  }
  return at === bytes.byteLength ? bytes : bytes.subarray(0, at);
}

/**
 * Loads a dropped file as the page's source `entry.source`, calling `changed` whenever
 * its state or progress moves. Nothing leaves the page: the bytes go to the engine's worker.
 */
export async function intake(
  engine: Engine,
  entry: LoadedFile,
  changed: () => void,
): Promise<void> {
  const { file } = entry;
  try {
    const bytes = await readWithProgress(file, (read, lines) => {
      entry.progress = { phase: 'read', bytes: read, totalBytes: file.size, lines };
      changed();
    });
    entry.state = 'loading';
    changed();
    const source = engine.defineSource(entry.source, { bytes, label: file.name });
    source.addEventListener('progress', () => {
      const progress = source.progress;
      if (!progress) return;
      entry.progress = {
        ...entry.progress,
        phase: progress.phase,
        bytes: progress.bytesRead,
        totalBytes: progress.totalBytes ?? file.size,
        ...(progress.rowsLoaded !== undefined ? { rows: progress.rowsLoaded } : {}),
      };
      changed();
    });
    const loaded = await source.ready;
    entry.loaded = loaded;
    entry.columns = await columnsOf(engine, loaded);
    entry.mapping = guessMapping(entry.columns);
    entry.state = 'ready';
  } catch (cause) {
    entry.state = 'error';
    entry.error = cause instanceof Error ? cause.message : String(cause);
  }
  changed();
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U\w*INT|FLOAT|DOUBLE|REAL|DECIMAL)/i;

/** The columns with their kinds: the CSV loader's findings, else the engine's column types. */
async function columnsOf(engine: Engine, loaded: LoadedTable): Promise<ColumnInfo[]> {
  if (loaded.columnTypes) {
    return loaded.columnTypes.map((column) => ({
      name: column.name,
      kind: column.kind,
      ...(column.unit ? { unit: column.unit } : {}),
      rejects: column.rejects,
    }));
  }
  const rows = await engine.records(
    'SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index',
    [loaded.table],
  );
  return rows.map((row) => {
    const type = String(row.data_type);
    const kind = NUMERIC.test(type) ? 'number' : /^(DATE|TIMESTAMP)/i.test(type) ? 'date' : 'text';
    return {
      name: String(row.column_name),
      kind,
      ...(kind === 'number' ? { unit: 'number' } : {}),
    };
  });
}
