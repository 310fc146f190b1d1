import type { QueryParam } from '../connector';
import { clickhouseLiteral, replacePlaceholders } from './literals';

/**
 * How values and answers travel between the page and a server. `literals`: values written
 * into the text as escaped literals, the answer as `JSONCompact` rows — all 18.16 has.
 * `parameters`: values apart from the text as query parameters (`{p0:String}` in the text,
 * `param_p0` beside it, so no value is ever read as SQL), the answer as
 * `JSONColumnsWithMetadata` (one array per column, typed by its `meta`).
 */
export type ClickHouseWire = 'literals' | 'parameters';

/**
 * The first release given the parameters way. Query parameters (19.x) and the
 * `JSONColumnsWithMetadata` format (22.x) are both older than it: a margin, so no release
 * near either feature's first appearance is asked for what it may not have.
 */
export const PARAMETERS_FROM: readonly [number, number] = [23, 1];

/** The wire to use with a server whose `SELECT version()` answered `version` (`18.16.1`, `26.7.2.1`). */
export function wireFor(version: string): ClickHouseWire {
  const [major, minor] = version.trim().split('.').map(Number);
  if (major === undefined || minor === undefined || !Number.isInteger(major)) return 'literals';
  const [fromMajor, fromMinor] = PARAMETERS_FROM;
  return major > fromMajor || (major === fromMajor && minor >= fromMinor)
    ? 'parameters'
    : 'literals';
}

/** A statement with its values apart: `sql` names them `{p0:Type}`, `values` holds their text by name. */
export interface ParameterisedStatement {
  sql: string;
  values: Record<string, string>;
}

/**
 * Replaces each `?` (outside strings, quoted names and comments) by a typed query parameter of
 * the type ClickHouse gives the same value written as a literal — text as `String`, a whole
 * number as the narrowest `UInt*` (`Int*` when negative) that holds it, others as `Float64`,
 * booleans as `UInt8` 1/0 — so answers come back typed as on the literals wire. NULL has no
 * value to carry and is written as the keyword. Each value's text is in the server's escaped
 * form, as it parses it.
 */
export function bindParameters(
  sql: string,
  params: readonly QueryParam[] = [],
): ParameterisedStatement {
  const values: Record<string, string> = {};
  const text = replacePlaceholders(sql, params, (value, index) => {
    if (value === null) return 'NULL';
    const name = `p${index}`;
    if (typeof value === 'string') {
      values[name] = escapeParameter(value);
      return `{${name}:String}`;
    }
    if (typeof value === 'boolean') {
      values[name] = value ? '1' : '0';
      return `{${name}:UInt8}`;
    }
    // Checks the value as a literal would be checked (finite numbers only), then sends its text.
    clickhouseLiteral(value);
    values[name] = String(value);
    return `{${name}:${numberType(value)}}`;
  });
  return { sql: text, values };
}

const WIDTHS = [8, 16, 32, 64] as const;

/** The type of a number written as a ClickHouse literal. */
function numberType(value: number): string {
  if (!Number.isSafeInteger(value)) return 'Float64';
  const bits = WIDTHS.find((width) =>
    value < 0 ? value >= -(2 ** (width - 1)) : value < 2 ** width,
  );
  return `${value < 0 ? 'Int' : 'UInt'}${bits ?? 64}`;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\0': '\\0',
};

/** A parameter's text as the server reads it (its "Escaped" form): backslash and control characters escaped. */
export function escapeParameter(text: string): string {
  return text.replace(/[\\\t\n\r\0]/g, (char) => ESCAPES[char] ?? char);
}
