import { formatMoment, type Lang } from '@stratex/core';
import type { DatabaseHealth, LoadProgress } from '@stratex/data';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { DataController, Failure, Phase } from './data-controller';
import { message } from './lang';

/** What the notices above a widget's view are made of. */
export interface NoticeFacts {
  phase: Phase;
  staleSince: Date | undefined;
  engineHealth: DatabaseHealth | undefined;
  failure: Failure | undefined;
  /** Why the view named in the page's address was not reopened. */
  linkedView?: 'gone' | 'unreadable' | undefined;
}

/** Notices over the view: data older than its file, the engine rebuilt or failed, a reload that failed. */
export function noticesState(facts: NoticeFacts, lang: Lang): TemplateResult | typeof nothing {
  const t = (key: Parameters<typeof message>[1]): string => message(lang, key);
  const notices: string[] = [];
  if (facts.staleSince) {
    notices.push(`${t('staleSince')} ${formatMoment(facts.staleSince, lang)}`);
  }
  if (facts.engineHealth === 'recovering') notices.push(t('engineRecovering'));
  if (facts.engineHealth === 'failed') notices.push(t('engineFailed'));
  if (facts.phase === 'ready' && facts.failure) notices.push(facts.failure.message);
  if (facts.linkedView === 'gone') notices.push(t('linkedViewGone'));
  if (facts.linkedView === 'unreadable') notices.push(t('linkedViewUnreadable'));
  if (notices.length === 0) return nothing;
  return html`<div part="notice" class="notice" role="status">
    ${notices.map((notice) => html`<p><span aria-hidden="true">⚠</span> ${notice}</p>`)}
  </div>`;
}

/** The designed state for rows that could not be read; a cancelled load offers to start again. */
export function errorState(
  failure: Failure | undefined,
  lang: Lang,
  resume?: () => void,
): TemplateResult {
  return html`<div part="error" class="state" data-state="error" role="alert">
    <strong>${message(lang, 'errorTitle')}</strong>
    <span>${failure?.message}</span>
    ${failure?.detail ? html`<small>${failure.detail}</small>` : nothing}
    ${
      resume
        ? html`<button part="resume-button" type="button" @click=${resume}>
            ${message(lang, 'loadAgain')}
          </button>`
        : nothing
    }
  </div>`;
}

/** The designed state for a source without rows. */
export function emptyState(lang: Lang): TemplateResult {
  return html`<div part="empty" class="state" data-state="empty">${message(lang, 'empty')}</div>`;
}

/** What a load is doing now, in words: downloading, reading the file, handing rows to the engine. */
const PHASE_WORDS = {
  fetch: 'loading',
  decode: 'loadingDecode',
  load: 'loadingLoad',
} as const;

/** How far the load is, 0–1, when its step knows its total: bytes downloaded, or rows handed over. */
function doneShare(progress: LoadProgress | undefined): number | undefined {
  if (!progress) return undefined;
  // A download by its bytes; a workbook's sheet by the bytes of its XML read so far.
  const measured =
    progress.phase === 'fetch' ||
    (progress.phase === 'decode' && progress.rowsLoaded !== undefined);
  if (measured && progress.totalBytes) return Math.min(1, progress.bytesRead / progress.totalBytes);
  if (progress.phase === 'load' && progress.totalRows && progress.rowsLoaded !== undefined)
    return Math.min(1, progress.rowsLoaded / progress.totalRows);
  return undefined;
}

/**
 * The loading state: what the load is doing, its progress when its step knows its total, and
 * (for a load that can be stopped) a button that cancels it.
 */
export function loadingState(
  progress: LoadProgress | undefined,
  lang: Lang,
  cancel?: () => void,
): TemplateResult {
  const fraction = doneShare(progress);
  const doing = message(lang, progress ? PHASE_WORDS[progress.phase] : 'loading');
  return html`<div
    part="loading"
    class="state"
    data-state="loading"
    data-phase=${ifDefined(progress?.phase)}
    role="status"
    aria-live="polite"
  >
    <span>${doing}</span>
    <progress max="1" value=${ifDefined(fraction)} aria-label=${doing}></progress>
    ${
      cancel
        ? html`<button part="cancel-button" type="button" @click=${cancel}>
            ${message(lang, 'cancelLoad')}
          </button>`
        : nothing
    }
  </div>`;
}

/** The state a widget's data is in, drawn: loading, failed, empty, or the widget's own view. */
export function phaseState(
  data: DataController,
  lang: Lang,
  view: () => TemplateResult,
): TemplateResult {
  switch (data.phase) {
    case 'loading':
      return loadingState(data.progress, lang, data.cancellable ? () => data.cancel() : undefined);
    case 'error':
      return errorState(data.failure, lang, data.resumable ? () => void data.resume() : undefined);
    case 'ready':
      return data.rows.length === 0 ? emptyState(lang) : view();
  }
}
