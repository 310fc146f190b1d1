import { elapsedShare, type PacingCurve, type ScorecardPacing } from '@stratex/core';
import type { PacingNoteFacts } from '../base/pacing';

/** The period's dates as the scorecard's attributes give them. */
export interface PeriodDates {
  periodStart: string | undefined;
  periodEnd: string | undefined;
  asOf: string | undefined;
}

/**
 * The dates the scorecard paces by, as given, for what it says of them; none unless
 * `period-end` asks for pacing. A rollup reads its start and as-of day off the export's days.
 */
export function periodFacts(
  dates: PeriodDates,
  rolledUp: boolean,
  pacing: ScorecardPacing | undefined,
): PacingNoteFacts | undefined {
  if (!dates.periodEnd) return undefined;
  const own = !rolledUp;
  return {
    given: [
      { attribute: 'period-start', value: dates.periodStart, needed: own },
      { attribute: 'period-end', value: dates.periodEnd, needed: true },
      { attribute: 'as-of', value: own ? dates.asOf : undefined, needed: own },
    ],
    period: pacing?.period ?? null,
    asOf: pacing?.asOf ?? null,
  };
}

/** The as-of day and the share of the period elapsed by then, as the page paces it. */
export function elapsedOf(pacing: ScorecardPacing): { asOf: string; elapsed: number } | undefined {
  const elapsed = elapsedShare(pacing.period, pacing.asOf, pacing.curve);
  return elapsed ? { asOf: pacing.asOf, elapsed: elapsed.share } : undefined;
}

/**
 * The period the figures are to date of, when the attributes (and a rolled-up export's `days`)
 * name one: a rollup's start defaults to its first day, and its as-of day is always its last.
 */
export function scorecardPacing(
  dates: PeriodDates,
  days: { first: string; last: string } | undefined,
  rolledUp: boolean,
  curve: PacingCurve,
): ScorecardPacing | undefined {
  const start = dates.periodStart || days?.first;
  const asOf = rolledUp ? days?.last : dates.asOf;
  if (!dates.periodEnd || !start || !asOf) return undefined;
  return { period: { start, end: dates.periodEnd }, asOf, curve };
}
