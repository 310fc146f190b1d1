import {
  type DataType,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  Null,
  Table,
  TimestampMillisecond,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Utf8,
} from 'apache-arrow';
import { columnData, tableOfColumns } from '../arrow/column-data';
import { ClickHouseError } from './errors';

/** The body of `FORMAT JSONCompact`: column names and types, then rows as arrays. */
interface JsonCompact {
  meta: { name: string; type: string }[];
  data: unknown[][];
}

/**
 * Reads a `JSONCompact` answer into an Arrow table typed from its `meta`:
 * integers keep their width (64-bit ones as BigInt, whether the server quoted them or not),
 * floats and decimals become Float64 (a decimal's exact text rounds once, to the nearest
 * double), Date and DateTime become millisecond timestamps (read as UTC), anything else text.
 */
export function tableFromJsonCompact(body: string): Table {
  // A statement with no result (DDL, INSERT) answers nothing at all.
  if (body.trim() === '') return new Table();
  const parsed = parseAnswer(body) as JsonCompact;
  if (!Array.isArray(parsed.meta) || !Array.isArray(parsed.data))
    throw new ClickHouseError('clickhouse-bad-answer', 'no meta or data in the answer');
  return tableOfColumns(
    parsed.meta.map((column, index) => {
      const kind = arrowKind(column.type);
      return [
        column.name,
        columnData(
          kind.type,
          parsed.data.map((row) => kind.read(row[index])),
        ),
      ];
    }),
  );
}

/**
 * Parses a JSON answer, keeping every integer too long for a JavaScript number exact: current
 * releases write 64-bit integers unquoted by default (`output_format_json_quote_64bit_integers`
 * is 0), which a `readonly=1` reader cannot change, and `JSON.parse` would round them. Such
 * integers (16 digits and more, outside strings) are read as their text, which `arrowKind`
 * reads exactly.
 */
export function parseAnswer(body: string): unknown {
  const text = /\d{16}/.test(body) ? body.replace(LONG_INTEGERS, quoteInteger) : body;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ClickHouseError('clickhouse-bad-answer', body.slice(0, 200));
  }
}

/** A JSON string (left as it is), or a whole integer of 16 digits or more (not the digits of a fraction). */
const LONG_INTEGERS = /"(?:[^"\\]|\\.)*"|(?<![\d.])-?\d{16,}(?![.\deE])/g;
const quoteInteger = (token: string): string => (token.startsWith('"') ? token : `"${token}"`);

interface ArrowKind {
  type: DataType;
  read: (value: unknown) => unknown;
}

const orNull =
  (read: (value: NonNullable<unknown>) => unknown) =>
  (value: unknown): unknown =>
    value === null || value === undefined ? null : read(value);

const asNumber = orNull((value) => (typeof value === 'number' ? value : Number(value)));
const asBigInt = orNull((value) =>
  typeof value === 'bigint'
    ? value
    : BigInt(typeof value === 'number' ? Math.trunc(value) : String(value)),
);
const asText = orNull((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
const asMillis = orNull((value) => {
  const text = String(value);
  const iso = text.length === 10 ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}Z`;
  const millis = Date.parse(iso);
  return Number.isNaN(millis) ? null : millis;
});

const INTEGERS: Record<string, () => DataType> = {
  Int8: () => new Int8(),
  Int16: () => new Int16(),
  Int32: () => new Int32(),
  UInt8: () => new Uint8(),
  UInt16: () => new Uint16(),
  UInt32: () => new Uint32(),
};

/** The Arrow type for a ClickHouse type name, and how to read its JSON values. */
export function arrowKind(clickhouseType: string): ArrowKind {
  const type = innerType(clickhouseType);
  const integer = INTEGERS[type];
  if (integer) return { type: integer(), read: asNumber };
  if (type === 'Int64') return { type: new Int64(), read: asBigInt };
  if (type === 'UInt64') return { type: new Uint64(), read: asBigInt };
  if (/^(Float32|Float64|Decimal(32|64|128)?\b)/.test(type))
    return { type: new Float64(), read: asNumber };
  if (type === 'Date' || /^DateTime\b/.test(type))
    return { type: new TimestampMillisecond(), read: asMillis };
  if (type === 'Nothing') return { type: new Null(), read: () => null };
  return { type: new Utf8(), read: asText };
}

/** `Nullable(LowCardinality(String))` → `String`. */
function innerType(type: string): string {
  const wrapped = /^(?:Nullable|LowCardinality)\((.*)\)$/.exec(type.trim());
  return wrapped?.[1] ? innerType(wrapped[1]) : type.trim();
}

/** Whether a column of this ClickHouse type holds numbers. */
export function isNumericClickHouseType(clickhouseType: string): boolean {
  return /^(U?Int(8|16|32|64)|Float(32|64)|Decimal)/.test(innerType(clickhouseType));
}

/** Whether a column of this ClickHouse type holds text (compared without conversion). */
export function isTextClickHouseType(clickhouseType: string): boolean {
  return /^(String|FixedString|Enum)/.test(innerType(clickhouseType));
}
