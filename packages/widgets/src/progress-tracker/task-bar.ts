import type { TrackedTask } from '@stratex/core';
import { svg, type SVGTemplateResult, type TemplateResult, html, nothing } from 'lit';
import type { Timeline, TimelineTick } from './timeline';

const HEIGHT = 24;
const fixed = (n: number): string => n.toFixed(2);

/**
 * One task on the time axis: the planned bar from start to end, the actual progress filled
 * inside it, a marker where progress should be at the as-of day, the days an overdue task
 * has run past its end, and the as-of line.
 */
export function taskBar(
  task: TrackedTask,
  timeline: Timeline,
  ticks: readonly TimelineTick[],
  asOf: string,
  label: string,
): TemplateResult {
  return html`<svg
    part="bar"
    viewBox="0 0 100 ${HEIGHT}"
    preserveAspectRatio="none"
    role="img"
    aria-label=${label}
  >
    ${ticks.map(
      (tick) =>
        svg`<line class="grid" x1=${fixed(tick.x)} x2=${fixed(tick.x)} y1="0" y2=${HEIGHT}></line>`,
    )}
    ${plannedBar(task, timeline, asOf)}
    ${
      timeline.showsAsOf
        ? svg`<line class="as-of" x1=${fixed(timeline.dayEnd(asOf))} x2=${fixed(timeline.dayEnd(asOf))} y1="0" y2=${HEIGHT}></line>`
        : nothing
    }
  </svg>`;
}

function plannedBar(
  task: TrackedTask,
  timeline: Timeline,
  asOf: string,
): SVGTemplateResult | typeof nothing {
  const { plannedStart, plannedEnd } = task;
  if (!plannedStart || !plannedEnd) return nothing;
  const start = timeline.dayStart(plannedStart);
  const end = timeline.dayEnd(plannedEnd);
  if (end <= start) return nothing;
  const span = end - start;
  const done = Math.min(Math.max(task.actual ?? 0, 0), 1);
  const expectedAt = task.expected === null ? null : start + span * task.expected;
  const asOfAt = timeline.dayEnd(asOf);
  return svg`
    <rect class="plan" x=${fixed(start)} y="6" width=${fixed(span)} height="12"></rect>
    <rect class="done" x=${fixed(start)} y="6" width=${fixed(span * done)} height="12"></rect>
    ${
      task.state === 'overdue' && asOfAt > end
        ? svg`<rect class="late" x=${fixed(end)} y="10" width=${fixed(asOfAt - end)} height="4"></rect>`
        : nothing
    }
    ${
      expectedAt === null
        ? nothing
        : svg`<line class="expected" x1=${fixed(expectedAt)} x2=${fixed(expectedAt)} y1="2" y2="22"></line>`
    }`;
}
