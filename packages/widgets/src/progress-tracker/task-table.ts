import { formatDate, formatGap, formatRate, type Lang, type TrackedTask } from '@stratex/core';
import { html, type TemplateResult } from 'lit';
import type { MessageKey } from '../base/lang';
import { progressText } from './task-row';

/** The accessible table of the tasks shown, in the order and with the filter shown. */
export function taskTable(
  tasks: readonly TrackedTask[],
  caption: string,
  lang: Lang,
  t: (key: MessageKey) => string,
): TemplateResult {
  const date = (iso: string | undefined): string => (iso ? formatDate(iso, lang) : '—');
  return html`<table part="data-table">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t('task')}</th>
        <th scope="col">${t('owner')}</th>
        <th scope="col">${t('plannedStart')}</th>
        <th scope="col">${t('plannedEnd')}</th>
        <th scope="col">${t('progress')}</th>
        <th scope="col">${t('expected')}</th>
        <th scope="col">${t('status')}</th>
        <th scope="col">${t('vsExpected')}</th>
      </tr>
    </thead>
    <tbody>
      ${tasks.map(
        (task) =>
          html`<tr>
            <th scope="row">${task.task}</th>
            <td>${task.owner ?? '—'}</td>
            <td>${date(task.plannedStart)}</td>
            <td>${date(task.plannedEnd)}</td>
            <td>${progressText(task, lang)}</td>
            <td>${formatRate(task.expected, lang)}</td>
            <td>${t(`task-${task.state}`)}</td>
            <td>${formatGap(task.lag === null ? null : -task.lag, 'percent', lang)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
