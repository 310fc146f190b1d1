import { formatRate, type Lang, type TaskState, type TrackedTask } from '@stratex/core';
import { html, nothing, render, svg, type SVGTemplateResult } from 'lit';
import { stateIcon } from './task-row';
import { barGeometry, buildTimeline, type Timeline, timelineTicks } from './timeline';

const stateColour: Record<TaskState, string> = {
  overdue: '#c0262d',
  lagging: '#a86200',
  'on-track': '#2458c6',
  'not-started': '#5b6474',
  done: '#00785a',
  unknown: '#5b6474',
};

const WIDTH = 880;
const TRACK_LEFT = 216;
const TRACK_WIDTH = WIDTH - TRACK_LEFT - 166;
const TOP = 72;
const ROW = 44;
const INK = '#1d2433';
const MUTED = '#5b6474';
const RULE = '#d9dee7';
const ACCENT = '#2458c6';

export interface PictureText {
  title: string;
  asOf: string;
  expectedShort: string;
  state: (state: TaskState) => string;
}

const at = (share: number): number =>
  Math.round((TRACK_LEFT + (share / 100) * TRACK_WIDTH) * 10) / 10;

/** A self-contained SVG of the tasks as shown (for SVG/PNG export), with its colours written in. */
export function trackerPicture(
  tasks: readonly TrackedTask[],
  asOf: string,
  lang: Lang,
  text: PictureText,
): SVGSVGElement | null {
  const timeline = buildTimeline(tasks, asOf);
  const ticks = timelineTicks(timeline, TRACK_WIDTH, lang);
  const bottom = TOP + tasks.length * ROW;
  const height = bottom + 12;
  const asOfAt = at(timeline.dayEnd(asOf));
  const anchor = { start: 'start', middle: 'middle', end: 'end' } as const;
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
        (tick) =>
          svg`<line x1=${at(tick.x)} x2=${at(tick.x)} y1=${TOP - 6} y2=${bottom} stroke=${RULE}></line>
            <text x=${at(tick.x)} y=${TOP - 12} font-size="11" text-anchor=${anchor[tick.align]}
              fill=${MUTED}>${tick.label}</text>`,
      )}
      ${tasks.map((task, index) => taskLine(task, TOP + index * ROW, timeline, asOf, lang, text))}
      ${
        timeline.showsAsOf
          ? svg`<line x1=${asOfAt} x2=${asOfAt} y1=${TOP - 6} y2=${bottom} stroke=${ACCENT}
              stroke-dasharray="3 3"></line>`
          : nothing
      }
    </svg>`,
    container,
  );
  const picture = container.querySelector('svg');
  if (picture) withoutMarkers(picture);
  return picture;
}

/** Drops the template's comment markers, so the exported file holds only the drawing. */
function withoutMarkers(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const markers: Node[] = [];
  while (walker.nextNode()) markers.push(walker.currentNode);
  for (const marker of markers) marker.parentNode?.removeChild(marker);
  root.normalize();
}

function taskLine(
  task: TrackedTask,
  top: number,
  timeline: Timeline,
  asOf: string,
  lang: Lang,
  text: PictureText,
): SVGTemplateResult {
  const colour = stateColour[task.state];
  const bar = barGeometry(task, timeline, asOf);
  const expected =
    task.expected === null ? '' : ` · ${text.expectedShort} ${formatRate(task.expected, lang)}`;
  const right = WIDTH - 16;
  return svg`
    <line x1="16" x2=${right} y1=${top} y2=${top} stroke=${RULE}></line>
    <text x="16" y=${top + 19} font-size="13" font-weight="600" fill=${INK}>${task.task}</text>
    <text x="16" y=${top + 35} font-size="11" fill=${MUTED}>${task.owner ?? ''}</text>
    ${
      bar
        ? svg`<rect x=${at(bar.start)} y=${top + 16} width=${at(bar.end) - at(bar.start)} height="12"
              fill=${colour} fill-opacity="0.14" stroke=${colour}></rect>
            <rect x=${at(bar.start)} y=${top + 16} width=${at(bar.done) - at(bar.start)} height="12"
              fill=${colour}></rect>
            ${
              bar.late === null
                ? nothing
                : svg`<rect x=${at(bar.end)} y=${top + 20} width=${at(bar.late) - at(bar.end)}
                    height="4" fill="#c0262d" fill-opacity="0.55"></rect>`
            }
            ${
              bar.expected === null
                ? nothing
                : svg`<line x1=${at(bar.expected)} x2=${at(bar.expected)} y1=${top + 12}
                    y2=${top + 32} stroke=${INK} stroke-width="2.5"></line>`
            }`
        : nothing
    }
    <text x=${right} y=${top + 19} font-size="13" font-weight="600" text-anchor="end"
      fill=${colour}>${stateIcon[task.state]} ${text.state(task.state)}</text>
    <text x=${right} y=${top + 35} font-size="11" text-anchor="end" fill=${MUTED}
      >${formatRate(task.actual, lang)}${expected}</text>`;
}
