import type { TrackedTask } from '@stratex/core';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { barGeometry, type Timeline, type TimelineTick } from './timeline';

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
  const bar = barGeometry(task, timeline, asOf);
  const asOfAt = fixed(timeline.dayEnd(asOf));
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
    ${
      bar
        ? svg`
          <rect class="plan" x=${fixed(bar.start)} y="6" width=${fixed(bar.end - bar.start)} height="12"></rect>
          <rect class="done" x=${fixed(bar.start)} y="6" width=${fixed(bar.done - bar.start)} height="12"></rect>
          ${bar.late === null ? nothing : svg`<rect class="late" x=${fixed(bar.end)} y="10" width=${fixed(bar.late - bar.end)} height="4"></rect>`}
          ${bar.expected === null ? nothing : svg`<line class="expected" x1=${fixed(bar.expected)} x2=${fixed(bar.expected)} y1="2" y2="22"></line>`}`
        : nothing
    }
    ${
      timeline.showsAsOf
        ? svg`<line class="as-of" x1=${asOfAt} x2=${asOfAt} y1="0" y2=${HEIGHT}></line>`
        : nothing
    }
  </svg>`;
}
