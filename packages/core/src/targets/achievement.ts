export type Direction = 'higher' | 'lower';

export interface Achievement {
  rate: number | null;
  gap: number | null;
  reason?: 'no-target' | 'zero-target' | 'no-actual' | 'zero-actual';
}

/** Rounds away binary noise so that 0.12 / 0.15 reads as 0.8, not 0.7999999999999999. */
export function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

const present = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** rate = actual/target (higher is better) or target/actual (lower is better); zero or absent target => rate null with reason, never Infinity/NaN. gap = actual - target. */
export function achievement(
  target: number | null | undefined,
  actual: number | null | undefined,
  direction: Direction = 'higher',
): Achievement {
  if (!present(target)) return { rate: null, gap: null, reason: 'no-target' };
  if (!present(actual)) return { rate: null, gap: null, reason: 'no-actual' };
  const gap = tidy(actual - target);
  if (target === 0) return { rate: null, gap, reason: 'zero-target' };
  if (direction === 'higher') {
    const rate = target > 0 ? actual / target : 1 + (actual - target) / Math.abs(target);
    return { rate: tidy(rate), gap };
  }
  if (actual === 0) return { rate: null, gap, reason: 'zero-actual' };
  if (target > 0 && actual > 0) return { rate: tidy(target / actual), gap };
  return { rate: tidy(1 + (target - actual) / Math.abs(target)), gap };
}

/** Reads a direction cell: 'lower', '越低越好', '↓', '反向' mean lower is better; anything else higher. */
export function parseDirection(text: string | null | undefined): Direction {
  const key = (text ?? '').trim().toLowerCase();
  return /^(lower|low|less|down|min|↓|-)|越低|越少|越小|反向|降低|低/.test(key)
    ? 'lower'
    : 'higher';
}
