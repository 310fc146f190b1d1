import {
  type DifferenceFrom,
  formatValue,
  type Lang,
  type TargetChange,
  type Unit,
} from '@stratex/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { message } from '../base/lang';
import { planLabel } from './layout';
import type { LevelView } from './view';
import type { TreemapWhatIf } from './what-if-controller';
import { refusalText, whatIfNotice } from './what-if-notice';

/** A change in words: `150万 → 165万`. */
export function beforeAfter(change: TargetChange, unit: Unit, lang: Lang): string {
  return `${formatValue(change.before, unit, lang)} → ${formatValue(change.after, unit, lang)}`;
}

const pathKey = (path: readonly string[]): string => path.join('\u0000');

/** The level's tiles with the targets the what-if moved shown as before → after, on the tile and to screen readers. */
export function markChanges(
  view: LevelView,
  changes: readonly TargetChange[],
  unit: Unit,
  lang: Lang,
): LevelView {
  if (changes.length === 0) return view;
  const moved = new Map(changes.map((change) => [pathKey(change.path), change]));
  const drawn = view.drawn.map((tile) => {
    const change = moved.get(pathKey(tile.box.item.node.path));
    if (!change) return tile;
    const words = beforeAfter(change, unit, lang);
    const detailLine = `${message(lang, 'target')} ${words}`;
    const label = planLabel(
      { name: tile.figures.name, figure: tile.figureLine, detail: detailLine },
      tile.box.width,
      tile.box.height,
    );
    return { ...tile, detailLine, label, description: `${tile.description}; ${detailLine}` };
  });
  return { ...view, drawn };
}

export interface WhatIfPanelScene {
  lang: Lang;
  unit: Unit;
  whatIf: TreemapWhatIf;
  /** The path of the level shown: the table lists the changes above it and among its tiles. */
  level: readonly string[];
  /** The tile being edited: its path and name, or none at an empty level. */
  tile: { path: readonly string[]; name: string } | undefined;
  edit(path: readonly string[], text: string): void;
}

const FROM: readonly { from: DifferenceFrom; key: Parameters<typeof message>[1] }[] = [
  { from: 'siblings', key: 'whatIfFromSiblings' },
  { from: 'reserve', key: 'whatIfFromReserve' },
  { from: 'total', key: 'whatIfFromTotal' },
];

/** The what-if's controls: the chosen tile's new target, where the difference comes from, undo, reset, export, and every change. */
export function whatIfPanel(scene: WhatIfPanelScene): TemplateResult {
  const { lang, unit, whatIf, tile } = scene;
  const t = (key: Parameters<typeof message>[1], params?: Record<string, string>): string =>
    message(lang, key, params);
  const refused = whatIf.refusal ? refusalText(whatIf.refusal, unit, lang) : '';
  const current = tile ? whatIf.targetAt(tile.path) : undefined;
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('target') as HTMLInputElement | null;
    if (tile && input) scene.edit(tile.path, input.value);
  };
  const reserve = whatIf.reserve;
  const guidance = whatIf.guidance(lang);
  return html`<section part="what-if" class="what-if" aria-label=${t('whatIfTitle')}>
    <h3>${t('whatIfTitle')}</h3>
    <p class="what-if-note">${t('whatIfNotWritten')}</p>
    ${
      tile
        ? html`<form class="what-if-edit" novalidate @submit=${submit}>
            <label
              >${t('whatIfNewTarget', { tile: tile.name })}
              <input
                name="target"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                .value=${current === undefined ? '' : String(current)}
            /></label>
            ${targetSlider(scene, tile.path, current)}
            <fieldset>
              <legend>${t('whatIfFrom')}</legend>
              ${FROM.map(
                (choice) =>
                  html`<label
                    ><input
                      type="radio"
                      name="from"
                      value=${choice.from}
                      .checked=${whatIf.from === choice.from}
                      ?disabled=${choice.from === 'reserve' && !whatIf.hasReserve}
                      @change=${() => whatIf.setFrom(choice.from)}
                    />${t(choice.key)}</label
                  >`,
              )}
            </fieldset>
            <button type="submit">${t('whatIfApply')}</button>
          </form>`
        : nothing
    }
    <p class="what-if-refusal" role="alert" part="what-if-refusal">${refused}</p>
    ${whatIfNotice(whatIf.notice, unit, lang)}
    <div class="what-if-actions">
      <button type="button" ?disabled=${!whatIf.canUndo} @click=${() => whatIf.undo()}>
        ${t('whatIfUndo')}
      </button>
      <button type="button" ?disabled=${!whatIf.canUndo} @click=${() => whatIf.reset()}>
        ${t('whatIfReset')}
      </button>
      <button type="button" @click=${() => void whatIf.save(lang)}>${t('whatIfExport')}</button>
    </div>
    ${leafExportNote(whatIf.leafLevels, lang)}
    ${
      reserve
        ? html`<p class="what-if-reserve">
              ${t('whatIfReserve')}${t('colon')}${beforeAfter({ path: [], ...reserve }, unit, lang)}
            </p>
            ${guidance ? html`<p class="what-if-reserve">${guidance}</p>` : nothing}`
        : nothing
    }
    ${changesTable(whatIf.changes.filter(inView(scene.level)), unit, lang)}
  </section>`;
}

