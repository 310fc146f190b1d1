import type { Achievement } from './achievement';
import { daysBetween } from '../values/dates';
import { formatDayMonth, formatRate, formatValue } from '../values/format';
import type { Lang, Unit } from '../values/values';
import { type MessageCode, messageText } from '../messages/catalogue';

export type Status = 'on-track' | 'at-risk' | 'off-track' | 'unknown';

export interface StatusThresholds {
  onTrack: number;
  atRisk: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { onTrack: 1, atRisk: 0.85 };

/** rate: achievement rate; pace: actual ÷ expected-to-date; paceGap: actual − expected; daysLeft: days from as-of to deadline. */
export type StatusMeasure = 'rate' | 'pace' | 'paceGap' | 'daysLeft';

export interface StatusCondition {
  measure: StatusMeasure;
  atLeast?: number;
  below?: number;
}

/** A rule applies when every condition holds; the first rule that applies decides. */
export interface StatusRule {
  status: Exclude<Status, 'unknown'>;
  when: readonly StatusCondition[];
}

export interface StatusFacts {
  metric: string;
  unit: Unit;
  target: number | null;
  actual: number | null;
  achievement: Achievement;
  expected?: number | null;
  pace?: number | null;
  asOf?: string;
  deadline?: string;
}

export interface StatusVerdict {
  status: Status;
  reason: string;
  decidedBy?: StatusMeasure;
}

/** Maps a ratio to a status with the given thresholds; null → unknown. */
export function statusOf(ratio: number | null, thresholds = DEFAULT_THRESHOLDS): Status {
  if (ratio === null || !Number.isFinite(ratio)) return 'unknown';
  if (ratio >= thresholds.onTrack) return 'on-track';
  if (ratio >= thresholds.atRisk) return 'at-risk';
  return 'off-track';
}

/** Three rules on one measure: on track at/above onTrack, at risk at/above atRisk, else off track. */
export function thresholdRules(
  measure: StatusMeasure,
  thresholds = DEFAULT_THRESHOLDS,
): StatusRule[] {
  return [
    { status: 'on-track', when: [{ measure, atLeast: thresholds.onTrack }] },
    { status: 'at-risk', when: [{ measure, atLeast: thresholds.atRisk }] },
    { status: 'off-track', when: [{ measure, below: thresholds.atRisk }] },
  ];
}

/** Default order: past the deadline short of target → off track; then pace when known; then rate. */
export function defaultStatusRules(thresholds = DEFAULT_THRESHOLDS): StatusRule[] {
  return [
    {
      status: 'off-track',
      when: [
        { measure: 'daysLeft', below: 0 },
        { measure: 'rate', below: thresholds.onTrack },
      ],
    },
    ...thresholdRules('pace', thresholds),
    ...thresholdRules('rate', thresholds),
  ];
}

function measureOf(facts: StatusFacts, measure: StatusMeasure): number | null {
  if (measure === 'rate') return facts.achievement.rate;
  if (measure === 'pace') return facts.pace ?? null;
  if (measure === 'paceGap') {
    const { actual, expected } = facts;
    return actual === null || expected === null || expected === undefined
      ? null
      : actual - expected;
  }
  if (!facts.asOf || !facts.deadline) return null;
  return daysBetween(facts.asOf, facts.deadline);
}

function holds(facts: StatusFacts, condition: StatusCondition): boolean {
  const value = measureOf(facts, condition.measure);
  if (value === null || !Number.isFinite(value)) return false;
  if (condition.atLeast !== undefined && value < condition.atLeast) return false;
  if (condition.below !== undefined && value >= condition.below) return false;
  return true;
}

/** Applies ordered rules to the facts and explains the outcome in words. */
export function judgeStatus(
  facts: StatusFacts,
  lang: Lang,
  rules: readonly StatusRule[] = defaultStatusRules(),
): StatusVerdict {
  const decided = decideStatus(facts, rules);
  return { ...decided, reason: statusWords(facts, decided, lang) };
}

/** The status the first rule that holds gives the facts, and by what measure; no words (see `statusWords`). */
export function decideStatus(
  facts: StatusFacts,
  rules: readonly StatusRule[] = defaultStatusRules(),
): Omit<StatusVerdict, 'reason'> {
  for (const rule of rules) {
    if (rule.when.length > 0 && rule.when.every((condition) => holds(facts, condition))) {
      const decidedBy = rule.when.some((c) => c.measure === 'daysLeft')
        ? 'daysLeft'
        : (rule.when[0]?.measure ?? 'rate');
      return { status: rule.status, decidedBy };
    }
  }
  return { status: 'unknown' };
}

/** Why the facts have the status `decideStatus` gave them, in words. */
export function statusWords(
  facts: StatusFacts,
  decided: Omit<StatusVerdict, 'reason'>,
  lang: Lang,
): string {
  return decided.decidedBy ? explain(facts, decided.decidedBy, lang) : explainUnknown(facts, lang);
}

function explain(facts: StatusFacts, measure: StatusMeasure, lang: Lang): string {
  const value = (n: number | null | undefined): string =>
    n === null || n === undefined ? '—' : formatValue(n, facts.unit, lang);
  const { metric } = facts;
  if (measure === 'pace' || measure === 'paceGap') {
    const pace = formatRate(facts.pace ?? null, lang);
    const by = facts.asOf ? formatDayMonth(facts.asOf, lang) : '';
    return messageText(lang, 'statusPace', {
      metric,
      pace,
      by,
      expected: value(facts.expected),
      actual: value(facts.actual),
    });
  }
  const rate = formatRate(facts.achievement.rate, lang);
  if (measure === 'daysLeft') {
    const deadline = facts.deadline ? formatDayMonth(facts.deadline, lang) : '';
    return messageText(lang, 'statusPastDeadline', { metric, deadline, rate });
  }
  return messageText(lang, 'statusRate', {
    metric,
    rate,
    actual: value(facts.actual),
    target: value(facts.target),
  });
}

function explainUnknown(facts: StatusFacts, lang: Lang): string {
  const reasons: Record<string, MessageCode> = {
    'no-target': 'statusNoTarget',
    'zero-target': 'statusZeroTarget',
    'negative-target': 'statusNegativeTarget',
    'invalid-target': 'statusInvalidTarget',
    'no-actual': 'statusNoActual',
    'zero-actual': 'statusZeroActual',
  };
  const code = reasons[facts.achievement.reason ?? ''] ?? 'statusNoRule';
  return messageText(lang, code, { metric: facts.metric });
}
