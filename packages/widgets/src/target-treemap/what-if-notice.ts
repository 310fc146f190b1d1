import { formatValue, type Lang, messageText, type Refusal, type Unit } from '@stratex/core';
import { html, nothing, type TemplateResult } from 'lit';
import { message } from '../base/lang';
import type { WhatIfNotice } from './what-if-controller';

/** Why an edit cannot hold, in words, its amounts as the locale writes them. */
export function refusalText(refusal: Refusal, unit: Unit, lang: Lang): string {
  const { tile, available } = refusal.params;
  return messageText(lang, refusal.code, {
    tile,
    ...(available === undefined ? {} : { available: formatValue(available, unit, lang) }),
  });
}

/**
 * What a refresh or a link did to the edits: those set aside, each with why, and the tiles
 * whose planned target moved under an edit that was kept (old plan → new plan).
 */
export function whatIfNotice(
  notice: WhatIfNotice | undefined,
  unit: Unit,
  lang: Lang,
): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  const { dropped, rebased } = notice;
  const count = String(dropped.length);
  const droppedKey = notice.cause === 'refresh' ? 'whatIfRefreshDropped' : 'whatIfLinkDropped';
  return html`<div class="what-if-notice" part="what-if-notice" role="status">
    ${
      dropped.length > 0
        ? html`<p>${message(lang, droppedKey, { count })}</p>
            <ul class="dropped">
              ${dropped.map(({ refusal }) => html`<li>${refusalText(refusal, unit, lang)}</li>`)}
            </ul>`
        : nothing
    }
    ${
      rebased.length > 0
        ? html`<p>${message(lang, 'whatIfRefreshRebased')}</p>
            <ul class="rebased">
              ${rebased.map(
                (change) =>
                  html`<li>
                    ${change.path.join(' › ')}${message(lang, 'colon')}${message(lang, 'whatIfPlanned')}
                    ${formatValue(change.before, unit, lang)} →
                    ${formatValue(change.after, unit, lang)}
                  </li>`,
              )}
            </ul>`
        : nothing
    }
  </div>`;
}
