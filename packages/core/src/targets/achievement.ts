export type Direction = 'higher' | 'lower';

export interface Achievement {
  rate: number | null;
  gap: number | null;
  reason?:
    | 'no-target'
    | 'zero-target'
    | 'negative-target'
    | 'invalid-target'
    | 'no-actual'
    | 'zero-actual';
}

/** Rounds away binary noise so that 0.12 / 0.15 reads as 0.8, not 0.7999999999999999. */
export function tidy(value: number): number {
  // A whole number of up to twelve digits has no noise to round away.
  if (Number.isInteger(value) && value < 1e12 && value > -1e12) return value === 0 ? 0 : value;
  return Number(value.toPrecision(12));
}

const present = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/**
 * rate = actual/target (higher is better) or target/actual (lower is better); gap = actual −
 * target. A target that is absent, zero, negative or not a finite number gives no rate (never
 * Infinity, NaN or a negative share of a negative target) and says which, as `reason`.
 */
export function achievement(
  target: number | null | undefined,
  actual: number | null | undefined,
  direction: Direction = 'higher',
): Achievement {
  if (target === null || target === undefined)
    return { rate: null, gap: null, reason: 'no-target' };
  if (!present(target)) return { rate: null, gap: null, reason: 'invalid-target' };
  if (!present(actual)) return { rate: null, gap: null, reason: 'no-actual' };
  const gap = tidy(actual - target);
  if (target === 0) return { rate: null, gap, reason: 'zero-target' };
  if (target < 0) return { rate: null, gap, reason: 'negative-target' };
  if (direction === 'higher') return { rate: tidy(actual / target), gap };
  if (actual === 0) return { rate: null, gap, reason: 'zero-actual' };
  // Lower is better: below zero beats any positive figure, so it scores above 100 %.
  return { rate: tidy(actual > 0 ? target / actual : 1 + (target - actual) / target), gap };
}

/** Reads a direction cell: 'lower', '越低越好', '↓', '反向' mean lower is better; anything else higher. */
export function parseDirection(text: string | null | undefined): Direction {
  const key = (text ?? '').trim().toLowerCase();
  return /^(lower|low|less|down|min|↓|-)|越低|越少|越小|反向|降低|低/.test(key)
    ? 'lower'
    : 'higher';
}
