import { formatDate, formatRate, type Lang, type TaskState, type TrackedTask } from '@stratex/core';
import { html, nothing, type TemplateResult } from 'lit';
import { message, type MessageKey } from '../base/lang';
import { taskBar } from './task-bar';
import type { Timeline, TimelineTick } from './timeline';

export const stateIcon: Record<TaskState, string> = {
  overdue: '✕',
  lagging: '!',
  'on-track': '→',
  'not-started': '○',
  done: '✓',
  unknown: '?',
};

/** What a row needs from the tracker around it. */
export interface RowContext {
  lang: Lang;
  t: (key: MessageKey) => string;
  timeline: Timeline;
  ticks: readonly TimelineTick[];
  asOf: string;
}

export interface RowState {
  open: boolean;
  focusable: boolean;
  selected: boolean;
}

/** Progress with its note as the table wrote it: '90%（设计中）' / '90% (designing)'. */
export function progressText(task: TrackedTask, lang: Lang): string {
  const shown = formatRate(task.actual, lang);
  if (!task.note || task.actual === null) return task.note ?? shown;
  return message(lang, 'valueWithNote', { value: shown, note: task.note });
}

/** One task: a head that toggles its detail (the button), and the detail below it. */
export function taskRow(
  task: TrackedTask,
  context: RowContext,
  state: RowState,
  toggle: () => void,
): TemplateResult {
  const { lang, t } = context;
  const detailId = `task-detail-${task.sourceRow}`;
  const status = t(`task-${task.state}`);
  const progress = formatRate(task.actual, lang);
  const expected = formatRate(task.expected, lang);
  const owner = task.owner ?? t('noOwner');
  const barLabel = `${t('plan')} ${planText(task, lang)}${t('colon')}${t('progress')} ${progress}, ${t('expected')} ${expected}`;
  return html`<li
    part=${state.selected ? 'row selected' : 'row'}
    data-state=${task.state}
    data-row=${task.sourceRow}
  >
    <div
      class="head"
      role="button"
      tabindex=${state.focusable ? 0 : -1}
      aria-expanded=${state.open ? 'true' : 'false'}
      aria-controls=${detailId}
      title=${task.reason}
      @click=${toggle}
    >
      <span class="label">
        <span class="task">${task.task}</span>
        <span class="owner">${owner}</span>
      </span>
      ${taskBar(task, context.timeline, context.ticks, context.asOf, barLabel)}
      <span class="figures">
        <span part="status"
          ><span class="icon" aria-hidden="true">${stateIcon[task.state]}</span> ${status}</span
        >
        <span class="numbers"
          >${progress}${
            task.expected === null ? nothing : html` · ${t('expectedShort')} ${expected}`
          }</span
        >
      </span>
    </div>
    <div class="detail" id=${detailId} ?hidden=${!state.open}>
      <p class="reason">${task.reason}</p>
      <dl>
        ${term(t('plan'), planText(task, lang), t)}
        ${task.note ? term(t('note'), task.note, t) : nothing} ${term(t('owner'), owner, t)}
        ${task.risk ? term(t('risk'), task.risk, t) : nothing}
        ${task.mitigation ? term(t('mitigation'), task.mitigation, t) : nothing}
      </dl>
    </div>
  </li>`;
}

function planText(task: TrackedTask, lang: Lang): string {
  const start = task.plannedStart ? formatDate(task.plannedStart, lang) : '?';
  const end = task.plannedEnd ? formatDate(task.plannedEnd, lang) : '?';
  return `${start} – ${end}`;
}

function term(name: string, value: string, t: RowContext['t']): TemplateResult {
  return html`<div>
    <dt>${name}${t('colon')}</dt>
    <dd>${value}</dd>
  </div>`;
}
