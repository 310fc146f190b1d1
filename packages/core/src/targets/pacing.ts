import { achievement, tidy } from './achievement';
import type { Direction } from './achievement';
import { dayNumber, fromDayNumber, weekday } from '../values/dates';
import { seasonalShare, weightsCover } from './seasonal';

export interface Period {
  start: string;
  end: string;
}

/** How the target is expected to accumulate over the period; the as-of day counts as elapsed. */
export type PacingCurve =
  | { kind: 'linear' }
  | {
      kind: 'working-days';
      holidays?: readonly string[];
      /** Weekend days that are worked (调休), ISO dates. */
      extraWorkdays?: readonly string[];
      /** Days of week off, 0 = Sunday; default Saturday and Sunday. */
      weekend?: readonly number[];
    }
  | { kind: 'cumulative'; points: readonly { date: string; share: number }[] }
  /** Daily weights by ISO day; a period they do not cover (a day without one) is paced linearly. */
  | { kind: 'seasonal'; weights: ReadonlyMap<string, number> };

export type PeriodState = 'not-started' | 'running' | 'over';

export interface ElapsedShare {
  share: number;
  state: PeriodState;
  daysElapsed: number;
  daysTotal: number;
}

export interface Pace extends ElapsedShare {
  expected: number;
  gap: number;
  /** actual ÷ expected (inverted when lower is better); null before anything is expected. */
  ratio: number | null;
  /** End-of-period value at the current run rate; null before the period starts. */
  projected: number | null;
  projectedRate: number | null;
}

const LINEAR: PacingCurve = { kind: 'linear' };

/** Share of the period's target expected by the end of the as-of day; null for invalid dates or an end before the start. */
export function elapsedShare(
  period: Period,
  asOf: string,
  curve: PacingCurve = LINEAR,
): ElapsedShare | null {
  const start = dayNumber(period.start);
  const end = dayNumber(period.end);
  const today = dayNumber(asOf);
  if (start === null || end === null || today === null || end < start) return null;
  const daysTotal = end - start + 1;
  const daysElapsed = Math.min(Math.max(today - start + 1, 0), daysTotal);
  const state: PeriodState = today < start ? 'not-started' : today > end ? 'over' : 'running';
  let share: number;
  if (state !== 'running') share = state === 'over' ? 1 : 0;
  else if (curve.kind === 'working-days') share = workingDayShare(start, end, today, curve);
  else if (curve.kind === 'cumulative')
    share = curveShare(start, daysTotal, daysElapsed, curve.points);
  else if (curve.kind === 'seasonal' && weightsCover(period, curve.weights))
    share = seasonalShare(start, end, today, curve.weights);
  else share = daysElapsed / daysTotal;
  return { share: tidy(share), state, daysElapsed, daysTotal };
}

type WorkingDays = Extract<PacingCurve, { kind: 'working-days' }>;

/** Working days from `start` to `end`, and those by the end of `today` (day numbers). */
function countWorkingDays(
  start: number,
  end: number,
  today: number,
  curve: WorkingDays,
): { total: number; done: number } {
  const holidays = new Set(curve.holidays ?? []);
  const extra = new Set(curve.extraWorkdays ?? []);
  const weekend = new Set(curve.weekend ?? [0, 6]);
  let total = 0;
  let done = 0;
  for (let day = start; day <= end; day++) {
    const iso = fromDayNumber(day);
    const works = extra.has(iso) || (!weekend.has(weekday(iso) ?? -1) && !holidays.has(iso));
    if (!works) continue;
    total++;
    if (day <= today) done++;
  }
  return { total, done };
}

/** How many working days a period holds on a working-days curve; null for unreadable dates. */
export function workingDaysIn(period: Period, curve: WorkingDays): number | null {
  const start = dayNumber(period.start);
  const end = dayNumber(period.end);
  if (start === null || end === null || end < start) return null;
  return countWorkingDays(start, end, end, curve).total;
}

function workingDayShare(start: number, end: number, today: number, curve: WorkingDays): number {
  const { total, done } = countWorkingDays(start, end, today, curve);
  return total === 0 ? (today >= end ? 1 : 0) : done / total;
}

function curveShare(
  start: number,
  daysTotal: number,
  daysElapsed: number,
  points: readonly { date: string; share: number }[],
): number {
  const knots = [{ at: 0, share: 0 }];
  for (const point of points) {
    const day = dayNumber(point.date);
    if (day === null) continue;
    const at = day - start + 1;
    if (at > 0 && at < daysTotal) knots.push({ at, share: Math.min(Math.max(point.share, 0), 1) });
  }
  knots.push({ at: daysTotal, share: 1 });
  knots.sort((a, b) => a.at - b.at);
  for (let i = 1; i < knots.length; i++) {
    const before = knots[i - 1];
    const after = knots[i];
    if (!before || !after || daysElapsed > after.at) continue;
    const span = after.at - before.at;
    const fraction = span === 0 ? 1 : (daysElapsed - before.at) / span;
    return before.share + (after.share - before.share) * fraction;
  }
  return 1;
}

/** The value a target should have reached by the as-of date. */
export function expectedToDate(
  target: number,
  period: Period,
  asOf: string,
  curve: PacingCurve = LINEAR,
): number | null {
  const elapsed = elapsedShare(period, asOf, curve);
  return elapsed === null ? null : tidy(target * elapsed.share);
}

/** actual − expected: positive is ahead of pace, negative behind (for higher-is-better metrics). */
export function paceGap(actual: number, expected: number): number {
  return tidy(actual - expected);
}

/** Expected-to-date value, pace gap, pace ratio and projection for one cumulative metric. */
export function pace(
  target: number,
  actual: number,
  period: Period,
  asOf: string,
  options: { curve?: PacingCurve; direction?: Direction } = {},
): Pace | null {
  const elapsed = elapsedShare(period, asOf, options.curve);
  if (elapsed === null) return null;
  const expected = tidy(target * elapsed.share);
  const projected = elapsed.share === 0 ? null : tidy(actual / elapsed.share);
  const ratio = expected === 0 ? null : achievement(expected, actual, options.direction).rate;
  const projectedRate =
    projected === null ? null : achievement(target, projected, options.direction).rate;
  return { ...elapsed, expected, gap: paceGap(actual, expected), ratio, projected, projectedRate };
}
