import { isoDate, parseCell } from '@stratex/core';
import { html, nothing, type TemplateResult } from 'lit';
import { styleProps } from '../base/style-props';
import type { TimelineTick } from './timeline';

const at = (x: number): ReturnType<typeof styleProps> => styleProps({ left: `${x.toFixed(2)}%` });

/** The date labels above the rows, aligned with the bars' track, and a mark at the as-of day. */
export function timeAxis(ticks: readonly TimelineTick[], asOfAt: number | null): TemplateResult {
  return html`<div class="axis-row" part="axis" aria-hidden="true">
    <span></span>
    <div class="axis">
      <div class="track">
        ${ticks.map(
          (tick) =>
            html`<span class="tick" data-align=${tick.align} data-unit=${tick.unit} ${at(tick.x)}
              >${tick.label}</span
            >`,
        )}
        ${asOfAt === null ? nothing : html`<span class="as-of-mark" ${at(asOfAt)}>▼</span>`}
      </div>
    </div>
    <span></span>
  </div>`;
}

/** The as-of day in use: `asOf` when it reads as a date, else today. */
export function asOfDayOf(asOf: string | undefined): string {
  const cell = parseCell(asOf);
  if (cell.kind === 'date') return cell.value;
  const now = new Date();
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
