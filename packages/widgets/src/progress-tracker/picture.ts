import { formatRate, type Lang, type TaskState, type TrackedTask } from '@stratex/core';
import { html, nothing, render, svg, type SVGTemplateResult } from 'lit';
import { stateIcon } from './task-row';
import { buildTimeline, timelineTicks } from './timeline';

const stateColour: Record<TaskState, string> = {
  overdue: '#c0262d',
  lagging: '#a86200',
  'on-track': '#2458c6',
  'not-started': '#5b6474',
  done: '#1b7f4c',
  unknown: '#5b6474',
};

const WIDTH = 880;
const LABELS = 200;
const FIGURES = 150;
const TRACK_LEFT = LABELS + 16;
const TRACK_WIDTH = WIDTH - TRACK_LEFT - FIGURES - 16;
const TOP = 76;
const ROW = 44;
const INK = '#1d2433';
const MUTED = '#5b6474';

export interface PictureText {
  title: string;
  asOf: string;
  state: (state: TaskState) => string;
  expectedShort: string;
}

/** A self-contained SVG of the tracker as shown (for SVG/PNG export), colours written in. */
export function trackerPicture(
  tasks: readonly TrackedTask[],
  asOf: string,
  lang: Lang,
  text: PictureText,
): SVGSVGElement | null {
  const timeline = buildTimeline(tasks, asOf);
  const ticks = timelineTicks(timeline, TRACK_WIDTH, lang);
  const x = (share: number): number => TRACK_LEFT + (share / 100) * TRACK_WIDTH;
  const height = TOP + tasks.length * ROW + 12;
  const asOfAt = timeline.showsAsOf ? x(timeline.dayEnd(asOf)) : null;
  const bottom = TOP + tasks.length * ROW;
  const container = document.createElement('div');
  render(
    html`<svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 ${WIDTH} ${height}"
      width=${WIDTH}
      height=${height}
      font-family="sans-serif"
    >
      <rect width=${WIDTH} height=${height} fill="#ffffff"></rect>
      <text x="16" y="28" font-size="18" font-weight="600" fill=${INK}>${text.title}</text>
      <text x=${WIDTH - 16} y="28" font-size="13" text-anchor="end" fill=${MUTED}>
        ${text.asOf}
      </text>
      ${ticks.map(
        (tick) => svg`
          <line x1=${x(tick.x)} x2=${x(tick.x)} y1=${TOP - 8} y2=${bottom} stroke="#d9dee7"></line>
          <text x=${x(tick.x)} y=${TOP - 14} font-size="11" fill=${MUTED}
            text-anchor=${tick.align === 'start' ? 'start' : tick.align === 'end' ? 'end' : 'middle'}
          >${tick.label}</text>`,
      )}
      ${tasks.map((task, index) => taskLine(task, TOP + index * ROW, x, asOf, lang, text))}
      ${
        asOfAt === null
          ? nothing
          : svg`<line x1=${asOfAt} x2=${asOfAt} y1=${TOP - 8} y2=${bottom}
              stroke="#2458c6" stroke-dasharray="3 3"></line>`
      }
    </svg>`,
    container,
  );
  return container.querySelector('svg');
}

function taskLine(
  task: TrackedTask,
  top: number,
  x: (share: number) => number,
  asOf: string,
  lang: Lang,
  text: PictureText,
): SVGTemplateResult {
  const colour = stateColour[task.state];
  const timeline = buildTimeline([task], asOf);
  void timeline;
  const numbers = `${formatRate(task.actual, lang)}${
    task.expected === null ? '' : ` · ${text.expectedShort} ${formatRate(task.expected, lang)}`
  }`;
  return svg`
    <line x1="16" x2=${WIDTH - 16} y1=${top} y2=${top} stroke="#d9dee7"></line>
    <text x="16" y=${top + 18} font-size="13" font-weight="600" fill=${INK}>${task.task}</text>
    <text x="16" y=${top + 34} font-size="11" fill=${MUTED}>${task.owner ?? ''}</text>
    ${bar(task, top, x, asOf, colour)}
    <text x=${WIDTH - 16} y=${top + 18} font-size="13" font-weight="600" text-anchor="end"
      fill=${colour}>${stateIcon[task.state]} ${text.state(task.state)}</text>
    <text x=${WIDTH - 16} y=${top + 34} font-size="11" text-anchor="end" fill=${MUTED}
      >${numbers}</text>`;
}

function bar(
  task: TrackedTask,
  top: number,
  x: (share: number) => number,
  asOf: string,
  colour: string,
): SVGTemplateResult | typeof nothing {
  void asOf;
  if (!task.plannedStart || !task.plannedEnd) return nothing;
  void x;
  return nothing;
}
