import {
  type CalendarUnit,
  dayNumber,
  formatCalendarTick,
  fromDayNumber,
  type Lang,
} from '@stratex/core';
import type { TimeInterval } from 'd3-time';
import { drawing } from '../base/drawing';

const MS_PER_DAY = 86_400_000;

/** A task's planned days, as the progress table states them. */
export interface PlannedSpan {
  plannedStart?: string;
  plannedEnd?: string;
}

/** Where days fall on the track, as a share of its width (0–100). */
export interface Timeline {
  /** First and last day on the axis (ISO). */
  first: string;
  last: string;
  /** Position of the start of a day. */
  dayStart(iso: string): number;
  /** Position of the end of a day (a planned end and the as-of day count in full). */
  dayEnd(iso: string): number;
  /** True when the as-of day lies on the axis. */
  showsAsOf: boolean;
}

export interface TimelineTick {
  iso: string;
  x: number;
  label: string;
  unit: CalendarUnit;
  /** How the label sits on its tick, so that labels at the edges stay inside the track. */
  align: 'start' | 'middle' | 'end';
}

interface TickStep {
  interval: TimeInterval;
  unit: CalendarUnit;
}

const steps = (unit: CalendarUnit, ...intervals: (TimeInterval | null)[]): TickStep[] =>
  intervals.flatMap((interval) => (interval ? [{ interval, unit }] : []));

let tickSteps: readonly TickStep[] | undefined;

/** From the finest to the coarsest: the first whose labels do not touch is used. */
function allTickSteps(): readonly TickStep[] {
  if (tickSteps) return tickSteps;
  const { utcDay, utcMonday, utcMonth, utcYear } = drawing();
  /** Every second day counted from 1970, so the step stays even across month ends. */
  const everyOtherDay = utcDay.filter((date) => Math.round(date.getTime() / MS_PER_DAY) % 2 === 0);
  tickSteps = [
    ...steps('day', utcDay, everyOtherDay, utcMonday, utcMonday.every(2)),
    ...steps('month', utcMonth, utcMonth.every(2), utcMonth.every(3), utcMonth.every(6)),
    ...steps('year', utcYear, utcYear.every(2), utcYear.every(5)),
  ];
  return tickSteps;
}

/** Rough width of a label in px: CJK and full-width characters are square, others about 0.6 em. */
function labelWidth(label: string, fontPx: number): number {
  let ems = 0;
  for (const char of label) ems += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 1 : 0.6;
  return ems * fontPx;
}

/**
 * The axis for a set of tasks at an as-of day: from the earliest planned start to the
 * latest planned end, widened to the as-of day unless that is far from every task
 * (more than half the plan's length away), with a little room at both ends.
 */
export function buildTimeline(spans: readonly PlannedSpan[], asOf: string): Timeline {
  const days = spans
    .flatMap((span) => [span.plannedStart, span.plannedEnd])
    .map((iso) => (iso === undefined ? null : dayNumber(iso)))
    .filter((day): day is number => day !== null);
  const today = dayNumber(asOf);
  let from = days.length > 0 ? Math.min(...days) : (today ?? 0) - 7;
  let to = days.length > 0 ? Math.max(...days) : (today ?? 0) + 7;
  const length = to - from + 1;
  const showsAsOf = today !== null && today >= from - length / 2 && today <= to + length / 2;
  if (showsAsOf) {
    from = Math.min(from, today);
    to = Math.max(to, today);
  }
  const margin = Math.max(1, Math.round((to - from + 1) * 0.03));
  from -= margin;
  to += margin;
  const scale = drawing()
    .scaleUtc()
    .domain([new Date(from * MS_PER_DAY), new Date((to + 1) * MS_PER_DAY)])
    .range([0, 100])
    .clamp(true);
  const at = (day: number | null): number => (day === null ? 0 : scale(new Date(day * MS_PER_DAY)));
  return {
    first: fromDayNumber(from),
    last: fromDayNumber(to),
    dayStart: (iso) => at(dayNumber(iso)),
    dayEnd: (iso) => {
      const day = dayNumber(iso);
      return at(day === null ? null : day + 1);
    },
    showsAsOf,
  };
}

