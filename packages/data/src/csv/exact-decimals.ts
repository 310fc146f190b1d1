import type { Unit } from '@stratex/core';

/** Past this many digits after the point a column's figures are measurements, not money: DOUBLE. */
export const MAX_SCALE = 4;

/** A number column read as exact decimals: DECIMAL(precision, scale). */
export interface ExactDecimal {
  precision: 18 | 38;
  scale: number;
}

/** `DECIMAL(18,2)`: how the engine's typed table holds the column. */
export function decimalType(exact: ExactDecimal): string {
  return `DECIMAL(${exact.precision},${exact.scale})`;
}

/**
 * The digits a figure read from an export has after the point (`1234.56` → 2, `1.5万` → 0),
 * up to `MAX_SCALE`; undefined past it. The figure is the nearest double to what was written,
 * so it is shifted and compared with the whole number it should then be.
 */
export function decimalScale(value: number): number | undefined {
  for (let scale = 0; scale <= MAX_SCALE; scale++) {
    const shifted = value * 10 ** scale;
    if (!Number.isFinite(shifted)) return undefined;
    if (Math.abs(shifted - Math.round(shifted)) <= Math.abs(shifted) * 4 * Number.EPSILON)
      return scale;
  }
  return undefined;
}

/**
 * How a number column is held so that its sums are exact to the fen: money (`500万元`, `¥1,200`)
 * and any column of figures with a few digits after the point become DECIMAL with the most
 * digits seen; whole figures of another unit stay DOUBLE (their sums are exact already), as do
 * columns with more digits than `MAX_SCALE` or of mixed units. Blank cells (null) say nothing.
 */
export function exactDecimalFor(
  values: Iterable<number | null>,
  unit: Unit | 'mixed' | undefined,
): ExactDecimal | undefined {
  if (unit === 'mixed') return undefined;
  let scale = 0;
  let largest = 0;
  for (const value of values) {
    if (value === null) continue;
    const digits = decimalScale(value);
    if (digits === undefined) return undefined;
    scale = Math.max(scale, digits);
    largest = Math.max(largest, Math.abs(value));
  }
  return exactDecimalOf(scale, largest, unit);
}

/** The type for a column whose figures have at most `scale` digits after the point and reach `largest`. */
export function exactDecimalOf(
  scale: number,
  largest: number,
  unit: Unit | 'mixed' | undefined,
): ExactDecimal | undefined {
  if (unit === 'mixed' || scale > MAX_SCALE || (scale === 0 && unit !== 'money')) return undefined;
  if (largest * 10 ** scale < 1e17) return { precision: 18, scale };
  if (largest * 10 ** scale < 1e37) return { precision: 38, scale };
  return undefined;
}

/**
 * The sum of figures of a column held as DECIMAL(·, `scale`), as the engine sums it: each a
 * whole number of 10^-scale, added exactly, the total rounded once to the nearest double.
 */
export function exactSum(values: readonly number[], scale: number): number {
  const step = 10 ** scale;
  let total = 0;
  let big: bigint | undefined;
  for (const value of values) {
    const units = Math.round(value * step);
    if (big === undefined && Number.isSafeInteger(total + units)) {
      total += units;
      continue;
    }
    big = (big ?? BigInt(total)) + BigInt(units);
  }
  const whole = big ?? total;
  return Number(`${whole}e-${scale}`);
}
