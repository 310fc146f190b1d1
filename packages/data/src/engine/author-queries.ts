import type { QueryParam } from '../connector';
import { fileRefusal } from '../guard/file-access';
import { QueryGuard } from '../guard/query-guard';
import { sourcesNamedIn } from '../guard/source-names';
import type { RecordRow } from '../loaded-table';
import type { SourceRegistry } from '../sources';

type Records = (
  sql: string,
  params: readonly QueryParam[],
  options?: AuthorQueryOptions,
) => Promise<RecordRow[]>;

export interface AuthorQueryOptions {
  /** Dates and timestamps as `Date` objects (else milliseconds since 1970, as Arrow gives them). */
  dates?: boolean;
}

/**
 * SQL typed by a page author: run only once it is one read-only SELECT over the page's own
 * tables, and only after the sources it names have loaded.
 */
export class AuthorQueries {
  readonly #guard: QueryGuard;

  constructor(
    private readonly records: Records,
    private readonly sources: SourceRegistry,
    /** Every table the author may read: live sources' names and tables loaded by the engine. */
    private readonly readable: () => string[],
  ) {
    this.#guard = new QueryGuard((sql, params) => records(sql, params));
  }

  /** Waits for the sources `sql` names (defined, awaited or `declared`), checks it, runs it. */
  async run(
    sql: string,
    params: readonly QueryParam[],
    declared: Iterable<string>,
    options: AuthorQueryOptions = {},
  ): Promise<RecordRow[]> {
    const named = sourcesNamedIn(sql, [...this.sources.names(), ...declared]);
    await Promise.all(named.map((name) => this.sources.get(name)));
    const tables = this.readable();
    await this.#guard.check(sql, tables);
    try {
      return await this.records(sql, params, options);
    } catch (cause) {
      throw fileRefusal(cause, tables) ?? cause;
    }
  }
}
