import { achievement, tidy } from './achievement';
import type { Direction } from './achievement';
import { formatValue } from '../values/format';
import { pace } from './pacing';
import type { PacingCurve, Period, PeriodState } from './pacing';
import type { RoleSchema } from '../records/roles';
import type { SplitCheck } from './rollup';
import { DEFAULT_THRESHOLDS, statusOf } from './status';
import type { Status, StatusThresholds } from './status';
import { readCell } from '../values/cells';
import { cellNumber, type Lang, type Unit } from '../values/values';
import type { Cell } from '../values/cells';
import { messageText } from '../messages/catalogue';

/** The two figures a target breakdown needs: a planned amount per item and what came in against it. */
export const TARGET_SPLIT_SCHEMA: RoleSchema = {
  name: 'target-split',
  roles: [
    {
      role: 'target',
      required: true,
      aliases: [
        'target',
        '目标值',
        '目标',
        '目标额',
        '目标金额',
        'target_value',
        'target_share',
        'goal',
        'budget',
        '预算',
        '预算金额',
        'planned_budget',
      ],
    },
    {
      role: 'actual',
      required: false,
      aliases: [
        'actual',
        '实际值',
        '实际',
        '完成值',
        '实际完成',
        'achieved',
        'spent',
        '已花费',
        '实际花费',
        '实际支出',
        'actual_spend',
        'spend',
        'amount',
      ],
    },
  ],
};

export interface TargetMeasureOptions {
  /** `lower` for budgets and costs: spending more than planned is bad. */
  direction?: Direction;
  /** With `asOf`, judges the actual against the share of the target due by that day. */
  period?: Period;
  asOf?: string;
  curve?: PacingCurve;
  thresholds?: StatusThresholds;
}

export interface TargetMeasure {
  /** actual ÷ target: the achievement rate, or for a budget the share already spent. */
  rate: number | null;
  /** On a scale where 1 is exactly on plan and above 1 is better: what status and colour follow. */
  score: number | null;
  /** Whether `score` compares with the whole target or with the part due by the as-of day. */
  basis: 'target' | 'pace';
  /** Against the whole target, signed so that a negative gap is bad (a shortfall, an over-spend). */
  gap: number | null;
  /** The part of the target due by the as-of day, when pacing. */
  expected: number | null;
  /** Against the part due, signed so that negative is bad, when pacing. */
  paceGap: number | null;
  status: Status;
  /** When pacing: whether the period runs or is over at the as-of day (its status's words differ). */
  periodState?: PeriodState;
}

/** How one item of a breakdown stands: rate, a direction-aware score, gaps and status. */
export function measureTarget(
  target: number | null,
  actual: number | null,
  options: TargetMeasureOptions = {},
): TargetMeasure {
  const direction = options.direction ?? 'higher';
  const sign = direction === 'lower' ? -1 : 1;
  const plain = achievement(target, actual);
  const judged = achievement(target, actual, direction);
  const gap = plain.gap === null ? null : tidy(sign * plain.gap);
  const paced =
    options.period && options.asOf && target !== null && actual !== null
      ? pace(target, actual, options.period, options.asOf, {
          direction,
          ...(options.curve ? { curve: options.curve } : {}),
        })
      : null;
  const score = paced ? paced.ratio : judged.rate;
  // The one pace rule: once the period is over, short of the target is off track.
  const onTrack = (options.thresholds ?? DEFAULT_THRESHOLDS).onTrack;
  const missed = paced?.state === 'over' && score !== null && score < onTrack;
  const measure: TargetMeasure = {
    rate: plain.rate,
    score,
    basis: paced ? 'pace' : 'target',
    gap,
    expected: paced ? paced.expected : null,
    paceGap: paced ? tidy(sign * paced.gap) : null,
    status: missed ? 'off-track' : statusOf(score, options.thresholds),
  };
  if (paced) measure.periodState = paced.state;
  return measure;
}

/** The rate a score stands for, to label a colour scale: the same for higher-is-better, inverted for lower. */
export function rateAtScore(score: number, direction: Direction = 'higher'): number | null {
  if (!Number.isFinite(score) || score <= 0) return null;
  return direction === 'lower' ? tidy(1 / score) : score;
}

/** Reads a period given as one cell (`2024-Q3`, `2024年第3季度`) or as start and end dates. */
export function periodFromText(period: Cell, start?: Cell, end?: Cell): Period | null {
  const whole = readCell(period);
  if (whole.kind === 'period') return { start: whole.start, end: whole.end };
  const from = readCell(start);
  const to = readCell(end);
  const first = from.kind === 'date' ? from.value : from.kind === 'period' ? from.start : null;
  const last = to.kind === 'date' ? to.value : to.kind === 'period' ? to.end : null;
  return first && last ? { start: first, end: last } : null;
}

/** Reads one date cell (`2024-08-15`, `2024/8/15`, `2024年8月15日`) as ISO, or null. */
export function dateFromText(text: Cell): string | null {
  const cell = readCell(text);
  return cell.kind === 'date' ? cell.value : null;
}

/** Reads a number written the way the exports write it (`500万`, `5,000,000`); null otherwise. */
export function amountFromText(text: Cell): number | null {
  return cellNumber(readCell(text));
}

/**
 * Checks a stated total (say a `total-target` of 500万) against what its parts add up to,
 * in the same shape as the splits the rollup reports.
 */
export function checkStatedTotal(
  stated: number,
  allocated: number | null,
  path: string[] = [],
  tolerance = 1e-9,
): SplitCheck | null {
  if (allocated === null) return null;
  const gap = tidy(stated - allocated);
  const balanced = Math.abs(gap) <= tolerance * Math.max(1, Math.abs(stated));
  return { path, stated, allocated, gap, balanced };
}

/** A split that does not add up, in words: "区域目标合计 480万，比 500万 少 20万". */
export function describeSplit(check: SplitCheck, level: string, unit: Unit, lang: Lang): string {
  const value = (n: number): string => formatValue(n, unit, lang);
  const allocated = value(check.allocated);
  const stated = value(check.stated);
  const difference = value(Math.abs(check.gap));
  const code = check.balanced ? 'splitBalanced' : check.gap > 0 ? 'splitShort' : 'splitOver';
  return messageText(lang, code, { level, allocated, stated, difference });
}
