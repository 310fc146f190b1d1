import { formatMoment, type Lang } from '@stratex/core';
import type { DatabaseHealth, LoadProgress } from '@stratex/data';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Failure, Phase } from './data-controller';
import { message } from './lang';

/** What the notices above a widget's view are made of. */
export interface NoticeFacts {
  phase: Phase;
  staleSince: Date | undefined;
  engineHealth: DatabaseHealth | undefined;
  failure: Failure | undefined;
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
  if (notices.length === 0) return nothing;
  return html`<div part="notice" class="notice" role="status">
    ${notices.map((notice) => html`<p><span aria-hidden="true">⚠</span> ${notice}</p>`)}
  </div>`;
}

/** The designed state for rows that could not be read. */
export function errorState(failure: Failure | undefined, lang: Lang): TemplateResult {
  return html`<div part="error" class="state" data-state="error" role="alert">
    <strong>${message(lang, 'errorTitle')}</strong>
    <span>${failure?.message}</span>
    ${failure?.detail ? html`<small>${failure.detail}</small>` : nothing}
  </div>`;
}

/** The designed state for a source without rows. */
export function emptyState(lang: Lang): TemplateResult {
  return html`<div part="empty" class="state" data-state="empty">${message(lang, 'empty')}</div>`;
}

/**
 * The loading state, with the download's progress when its size is known, then a workbook
 * sheet's (its rows counted as its XML is read).
 */
export function loadingState(progress: LoadProgress | undefined, lang: Lang): TemplateResult {
  const measured =
    progress?.phase === 'fetch' ||
    (progress?.phase === 'decode' && progress.rowsLoaded !== undefined);
  const fraction =
    measured && progress?.totalBytes
      ? Math.min(1, progress.bytesRead / progress.totalBytes)
      : undefined;
  const loading = message(lang, 'loading');
  return html`<div
    part="loading"
    class="state"
    data-state="loading"
    role="status"
    aria-live="polite"
  >
    <span>${loading}</span>
    <progress max="1" value=${ifDefined(fraction)} aria-label=${loading}></progress>
  </div>`;
}
