import { notASource, UnsafeQueryError } from './refusal';

/** Table functions that make rows from their arguments and touch nothing else. */
const HARMLESS_TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest']);

/** Table references that describe or replay rather than read a source (`FROM (DESCRIBE …)`). */
const REFUSED_REFERENCES = new Set(['SHOW_REF', 'COLUMN_DATA', 'DELIM_GET', 'BOUND_TABLE_REF']);

/** A query node or expression of `json_serialize_sql`, read only as far as the guard needs. */
type TreeNode = { readonly [key: string]: unknown };

interface SerializedStatements {
  error: boolean;
  error_type?: string;
  error_message?: string;
  statements?: unknown[];
}

const isNode = (value: unknown): value is TreeNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Checks DuckDB's own parse of a query (the JSON of `json_serialize_sql`): one SELECT whose
 * every table reference — in any clause, subquery, set operation, join, LATERAL, CTE or
 * function argument — is one of `tables` or a CTE in scope, and whose table functions are
 * harmless. A quoted file name or URL is a table reference here (DuckDB would read it as a
 * replacement scan), so it is refused like any other unknown name.
 */
export function assertStatementTree(serialized: string, tables: readonly string[]): void {
  const parsed = JSON.parse(serialized) as SerializedStatements;
  if (parsed.error) {
    if (parsed.error_type === 'parser') {
      throw new UnsafeQueryError('guardUnparsed', { reason: text(parsed.error_message) });
    }
    throw new UnsafeQueryError('guardNotSelect');
  }
  const statements = parsed.statements ?? [];
  if (statements.length !== 1) {
    throw new UnsafeQueryError('guardSeveral');
  }
  const known = new Set(tables.map((name) => name.toLowerCase()));
  new TreeWalk(known, tables).visit(statements[0], new Set());
}

class TreeWalk {
  constructor(
    private readonly known: ReadonlySet<string>,
    private readonly tables: readonly string[],
  ) {}

  visit(value: unknown, scope: ReadonlySet<string>): void {
    if (Array.isArray(value)) {
      for (const item of value) this.visit(item, scope);
      return;
    }
    if (!isNode(value)) return;
    const inner = this.#withCtes(value, scope);
    if (value.type === 'BASE_TABLE') this.#checkTable(value, inner);
    if (value.type === 'TABLE_FUNCTION') this.#checkFunction(value);
    if (typeof value.type === 'string' && REFUSED_REFERENCES.has(value.type)) {
      throw new UnsafeQueryError('guardOnlySources');
    }
    for (const [key, child] of Object.entries(value)) {
      if (key !== 'cte_map') this.visit(child, inner);
    }
  }

  /**
   * The names in scope under a node that defines CTEs. Each CTE's body sees the CTEs
   * before it (and itself only when recursive), so `WITH "x.csv" AS (FROM "x.csv")` does
   * not pass its own file off as a CTE.
   */
  #withCtes(node: TreeNode, scope: ReadonlySet<string>): ReadonlySet<string> {
    const map = isNode(node.cte_map) && Array.isArray(node.cte_map.map) ? node.cte_map.map : [];
    if (map.length === 0) return scope;
    const names = new Set(scope);
    for (const entry of map) {
      if (!isNode(entry)) continue;
      const name = text(entry.key).toLowerCase();
      const body = isNode(entry.value) ? entry.value.query : undefined;
      const recursive =
        isNode(body) && isNode(body.node) && body.node.type === 'RECURSIVE_CTE_NODE';
      this.visit(body, recursive ? new Set([...names, name]) : names);
      names.add(name);
    }
    return names;
  }

  #checkTable(node: TreeNode, scope: ReadonlySet<string>): void {
    const name = text(node.table_name);
    const schema = text(node.schema_name).toLowerCase();
    const catalog = text(node.catalog_name).toLowerCase();
    const qualified = schema !== '' || catalog !== '';
    if (!qualified && scope.has(name.toLowerCase())) return;
    const ownSchema = ['', 'main'].includes(schema) && ['', 'memory'].includes(catalog);
    if (ownSchema && this.known.has(name.toLowerCase())) return;
    const shown = [catalog, schema, name].filter(Boolean).join('.');
    throw notASource(shown, this.tables);
  }

  #checkFunction(node: TreeNode): void {
    const call = isNode(node.function) ? node.function : {};
    const name = text(call.function_name);
    const qualified = text(call.schema) !== '' || text(call.catalog) !== '';
    if (!qualified && HARMLESS_TABLE_FUNCTIONS.has(name.toLowerCase())) return;
    throw new UnsafeQueryError('guardTableCallNotSource', {
      name,
      allowed: `${[...HARMLESS_TABLE_FUNCTIONS].join('(), ')}()`,
    });
  }
}
