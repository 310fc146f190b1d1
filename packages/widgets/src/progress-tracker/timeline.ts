import {
  type CalendarUnit,
  dayNumber,
  formatCalendarTick,
  fromDayNumber,
  type Lang,
} from '@stratex/core';
import { scaleUtc } from 'd3-scale';
import { type TimeInterval, utcDay, utcMonday, utcMonth, utcYear } from 'd3-time';

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
  /** Room one label needs, in px, at the widget's font size. */
  spacing: number;
}

const weekly = utcMonday.every(2);
const quarterly = utcMonth.every(3);
const TICK_STEPS: readonly TickStep[] = [
  { interval: utcDay, unit: 'day', spacing: 72 },
  { interval: utcMonday, unit: 'day', spacing: 72 },
  ...(weekly ? [{ interval: weekly, unit: 'day' as const, spacing: 72 }] : []),
  { interval: utcMonth, unit: 'month', spacing: 52 },
  ...(quarterly ? [{ interval: quarterly, unit: 'month' as const, spacing: 52 }] : []),
  { interval: utcYear, unit: 'year', spacing: 60 },
];

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
  const scale = scaleUtc()
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

/** Calendar ticks that fit a track `width` px wide: days, weeks, fortnights, months, quarters or years. */
export function timelineTicks(timeline: Timeline, width: number, lang: Lang): TimelineTick[] {
  const start = new Date((dayNumber(timeline.first) ?? 0) * MS_PER_DAY);
  const stop = new Date(((dayNumber(timeline.last) ?? 0) + 1) * MS_PER_DAY);
  const room = Math.max(width, 1);
  const fitting =
    TICK_STEPS.find((step) => step.interval.range(start, stop).length * step.spacing <= room) ??
    TICK_STEPS[TICK_STEPS.length - 1];
  if (!fitting) return [];
  const half = fitting.spacing / 2;
  return fitting.interval.range(start, stop).map((date) => {
    const iso = fromDayNumber(Math.round(date.getTime() / MS_PER_DAY));
    const unit = fitting.unit === 'month' && date.getUTCMonth() === 0 ? 'year' : fitting.unit;
    const x = timeline.dayStart(iso);
    const px = (x / 100) * room;
    const align = px < half ? 'start' : px > room - half ? 'end' : 'middle';
    return { iso, x, label: formatCalendarTick(iso, unit, lang), unit, align };
  });
}
