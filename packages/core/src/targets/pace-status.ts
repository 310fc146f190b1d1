import { achievement } from './achievement';
import type { Direction } from './achievement';
import { type CalendarDay, withPageCalendar } from './calendar-file';
import { chinaWorkdays } from './china-calendar';
import { elapsedShare, expectedToDate, pace } from './pacing';
import type { PacingCurve, Period, PeriodState } from './pacing';
import { defaultStatusRules, judgeStatus } from './status';
import type { Status, StatusThresholds } from './status';
import type { Lang, Unit } from '../values/values';
import { type MessageCode, messageText } from '../messages/catalogue';

/**
 * How a page paces a period's target, as every widget's `pacing` attribute names it:
 * `linear` — by calendar days (the default); `workdays` — by China's working days
 * (Monday–Friday less statutory holidays, plus 调休 weekend days), with a page's own
 * calendar laid over the shipped one; `seasonal` — by daily weights the page names.
 */
export type Pacing = 'linear' | 'workdays' | 'seasonal';

/**
 * The attribute's value as the pacing in effect: `seasonal` only with weights to follow
 * (`withWeights`), else it is linear; anything else is the default, `linear`.
 */
export function readPacing(value: string | null | undefined, withWeights = false): Pacing {
  const word = value?.trim().toLowerCase();
  if (word === 'seasonal') return withWeights ? 'seasonal' : 'linear';
  return word === 'workdays' ? 'workdays' : 'linear';
}

/** True when the attribute asks for seasonal pacing (which needs weights). */
export function asksSeasonal(value: string | null | undefined): boolean {
  return value?.trim().toLowerCase() === 'seasonal';
}

/** What a page gives a pacing beside its name: its own calendar days, and daily weights. */
export interface PacingSources {
  calendar?: readonly CalendarDay[] | undefined;
  weights?: ReadonlyMap<string, number> | undefined;
}

/** The curve a pacing follows; `seasonal` without weights is linear. */
export function pacingCurve(pacing: Pacing | undefined, sources: PacingSources = {}): PacingCurve {
  if (pacing === 'workdays') return withPageCalendar(chinaWorkdays(), sources.calendar ?? []);
  if (pacing === 'seasonal' && sources.weights)
    return { kind: 'seasonal', weights: sources.weights };
  return { kind: 'linear' };
}

/** total: daily figures that add up (revenue, contracts); average: a rate whose period figure is its mean. */
export type KpiMeasure = 'total' | 'average';

/** A figure of a period, as the pace rule reads it. */
export interface PeriodFigure {
  metric: string;
  unit: Unit;
  measure: KpiMeasure;
  direction: Direction;
  target: number | null;
  /** The total (or mean) reached by the as-of day. */
  actual: number | null;
}

export interface PaceJudgement {
  /** What the target asks for by the as-of day: its share of a total, or a rate's target itself. */
  expected: number | null;
  /** actual ÷ expected (inverted when lower is better). */
  paceRatio: number | null;
  projected: number | null;
  status: Status;
  reason: string;
  /** Null when the period's dates cannot be read. */
  state: PeriodState | null;
}

/**
 * The one pace rule every widget judges a figure of a period by. While the period runs, the
 * status goes by the ratio to expected-to-date; once it is over, by the ratio to the target
 * (short of it is off track).
 */
export function judgePace(
  figure: PeriodFigure,
  period: Period,
  asOf: string,
  options: { curve?: PacingCurve; thresholds?: StatusThresholds; lang: Lang },
): PaceJudgement {
  const { target, actual, direction, curve } = { ...figure, curve: options.curve };
  let expected: number | null = null;
  let paceRatio: number | null = null;
  let projected: number | null = null;
  if (target !== null && figure.measure === 'total') {
    const paced = actual === null ? null : pace(target, actual, period, asOf, { direction, curve });
    expected = expectedToDate(target, period, asOf, curve);
    paceRatio = paced?.ratio ?? null;
    projected = paced?.projected ?? null;
  } else if (target !== null) {
    expected = target;
    paceRatio = achievement(target, actual, direction).rate;
  }
  const verdict = judgeStatus(
    {
      metric: figure.metric,
      unit: figure.unit,
      target,
      actual,
      achievement: achievement(target, actual, direction),
      expected,
      pace: paceRatio,
      asOf,
      deadline: period.end,
    },
    options.lang,
    defaultStatusRules(options.thresholds),
  );
  const state = elapsedShare(period, asOf, curve)?.state ?? null;
  // Nothing is expected of a period that has not started.
  const status = state === 'not-started' ? 'on-track' : verdict.status;
  return { expected, paceRatio, projected, status, reason: verdict.reason, state };
}

const RUNNING_WORDS: Record<Status, MessageCode> = {
  'on-track': 'paceOnTrack',
  'at-risk': 'paceAtRisk',
  'off-track': 'paceOffTrack',
  unknown: 'paceUnknown',
};

const FINAL_WORDS: Record<Status, MessageCode> = {
  'on-track': 'periodMet',
  'at-risk': 'periodMissed',
  'off-track': 'periodMissed',
  unknown: 'paceUnknown',
};

/**
 * The status of a figure of a period in words, the same in every widget: while the period
 * runs (or before it starts) 正常 / 预警 / 严重 by the pace; once it is over 达标 / 未达标.
 */
export function paceStatusWord(status: Status, state: PeriodState, lang: Lang): string {
  const words = state === 'over' ? FINAL_WORDS : RUNNING_WORDS;
  return messageText(lang, words[status]);
}
