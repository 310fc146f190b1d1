import { notASource, type UnsafeQueryError } from './refusal';

/**
 * The one folder (a prefix of registered buffer names) that SQL may read files from once a
 * database is confined. Loaders register their bytes under it, e.g. `sx-files/sx-csv-1.csv`.
 */
export const REGISTERED_FILE_AREA = 'sx-files/';

/**
 * Stops the database itself from reading any file or URL outside `directories`, for the
 * rest of its life: DuckDB refuses the access before it opens anything (so a `FROM
 * 'http://…'` or `read_csv('/etc/…')` that got past the text checks makes no request).
 *
 * Why these settings and not others (DuckDB 1.4.3 in DuckDB-WASM 1.32.0; 1.5 native):
 * - `enable_external_access = false` alone also refuses the engine's own later loads:
 *   CSVs are registered as buffers and read with `read_csv`, and once off the setting
 *   cannot be turned back on while the database runs. `allowed_directories` (set first;
 *   it cannot change afterwards) keeps exactly our registered-file prefix readable, and
 *   DuckDB refuses `..` in such paths. Arrow and Parquet loads do not touch files.
 * - `allowed_paths` needs every file name known in advance; we name files per load.
 * - `disabled_filesystems` names file systems (`HTTPFileSystem`, `LocalFileSystem`);
 *   DuckDB-WASM serves URLs and registered buffers through its one web file system, so
 *   it cannot tell a page's buffer from another URL.
 * - `lock_configuration = true` last, so no later statement can loosen any of it.
 */
export async function confineFileAccess(
  run: (sql: string) => Promise<unknown>,
  directories: readonly string[] = [REGISTERED_FILE_AREA],
): Promise<void> {
  const list = directories.map((path) => `'${path.replaceAll("'", "''")}'`).join(', ');
  await run(`SET allowed_directories = [${list}]`);
  await run('SET enable_external_access = false');
  await run('SET lock_configuration = true');
}

const PERMISSION = /Permission Error: Cannot access (?:file|directory) "([^"]*)"/;

/** DuckDB's refusal to touch a file, said as the guard says it; else undefined. */
export function fileRefusal(
  cause: unknown,
  tables: readonly string[],
): UnsafeQueryError | undefined {
  const message = cause instanceof Error ? cause.message : String(cause);
  const file = PERMISSION.exec(message)?.[1];
  return file === undefined ? undefined : notASource(file, tables);
}
