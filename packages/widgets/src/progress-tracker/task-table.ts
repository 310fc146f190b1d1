import { formatDate, formatGap, formatRate, type Lang, type TrackedTask } from '@stratex/core';
import { html, type TemplateResult } from 'lit';
import type { MessageKey } from '../base/lang';
import { heldTable } from '../base/held-table';
import { tableRows } from '../base/table-rows';
import { progressText } from './task-row';

/** The accessible table of every task shown (the list may draw only some), in the order shown, held out of the page's drawing. */
export function taskTable(
  tasks: readonly TrackedTask[],
  caption: string,
  lang: Lang,
  t: (key: MessageKey) => string,
): TemplateResult {
  const date = (iso: string | undefined): string => (iso ? formatDate(iso, lang) : '—');
  return heldTable(
    html`<table
      part="data-table"
      ${tableRows(
        tasks.map((task) => ({
          cells: [
            task.task,
            task.owner ?? '—',
            date(task.plannedStart),
            date(task.plannedEnd),
            progressText(task, lang),
            formatRate(task.expected, lang),
            t(`task-${task.state}`),
            formatGap(task.lag === null ? null : -task.lag, 'percent', lang),
          ],
        })),
      )}
    >
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
    </table>`,
  );
}
