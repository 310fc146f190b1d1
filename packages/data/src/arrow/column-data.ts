import {
  Bool,
  type Data,
  DataType,
  Field,
  Float64,
  makeData,
  Null,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  Utf8,
} from 'apache-arrow';

/*
 * Arrow columns laid out from their buffers. Arrow's builders (`vectorFromArray`) compile
 * their null test with `new Function`, which a page's Content-Security-Policy (no
 * 'unsafe-eval') and Trusted Types refuse; these never evaluate code.
 */

/** A text column: its cells' UTF-8 bytes, where each starts, and which are NULL. */
export function textData(cells: readonly (string | null)[]): Data<Utf8> {
  const encoder = new TextEncoder();
  const encoded = cells.map((cell) => (cell === null ? undefined : encoder.encode(cell)));
  const offsets = new Int32Array(cells.length + 1);
  encoded.forEach((bytes, row) => (offsets[row + 1] = offsets[row]! + (bytes?.length ?? 0)));
  const data = new Uint8Array(offsets[cells.length]!);
  encoded.forEach((bytes, row) => bytes && data.set(bytes, offsets[row]!));
  return makeData({ type: new Utf8(), ...validity(cells), valueOffsets: offsets, data });
}

/** A column of doubles, NULL where the value is null. */
export function numberData(values: readonly (number | null)[]): Data<Float64> {
  const data = Float64Array.from(values, (value) => value ?? 0);
  return makeData({ type: new Float64(), ...validity(values), data });
}

/** A column of booleans, NULL where the value is null. */
export function booleanData(values: readonly (boolean | null)[]): Data<Bool> {
  const data = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, row) => value && (data[row >> 3]! |= 1 << (row & 7)));
  return makeData({ type: new Bool(), ...validity(values), data });
}

/** Instants as milliseconds since 1970, NULL where the value is null. */
export function millisecondsData(values: readonly (number | null)[]): Data<TimestampMillisecond> {
  const data = BigInt64Array.from(values, (value) => BigInt(Math.trunc(value ?? 0)));
  return makeData({ type: new TimestampMillisecond(), ...validity(values), data });
}

/**
 * A column of `type` from values already read for it: text, booleans, timestamps (as
 * milliseconds), NULLs, or numbers of a fixed width (bigint for 64-bit integers).
 */
export function columnData(type: DataType, values: readonly unknown[]): Data {
  if (DataType.isUtf8(type)) return textData(values as (string | null)[]);
  if (DataType.isBool(type)) return booleanData(values as (boolean | null)[]);
  if (DataType.isTimestamp(type)) return millisecondsData(values as (number | null)[]);
  if (DataType.isNull(type)) return makeData({ type: new Null(), length: values.length });
  const ArrayType = type.ArrayType as {
    from(values: readonly unknown[], map: (value: unknown) => unknown): ArrayLike<unknown>;
  };
  const zero = ArrayType === BigInt64Array || ArrayType === BigUint64Array ? 0n : 0;
  const data = ArrayType.from(values, (value) => value ?? zero);
  return makeData({ type, ...validity(values), data } as Parameters<typeof makeData>[0]);
}

/** One table of the columns, in the order given (a header such as `10` keeps its place). */
export function tableOfColumns(columns: readonly (readonly [string, Data])[]): Table {
  const fields = columns.map(([name, data]) => new Field(name, data.type as DataType, true));
  const length = columns[0]?.[1].length ?? 0;
  const children = columns.map(([, data]) => data);
  const batch = new RecordBatch(
    new Schema(fields),
    makeData({ type: new Struct(fields), length, nullCount: 0, children }),
  );
  return new Table([batch]);
}

/** Arrow's validity bitmap (one bit a row, set where filled), the count of NULLs, the length. */
function validity(values: readonly unknown[]): {
  length: number;
  nullCount: number;
  nullBitmap: Uint8Array;
} {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((value, row) => {
    if (value === null) nullCount++;
    else nullBitmap[row >> 3]! |= 1 << (row & 7);
  });
  return { length: values.length, nullCount, nullBitmap };
}
