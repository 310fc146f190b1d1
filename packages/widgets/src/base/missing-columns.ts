import type { Lang } from '@stratex/core';
import { closestName } from '@stratex/data/light';
import { html, nothing, type TemplateResult } from 'lit';
import { message } from './lang';

/**
 * The designed state for a file that lacks columns a widget needs: what is missing, the
 * nearest real column for a misspelt attribute, and the columns the file does have.
 */
export function missingColumnsState(
  lang: Lang,
  missing: readonly string[],
  headers: readonly string[],
): TemplateResult {
  const t = (key: Parameters<typeof message>[1]): string => message(lang, key);
  const hints = missing.flatMap((name) => {
    const nearest = closestName(name, headers);
    return nearest && nearest !== name ? [`“${name}” → ${t('didYouMean')} “${nearest}”`] : [];
  });
  return html`<div class="state" data-state="error" role="alert">
    <strong>${t('errorTitle')}</strong>
    <span>${t('missingColumns')}${t('colon')}${missing.join(', ')}</span>
    ${hints.map((hint) => html`<span>${hint}</span>`)}
    ${
      headers.length > 0
        ? html`<small>${t('columnsInFile')}${t('colon')}${headers.join(', ')}</small>`
        : nothing
    }
  </div>`;
}

/** Required roles not found, and attribute-named columns the file does not have. */
export function missingOf(resolution: {
  missing: readonly string[];
  unknownOverrides?: readonly { header: string }[];
}): string[] {
  return [
    ...new Set([
      ...(resolution.unknownOverrides ?? []).map((entry) => entry.header),
      ...resolution.missing,
    ]),
  ];
}