/**
 * Calendar ticks whose labels fit a track `width` px wide without touching: days, every other
 * day, weeks, fortnights, months, quarters, half years or years. `fontPx` is the label size.
 * A label squeezed against either end of the track is left out rather than coarsening the axis.
 */
export function timelineTicks(
  timeline: Timeline,
  width: number,
  lang: Lang,
  fontPx = 11.2,
): TimelineTick[] {
  const start = new Date((dayNumber(timeline.first) ?? 0) * MS_PER_DAY);
  const stop = new Date(((dayNumber(timeline.last) ?? 0) + 1) * MS_PER_DAY);
  const room = Math.max(width, 1);
  let ticks: TimelineTick[] = [];
  for (const step of allTickSteps()) {
    const dates = step.interval.range(start, stop);
    if (dates.length > room / fontPx) continue;
    ticks = dates.map((date) => {
      const iso = fromDayNumber(Math.round(date.getTime() / MS_PER_DAY));
      const unit = step.unit === 'month' && date.getUTCMonth() === 0 ? 'year' : step.unit;
      const label = formatCalendarTick(iso, unit, lang);
      const x = timeline.dayStart(iso);
      const px = (x / 100) * room;
      const half = labelWidth(label, fontPx) / 2;
      const align = px < half ? 'start' : px > room - half ? 'end' : 'middle';
      return { iso, x, label, unit, align };
    });
    if (spaceLabels(ticks, room, fontPx)) return ticks;
  }
  return ticks;
}

/**
 * Clears labels squeezed at either end of the track (a year label is kept and its neighbour
 * cleared instead); false when labels inside the track touch.
 */
function spaceLabels(ticks: TimelineTick[], room: number, fontPx: number): boolean {
  const extent = (tick: TimelineTick): [number, number] => {
    const px = (tick.x / 100) * room;
    const size = labelWidth(tick.label, fontPx);
    const left = tick.align === 'start' ? px : tick.align === 'end' ? px - size : px - size / 2;
    return [left, left + size];
  };
  const lastIndex = ticks.length - 1;
  let shown = ticks[0];
  for (let index = 1; index <= lastIndex; index++) {
    const tick = ticks[index];
    if (!tick || !shown) continue;
    if (!shown.label || extent(shown)[1] + fontPx <= extent(tick)[0]) {
      shown = tick;
      continue;
    }
    const atStart = shown === ticks[0] && shown.align === 'start';
    const atEnd = index === lastIndex && tick.align === 'end';
    if (atStart && shown.unit !== 'year') {
      shown.label = '';
      shown = tick;
    } else if (atStart || (atEnd && tick.unit === 'year')) {
      (atStart ? tick : shown).label = '';
      if (!atStart) shown = tick;
    } else if (atEnd) {
      tick.label = '';
    } else {
      return false;
    }
  }
  return true;
}

/** A task's bar on the track, each a position 0–100. */
export interface BarGeometry {
  start: number;
  end: number;
  /** End of the progress fill. */
  done: number;
  /** Where progress should be at the as-of day, when known. */
  expected: number | null;
  /** End of the overrun past the planned end, for an overdue task. */
  late: number | null;
}

/** Where a task's planned bar, fill, expected marker and overrun fall; null without a usable plan. */
export function barGeometry(
  task: PlannedSpan & { actual: number | null; expected: number | null; state: string },
  timeline: Timeline,
  asOf: string,
): BarGeometry | null {
  const { plannedStart, plannedEnd } = task;
  if (!plannedStart || !plannedEnd) return null;
  const start = timeline.dayStart(plannedStart);
  const end = timeline.dayEnd(plannedEnd);
  if (end <= start) return null;
  const span = end - start;
  const asOfAt = timeline.dayEnd(asOf);
  return {
    start,
    end,
    done: start + span * Math.min(Math.max(task.actual ?? 0, 0), 1),
    expected: task.expected === null ? null : start + span * task.expected,
    late: task.state === 'overdue' && asOfAt > end ? asOfAt : null,
  };
}
