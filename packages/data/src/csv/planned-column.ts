import type { Unit } from '@stratex/core';
import type { ColumnKind } from './report';

/** A column as the typed table will read it. */
export interface PlannedColumn {
  name: string;
  kind: ColumnKind;
  /** Period columns: each distinct cell and the period it names. */
  periods?: ReadonlyMap<string, string>;
  /** Number and date columns whose every cell DuckDB's own cast reads exactly (`1234.5`, `2024-06-01`). */
  plainOnly?: boolean;
}

/** Where a number column's per-row unit waits until the column's unit is known. */
export function unitWorkColumn(index: number): string {
  return `__sx_unit_${index}`;
}

/**
 * A number column's unit from the units its cells state. Unstated ones (`500万`, `30`)
 * take the one stated unit when there is one (as `parseCell(raw, unit)` does), except a
 * percent: a bare number among percentages is not a percentage.
 */
export function columnUnit(units: readonly string[]): Unit | 'mixed' {
  const stated = new Set(units.filter((u) => !u.endsWith('~')));
  const unstated = new Set(units.filter((u) => u.endsWith('~')).map((u) => u.slice(0, -1)));
  if (stated.size === 0) {
    if (unstated.size > 1) return 'mixed';
    return ([...unstated][0] as Unit | undefined) ?? 'number';
  }
  if (stated.size > 1) return 'mixed';
  const only = [...stated][0] as Unit;
  if (only !== 'percent') return only;
  return unstated.size === 0 ? 'percent' : 'mixed';
}
