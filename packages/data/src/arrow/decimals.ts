import { DataType, Float64, Struct, type Data, type Decimal, type Table } from 'apache-arrow';

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

type Made<T> = new (...args: unknown[]) => T;
const classOf = <T extends object>(value: T): Made<T> => value.constructor as Made<T>;

/**
 * The engine's DECIMAL columns (money held exactly) as doubles, each the nearest double to
 * the decimal (`96` at scale 1 is 9.6). DuckDB-WASM's own conversion on the way out multiplies
 * and may land one step off (9.600000000000001); its SQL cast does not, and nor does this.
 * The table is rebuilt with the classes of the Arrow library that made it (DuckDB-WASM bundles
 * its own), so that its other columns are kept as they are.
 */
export function decimalsAsDoubles(table: Table): Table {
  const fields = table.schema.fields;
  // No rows: nothing to read as doubles.
  if (!fields.some((field) => DataType.isDecimal(field.type)) || table.numRows === 0) return table;
  const FieldOf = classOf(fields[0]!);
  const doubled = fields.map((field) =>
    DataType.isDecimal(field.type) ? new FieldOf(field.name, new Float64(), true) : field,
  );
  const schema = new (classOf(table.schema))(doubled);
  const batches = table.batches
    .filter((batch) => batch.numRows > 0)
    .map((batch) => {
      const DataOf = classOf(batch.data);
      const children = batch.data.children.map((data, index) =>
        DataType.isDecimal(fields[index]?.type) ? doubles(DataOf, data as Data<Decimal>) : data,
      );
      const struct = new DataOf(new Struct(doubled), 0, batch.numRows, 0, [], children);
      // One schema for every batch: each batch's own copy would be compared field by field,
      // across two copies of the Arrow library (the engine's and ours), and found unequal.
      return Object.assign(new (classOf(batch))(schema, struct), { schema });
    });
  return new (classOf(table))(batches);
}

/** A DECIMAL column's values as a column of doubles, made with `DataOf`. */
function doubles(DataOf: Made<Data>, data: Data<Decimal>): Data {
  const { scale, bitWidth } = data.type;
  const stride = bitWidth / 32;
  const words = data.values as unknown as Uint32Array;
  const values = new Float64Array(data.length);
  for (let row = 0; row < data.length; row++) {
    if (!data.getValid(row)) continue;
    const base = (data.offset + row) * stride;
    let whole = 0n;
    for (let word = stride - 1; word >= 0; word--) {
      whole = (whole << 32n) | BigInt(words[base + word] ?? 0);
    }
    if ((words[base + stride - 1] ?? 0) & 0x80000000) whole -= 1n << BigInt(32 * stride);
    const magnitude = whole < 0n ? -whole : whole;
    values[row] = magnitude <= SAFE ? Number(whole) / 10 ** scale : Number(`${whole}e-${scale}`);
  }
  const validity = data.nullCount > 0 ? validityOf(data) : undefined;
  return new DataOf(new Float64(), 0, data.length, data.nullCount, [undefined, values, validity]);
}

/** The column's null bitmap, starting at its first row. */
function validityOf(data: Data): Uint8Array {
  const bits = new Uint8Array(Math.ceil(data.length / 8));
  for (let row = 0; row < data.length; row++) {
    if (data.getValid(row)) bits[row >> 3]! |= 1 << (row & 7);
  }
  return bits;
}
