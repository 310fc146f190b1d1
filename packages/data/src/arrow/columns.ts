import {
  Bool,
  type Data,
  type DataType,
  Float64,
  type Table,
  TimestampMillisecond,
  Utf8,
} from 'apache-arrow';
import { booleanData, millisecondsData, numberData, tableOfColumns, textData } from './column-data';

/**
 * Builds an Arrow table from plain columns. Each column gets the one type all its
 * values share (number, boolean, date), else text; null and undefined stay null.
 */
export function tableFromColumns(names: readonly string[], columns: readonly unknown[][]): Table {
  // Pairs, not an object's keys: `__proto__` is a column, and `10` keeps its place.
  return tableOfColumns(names.map((name, index) => [name, dataFor(columns[index] ?? [])]));
}

/** Builds an Arrow table from an array of objects; columns follow the keys as first seen. */
export function tableFromRecords(rows: readonly Record<string, unknown>[]): Table {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  return tableFromColumns(
    names,
    names.map((name) => rows.map((row) => row[name])),
  );
}

function dataFor(values: readonly unknown[]): Data {
  const type = sharedType(values);
  if (type instanceof Float64) {
    return numberData(
      values.map((value) => (value === null || value === undefined ? null : Number(value))),
    );
  }
  if (type instanceof Bool) {
    return booleanData(values.map((value) => (typeof value === 'boolean' ? value : null)));
  }
  if (type instanceof TimestampMillisecond) {
    return millisecondsData(
      values.map((value) => (value instanceof Date ? value.getTime() : null)),
    );
  }
  return textData(values.map(asText));
}

function sharedType(values: readonly unknown[]): DataType {
  let kind: 'number' | 'boolean' | 'date' | 'text' | undefined;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const next =
      typeof value === 'number' || typeof value === 'bigint'
        ? 'number'
        : typeof value === 'boolean'
          ? 'boolean'
          : value instanceof Date
            ? 'date'
            : 'text';
    if (kind !== undefined && kind !== next) return new Utf8();
    kind = next;
  }
  if (kind === 'number') return new Float64();
  if (kind === 'boolean') return new Bool();
  if (kind === 'date') return new TimestampMillisecond();
  return new Utf8();
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object')
    return JSON.stringify(value, (_, inner: unknown) =>
      typeof inner === 'bigint' ? Number(inner) : inner,
    );
  return String(value as number | boolean | bigint | symbol);
}
