import {
  formatValue,
  type Lang,
  type NoteSubject,
  type UnreadableCell,
  type VarianceAlert,
} from '@stratex/core';
import { html, nothing, type TemplateResult } from 'lit';
import { message, type MessageKey } from '../base/lang';
import type { SideTable } from '../base/side-tables';

type Translate = (key: MessageKey) => string;

/**
 * While the task or budget table loads, a quiet line; when one fails, what failed and why;
 * when only part of one on a server was read, how much of it.
 */
export function sideTableNotes(
  sides: Partial<Record<'tasks' | 'budget', SideTable>>,
  t: Translate,
  lang: Lang,
): TemplateResult[] {
  const notes: TemplateResult[] = [];
  const loading = Object.values(sides).some((side) => side?.phase === 'loading');
  if (loading) notes.push(html`<p class="note" role="status">${t('alertsSideLoading')}</p>`);
  for (const [side, table] of Object.entries(sides)) {
    const label = t(side === 'tasks' ? 'alerts-task' : 'alerts-budget');
    if (table?.phase === 'ready' && table.total !== undefined) {
      const said = message(lang, 'alertsSidePartial', {
        table: label,
        shown: formatValue(table.rows.length, 'number', lang),
        total: formatValue(table.total, 'number', lang),
      });
      notes.push(html`<p class="note" role="note" data-side=${side}>${said}</p>`);
    }
    if (table?.phase !== 'error') continue;
    notes.push(
      html`<p class="warning" role="note" data-side=${side}>
        ⚠ ${label} ${t('alertsSideFailed')}${t('colon')}${table.message}
        ${table.detail ? html`<small>${table.detail}</small>` : nothing}
      </p>`,
    );
  }
  return notes;
}

/** Cells of the KPI series that could not be read, counted and the first few named. */
export function unreadableNote(
  unreadable: readonly UnreadableCell[],
  t: Translate,
): TemplateResult | typeof nothing {
  if (unreadable.length === 0) return nothing;
  const list = unreadable
    .slice(0, 5)
    .map((cell) => `#${cell.row} ${cell.column}: “${cell.value}”`)
    .join('; ');
  return html`<p class="warning" role="note">
    ⚠ ${unreadable.length} ${t('unreadable')} — ${list}
  </p>`;
}

/**
 * What an alert is about, as dated notes are matched to it: a KPI's metric as a whole; a
 * task or a budget module by its name, as a one-level path.
 */
export function alertSubjects(alert: VarianceAlert): NoteSubject[] {
  return alert.kind === 'kpi' ? [{ metric: alert.subject, path: [] }] : [{ path: [alert.subject] }];
}