/** Says what the saved file holds when the source stays on a database server: a row per combination of the levels. */
function leafExportNote(
  levels: readonly string[] | undefined,
  lang: Lang,
): TemplateResult | typeof nothing {
  if (!levels) return nothing;
  const joined = levels.join(lang === 'zh-CN' ? '、' : ', ');
  return html`<p class="what-if-note what-if-leaf-export">
    ${message(lang, 'whatIfLeafExport', { levels: joined })}
  </p>`;
}

/** A step of the slider: a round figure near a five-hundredth of its range, not below a fen. */
function sliderStep(limit: number): number {
  return limit > 0 ? Math.max(0.01, 10 ** Math.floor(Math.log10(limit / 500))) : 1;
}

/**
 * The tile's new target by dragging (or the arrow keys): from nothing up to the most the chosen
 * source of the difference allows. Dragging shows the figure in the text box; letting go applies it.
 */
function targetSlider(
  scene: WhatIfPanelScene,
  path: readonly string[],
  current: number | undefined,
): TemplateResult | typeof nothing {
  const { whatIf, lang, unit } = scene;
  const limit = whatIf.limitAt(path);
  if (current === undefined || limit === undefined) return nothing;
  const step = sliderStep(limit);
  const shown = (event: Event): void => {
    const slider = event.currentTarget as HTMLInputElement;
    const text = slider.form?.elements.namedItem('target') as HTMLInputElement | null;
    if (text) text.value = slider.value;
    slider.setAttribute('aria-valuetext', formatValue(Number(slider.value), unit, lang));
  };
  return html`<label class="what-if-drag"
    >${message(lang, 'whatIfDrag')}
    <input
      name="target-drag"
      type="range"
      min="0"
      max=${String(limit)}
      step=${String(step)}
      .value=${live(String(current))}
      aria-valuetext=${formatValue(current, unit, lang)}
      @input=${shown}
      @change=${(event: Event) =>
        scene.edit(path, (event.currentTarget as HTMLInputElement).value)}
  /></label>`;
}

/** A change above the level shown or among its tiles (those further down show when drilled into). */
const inView =
  (level: readonly string[]) =>
  (change: TargetChange): boolean =>
    change.path.length <= level.length + 1 &&
    change.path.every((key, i) => i >= level.length || level[i] === key);

function changesTable(changes: readonly TargetChange[], unit: Unit, lang: Lang): TemplateResult {
  const t = (key: Parameters<typeof message>[1]): string => message(lang, key);
  if (changes.length === 0) return html`<p class="what-if-none">${t('whatIfNoChanges')}</p>`;
  return html`<table class="what-if-changes">
    <caption>
      ${t('whatIfChanges')}
    </caption>
    <thead>
      <tr>
        <th scope="col"></th>
        <th scope="col">${t('target')}</th>
      </tr>
    </thead>
    <tbody>
      ${changes.map(
        (change) =>
          html`<tr data-path=${change.path.join('/')}>
            <th scope="row">
              ${change.path.length > 0 ? change.path.join(' › ') : t('whatIfTotal')}
            </th>
            <td>${beforeAfter(change, unit, lang)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
