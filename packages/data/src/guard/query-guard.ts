import { assertReadOnly } from './read-only';
import { assertStatementTree } from './statement-tree';

type Ask = (sql: string, params: readonly string[]) => Promise<Record<string, unknown>[]>;

/**
 * The guard in front of a page author's SQL: the textual check first (its messages are the
 * clearest), then DuckDB's own parse tree where the database can serialise one. DuckDB-WASM
 * 1.32 cannot: `json_serialize_sql` lives in the JSON extension, which it does not build in
 * and would download. There the engine's file confinement (`file-access.ts`) is what stops
 * a query from reading past the page's sources.
 */
export class QueryGuard {
  #hasTree: boolean | undefined;

  constructor(private readonly ask: Ask) {}

  async check(sql: string, tables: readonly string[]): Promise<void> {
    assertReadOnly(sql, tables);
    const tree = await this.#tree(sql);
    if (tree !== undefined) assertStatementTree(tree, tables);
  }

  async #tree(sql: string): Promise<string | undefined> {
    if (this.#hasTree === false) return undefined;
    try {
      const [row] = await this.ask('SELECT json_serialize_sql(?::VARCHAR) AS tree', [sql]);
      this.#hasTree = true;
      return String(row?.tree);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      // Two queries may ask at once, before either learnt the answer: both take it.
      if (this.#hasTree !== true && /json_serialize_sql/.test(message)) {
        this.#hasTree = false;
        return undefined;
      }
      throw cause;
    }
  }
}
