import type { SchemaElement } from 'hyparquet';

/**
 * A Parquet column's type as its writer declared it, in the words Parquet's own tools use:
 * `DECIMAL(50, 2)`, `TIMESTAMP(NANOS, UTC)`, `INT96`, `LIST`, `STRING`.
 */
export function parquetTypeName(element: SchemaElement): string {
  const logical = element.logical_type;
  if (logical?.type === 'DECIMAL') return `DECIMAL(${logical.precision}, ${logical.scale})`;
  if (element.converted_type === 'DECIMAL') {
    return `DECIMAL(${element.precision ?? '?'}, ${element.scale ?? 0})`;
  }
  if (logical?.type === 'TIMESTAMP' || logical?.type === 'TIME') {
    return `${logical.type}(${logical.unit}${logical.isAdjustedToUTC ? ', UTC' : ''})`;
  }
  if (logical?.type === 'INTEGER') {
    return `${logical.isSigned ? 'INT' : 'UINT'}${logical.bitWidth}`;
  }
  if (logical) return logical.type;
  if (element.converted_type) return element.converted_type;
  if (element.type) return element.type;
  return element.num_children ? 'STRUCT' : 'unknown';
}
