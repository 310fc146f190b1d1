import { quoteLiteral } from '../../sql';

/*
 * SQL that reads cells the way `parseCell` (packages/core) does, for the forms exports use,
 * so a million cells are read inside DuckDB. Tests check both readings agree cell by cell.
 *
 * This folder is the DuckDB loader's SQL, and DuckDB's alone: CSV exports are loaded only
 * into the engine's own database (DuckDB-WASM in the page, DuckDB in Node), and these rules
 * lean on its functions (regexp_extract into structs, GLOB, try_cast, POSITIONAL JOIN,
 * read_csv, reservoir samples). A second spelling would be a second copy of core's rules to
 * keep in step; a database of another kind is queried, never loaded from CSV. Statements that
 * are not about reading CSV (create, swap, drop, describe) go through the engine's dialect.
 */

const FULL_WIDTH = Array.from({ length: 94 }, (_, k) => String.fromCharCode(0xff01 + k)).join('');
const HALF_WIDTH = Array.from({ length: 94 }, (_, k) => String.fromCharCode(0x21 + k)).join('');
const JS_SPACE =
  '[\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]';

const FOLDED_CHARS = '[\\x{ff01}-\\x{ff5e}\\x{ffe5}\\x{2212}\\x{2013}\\x{2014}]';

/** `normaliseText`: full-width ASCII folded, ￥ → ¥, dashes → `-`, spaces collapsed, trimmed. */
export function normalisedSql(cell: string): string {
  const fold = `translate(${cell}, ${quoteLiteral(`${FULL_WIDTH}\uffe5\u2212\u2013\u2014`)}, ${quoteLiteral(`${HALF_WIDTH}¥---`)})`;
  const folded = `CASE WHEN regexp_matches(${cell}, '${FOLDED_CHARS}') THEN ${fold} ELSE ${cell} END`;
  return `trim(regexp_replace(${folded}, '${JS_SPACE}+', ' ', 'g'))`;
}

/** Plain digits (`-1234.5`, no leading zero): DuckDB's own cast reads them exactly as `parseCell`. */
export function plainNumberSql(cell: string): string {
  return `regexp_full_match(${cell}, '-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?')`;
}

