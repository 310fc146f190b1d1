import {
  type Float,
  Float32,
  Table,
  type DataType,
  Precision,
  Type,
  Vector,
  tableFromIPC,
  tableToIPC,
} from 'apache-arrow';
import { columnData } from './column-data';
import { readableSchema } from './join-streams';

/**
 * DuckDB takes no half-precision floats from Arrow ("Unsupported Internal Arrow Type e"), so
 * top-level Float16 columns become Float32, which holds every Float16 value exactly.
 * Streams without one, or with a type this Arrow library cannot read, are returned untouched.
 */
export function widenHalfFloats(stream: Uint8Array): Uint8Array {
  const schema = readableSchema(stream);
  if (!schema?.fields.some((field) => isHalfFloat(field.type))) return stream;
  const table = tableFromIPC(stream);
  const columns = table.schema.fields.map((field, index): [string, Vector] => {
    const column = table.getChildAt(index);
    if (!column) throw new Error(`column ${field.name} is missing from its own table`);
    if (!isHalfFloat(field.type)) return [field.name, column];
    return [field.name, new Vector([columnData(new Float32(), [...column] as (number | null)[])])];
  });
  return tableToIPC(new Table(Object.fromEntries(columns)), 'stream');
}

const isHalfFloat = (type: DataType): boolean =>
  type.typeId === Type.Float && (type as Float).precision === Precision.HALF;
