import { notASource, UnsafeQueryError } from './refusal';
import { type SqlToken, tokenize } from './sql-tokens';

export { UnsafeQueryError };

const FORBIDDEN_WORDS = new Set(
  (
    'INSERT UPDATE DELETE CREATE DROP ALTER ATTACH DETACH INSTALL LOAD COPY PRAGMA SET RESET ' +
    'CALL EXPORT IMPORT CHECKPOINT VACUUM USE TRUNCATE MERGE BEGIN COMMIT ROLLBACK ABORT ' +
    'PREPARE EXECUTE DEALLOCATE GRANT REVOKE SUMMARIZE DESCRIBE SHOW EXPLAIN INTO'
  ).split(' '),
);
const FORBIDDEN_FUNCTIONS = new Set(
  'GLOB QUERY QUERY_TABLE GETENV WHICH_SECRET LOAD_EXTENSION SNIFF_CSV'.split(' '),
);
const FILE_FUNCTION =
  /^(READ_|PARQUET_|ICEBERG_|DELTA_|SQLITE_|POSTGRES_|MYSQL_|HTTP|DUCKDB_)|_SCAN$/;
const TABLE_FUNCTIONS = new Set(['UNNEST', 'RANGE', 'GENERATE_SERIES']);
const CLAUSE_ENDS = new Set(
  'WHERE GROUP ORDER HAVING LIMIT OFFSET QUALIFY WINDOW UNION EXCEPT INTERSECT SELECT RETURNING'.split(
    ' ',
  ),
);
const NOT_A_CALL = new Set(
  (
    'IN AS FROM JOIN EXISTS ANY ALL SOME VALUES LATERAL ON AND OR NOT SELECT WHERE WITH UNION ' +
    'EXCEPT INTERSECT THEN ELSE WHEN CASE BY HAVING MATERIALIZED USING OVER FILTER WITHIN'
  ).split(' '),
);

interface Level {
  query: boolean;
  inFrom: boolean;
  expectTable: boolean;
}

/** Words that open a query inside brackets: `ARRAY(FROM …)`, `EXISTS (SELECT …)`, `IN (WITH …)`. */
const QUERY_STARTS = new Set(['SELECT', 'FROM', 'WITH', 'VALUES']);

/**
 * The first, textual check: accepts one SELECT (or WITH … SELECT) that reads only `tables`
 * (the page's sources and their tables, compared case-insensitively) and refuses, with the
 * reason, what it can see is anything else: writes, settings, extensions, COPY, files and
 * URLs. It gives the clearest messages but is not the whole guard: DuckDB's own parse tree
 * (`statement-tree.ts`, where the engine has one) and the engine's file confinement
 * (`file-access.ts`) stand behind it.
 */
export function assertReadOnly(sql: string, tables: Iterable<string>): void {
  let tokens: SqlToken[];
  try {
    tokens = tokenize(sql);
  } catch (cause) {
    if (cause instanceof UnsafeQueryError) throw cause;
    throw new UnsafeQueryError('guardUnparsed', {
      reason: cause instanceof Error ? cause.message : String(cause),
    });
  }
  while (tokens.at(-1)?.text === ';') tokens.pop();
  const first = tokens[0];
  if (!first) throw new UnsafeQueryError('guardEmpty');
  if (!(
    first.text === '(' ||
    (first.kind === 'word' && ['SELECT', 'WITH', 'FROM'].includes(first.text))
  )) {
    throw new UnsafeQueryError('guardStartsWith', { word: first.text });
  }
  const known = [...tables];
  const allowed = new Set([...known, ...cteNames(tokens)].map((name) => name.toUpperCase()));
  const levels: Level[] = [{ query: true, inFrom: false, expectTable: false }];
  tokens.forEach((token, index) => {
    const level = levels.at(-1) as Level;
    const next = tokens[index + 1];
    if (token.kind === 'symbol' && token.text === ';') {
      throw new UnsafeQueryError('guardSeveral');
    }
    if (token.kind === 'word' && FORBIDDEN_WORDS.has(token.text)) {
      throw new UnsafeQueryError('guardWrites', { word: token.text });
    }
    const isCall = next?.text === '(' && (token.kind === 'word' || token.kind === 'quoted');
    if (
      isCall &&
      (FORBIDDEN_FUNCTIONS.has(token.text.toUpperCase()) ||
        FILE_FUNCTION.test(token.text.toUpperCase()))
    ) {
      throw new UnsafeQueryError('guardFileCall', { name: token.text.toLowerCase() });
    }
    if (level.expectTable) {
      if ((token.kind === 'word' && token.text === 'LATERAL') || token.text === '.') return;
      level.expectTable = false;
      if (token.kind === 'string') throw notASource(token.text, known);
      if ((token.kind === 'word' || token.kind === 'quoted') && next?.text !== '.') {
        if (isCall) {
          if (!TABLE_FUNCTIONS.has(token.text.toUpperCase())) {
            throw new UnsafeQueryError('guardTableCall', { name: token.text.toLowerCase() });
          }
        } else if (!allowed.has(token.text.toUpperCase())) {
          throw notASource(token.written ?? token.text, known);
        }
      } else if (next?.text === '.') {
        level.expectTable = true;
      }
    }
    if (token.kind === 'symbol' && token.text === '(') {
      const previous = tokens[index - 1];
      const call =
        previous !== undefined &&
        (previous.kind === 'quoted' ||
          (previous.kind === 'word' && !NOT_A_CALL.has(previous.text)));
      const opensQuery = next?.kind === 'word' && QUERY_STARTS.has(next.text);
      levels.push({ query: !call || opensQuery, inFrom: false, expectTable: false });
    } else if (token.kind === 'symbol' && token.text === ')') {
      if (levels.length > 1) levels.pop();
    } else if (token.kind === 'word') {
      if (token.text === 'SELECT') level.query = true;
      if (token.text === 'FROM' && level.query)
        Object.assign(level, { inFrom: true, expectTable: true });
      else if (token.text === 'JOIN' && level.inFrom) level.expectTable = true;
      else if (CLAUSE_ENDS.has(token.text)) level.inFrom = false;
    } else if (token.kind === 'symbol' && token.text === ',' && level.inFrom) {
      level.expectTable = true;
    }
  });
}

/** Names a WITH clause defines (`name AS (…)`, `name(a, b) AS (…)`). */
function cteNames(tokens: readonly SqlToken[]): string[] {
  const names: string[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'word' && token.kind !== 'quoted') return;
    let at = index + 1;
    if (tokens[at]?.text === '(') {
      let depth = 0;
      for (; at < tokens.length; at++) {
        if (tokens[at]?.text === '(') depth++;
        if (tokens[at]?.text === ')' && --depth === 0) break;
      }
      at++;
    }
    if (tokens[at]?.text !== 'AS') return;
    const after = tokens[at + 1]?.text;
    if (after === '(' || after === 'MATERIALIZED' || after === 'NOT') names.push(token.text);
  });
  return names;
}