/** An ISO day (`2024-06-01`), which DuckDB's own cast reads (and checks) as `parseCell` does. */
export function plainDateSql(cell: string): string {
  return `(${cell} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;
}

/** True when a cell holds more than spaces. */
export function filledSql(cell: string): string {
  return `(${cell} IS NOT NULL AND regexp_matches(${cell}, '[^${JS_SPACE.slice(1, -1)}]'))`;
}

const COUNT_WORDS = '家个人次件台条场位单户名项份篇座所辆套张笔批';
const NUMBER_PATTERN =
  '^([¥$]|RMB|CNY|USD)? ?([-+])? ?([¥$])? ?' +
  '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+) ?' +
  '(万亿|千万|百万|亿|万|千|[wWkKMBT])? ?' +
  `(%|元|人民币|美元|块|[${COUNT_WORDS}][\\x{4e00}-\\x{9fff}]{0,4})?$`;
const PART_NAMES = "['currency', 'sign', 'currency2', 'digits', 'scale', 'suffix']";

/** The parts of a number cell as a struct (all '' when the cell is not a number); `note` in brackets dropped. */
export function numberPartsSql(cell: string): string {
  const withoutNote = `regexp_replace(${normalisedSql(cell)}, '^(.*?) *\\([^()]*\\)$', '\\1')`;
  return `regexp_extract(${withoutNote}, ${quoteLiteral(NUMBER_PATTERN)}, ${PART_NAMES})`;
}

const SCALE_EXPONENT =
  "CASE p.scale WHEN '万亿' THEN 12 WHEN '千万' THEN 7 WHEN '百万' THEN 6 WHEN '亿' THEN 8 " +
  "WHEN '万' THEN 4 WHEN '千' THEN 3 WHEN 'w' THEN 4 WHEN 'W' THEN 4 WHEN 'k' THEN 3 WHEN 'K' THEN 3 " +
  "WHEN 'M' THEN 6 WHEN 'B' THEN 9 WHEN 'T' THEN 12 ELSE 0 END";

/**
 * The signed value of a number cell from its parts: digits shifted by 万/亿/k/% as decimal
 * text (`1.1e4`), so it rounds exactly as JavaScript's `Number()` does. May be -0.
 */
export function signedNumberSql(parts: string): string {
  const p = (name: string): string => `${parts}.${name}`;
  const exponent = SCALE_EXPONENT.replaceAll('p.scale', p('scale'));
  const magnitude = `CAST(replace(${p('digits')}, ',', '') || 'e' || ((${exponent}) - CASE WHEN ${p('suffix')} = '%' THEN 2 ELSE 0 END) AS DOUBLE)`;
  return (
    `CASE WHEN ${p('digits')} = '' OR regexp_matches(${p('digits')}, '^0\\d') ` +
    `OR (${p('currency')} <> '' AND ${p('currency2')} <> '') ` +
    `OR (${p('suffix')} = '%' AND (${p('currency')} <> '' OR ${p('currency2')} <> '')) THEN NULL ` +
    `WHEN ${p('sign')} = '-' THEN -${magnitude} ELSE ${magnitude} END`
  );
}

/** Folds -0 to 0, as `parseCell` does. */
export function unsignedZeroSql(value: string): string {
  return `CASE WHEN ${value} = 0 THEN 0.0 ELSE ${value} END`;
}

/**
 * The unit a number cell states: `money`, `count`, `percent`; an unstated one ends in `~`
 * (`money~` for a bare 万/亿 amount, `number~` for plain digits) so a column can lend it its own.
 */
export function statedUnitSql(parts: string): string {
  const p = (name: string): string => `${parts}.${name}`;
  return (
    `CASE WHEN ${p('digits')} = '' THEN NULL WHEN ${p('suffix')} = '%' THEN 'percent' ` +
    `WHEN ${p('currency')} <> '' OR ${p('currency2')} <> '' OR ${p('suffix')} IN ('元', '人民币', '美元', '块') THEN 'money' ` +
    `WHEN ${p('suffix')} <> '' THEN 'count' ` +
    `WHEN regexp_matches(${p('scale')}, '[\\x{4e00}-\\x{9fff}]') THEN 'money~' ELSE 'number~' END`
  );
}

const DATE_PATTERNS = [
  '^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?$',
  '^(\\d{4}) ?年 ?(\\d{1,2}) ?月 ?(\\d{1,2}) ?[日号]?$',
];

/** The year, month and day of a date cell (`2024/6/1`, `2024-06-01 09:30`, `2024年6月10日`), one struct per form. */
export function datePartsSql(normalised: string): string[] {
  return DATE_PATTERNS.map(
    (pattern) => `regexp_extract(${normalised}, ${quoteLiteral(pattern)}, ['y', 'm', 'd'])`,
  );
}

/** The DATE the parts name; NULL when no form matched or there is no such day. */
export function dateValueSql(parts: readonly string[]): string {
  const tries = parts.map(
    (d) => `try_cast(${d}.y || '-' || lpad(${d}.m, 2, '0') || '-' || lpad(${d}.d, 2, '0') AS DATE)`,
  );
  return `coalesce(${tries.join(', ')})`;
}

/** A period cell through a table of the column's distinct values, each read by `parseCell`. */
export function periodValueSql(cell: string, periods: ReadonlyMap<string, string>): string {
  if (periods.size === 0) return 'CAST(NULL AS VARCHAR)';
  const cases = [...periods].map(
    ([raw, period]) => `WHEN ${quoteLiteral(raw)} THEN ${quoteLiteral(period)}`,
  );
  return `CASE ${cell} ${cases.join(' ')} ELSE NULL END`;
}

/** A text cell, with Excel's `="00123"` (text forced on a code) unwrapped. */
export function textValueSql(cell: string): string {
  return `CASE WHEN ${cell} LIKE '="%"' THEN substr(${cell}, 3, length(${cell}) - 3) ELSE ${cell} END`;
}
