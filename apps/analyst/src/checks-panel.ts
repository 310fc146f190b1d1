import { formatValue, type Lang } from '@stratex/core';
import { pageEngine } from '@stratex/data';
import { SX_DATA_ERROR, SX_DATA_LOAD } from '@stratex/widgets';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { rollupCheck, type RollupResult, smartCheck, type SmartResult } from './checks';
import type { LoadedFile } from './intake';
import { t } from './messages';

type Outcome<T> =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; value: T | undefined }
  | { state: 'error'; message: string };

/** Longest the checks wait for the preview before they ask the engine themselves. */
const PREVIEW_WAIT_MS = 3000;

/** Resolves when a previewed widget has its rows (or failed), at once when none is previewed. */
async function previewDrawn(limitMs: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const preview = document.querySelector('analyst-widget-preview');
  if (!preview?.querySelector('.widget-host > *')) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      preview.removeEventListener(SX_DATA_LOAD, done);
      preview.removeEventListener(SX_DATA_ERROR, done);
      resolve();
    };
    const timer = setTimeout(done, limitMs);
    preview.addEventListener(SX_DATA_LOAD, done);
    preview.addEventListener(SX_DATA_ERROR, done);
  });
}

/** The SMART check of a targets table and the rollup check of a breakdown, on the current mapping. */
export class AnalystChecksPanel extends LitElement {
  static override properties = {
    entry: { attribute: false },
    lang: { type: String },
    revision: { type: Number },
    smart: { state: true },
    rollup: { state: true },
    statedTotal: { state: true },
  };

  declare entry: LoadedFile | undefined;
  declare lang: Lang;
  declare revision: number;
  declare smart: Outcome<SmartResult>;
  declare rollup: Outcome<RollupResult>;
  declare statedTotal: string;
  #key = '';

  constructor() {
    super();
    this.smart = { state: 'idle' };
    this.rollup = { state: 'idle' };
    this.statedTotal = '';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(): void {
    const entry = this.entry;
    const key = JSON.stringify([
      entry?.id,
      entry?.state,
      this.revision,
      this.lang,
      this.statedTotal,
    ]);
    if (key === this.#key || !entry || entry.state !== 'ready') return;
    this.#key = key;
    void this.#run(entry, key);
  }

  async #run(entry: LoadedFile, key: string): Promise<void> {
    const engine = pageEngine();
    this.smart = { state: 'busy' };
    this.rollup = { state: 'busy' };
    // The engine answers one query at a time: the preview asks first, the checks after it.
    await previewDrawn(PREVIEW_WAIT_MS);
    if (key !== this.#key) return;
    const settle = async <T>(work: Promise<T | undefined>): Promise<Outcome<T>> => {
      try {
        return { state: 'done', value: await work };
      } catch (cause) {
        return { state: 'error', message: cause instanceof Error ? cause.message : String(cause) };
      }
    };
    const [smart, rollup] = await Promise.all([
      settle(smartCheck(engine, entry, this.lang)),
      settle(rollupCheck(engine, entry, this.statedTotal, this.lang)),
    ]);
    if (key !== this.#key) return;
    this.smart = smart;
    this.rollup = rollup;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.entry?.state !== 'ready') return nothing;
    const lang = this.lang;
    return html`
      <section class="panel checks" aria-labelledby="checks-heading">
        <h2 id="checks-heading">${t(lang, 'checks')}</h2>
        <div class="check smart-check" aria-live="polite">
          <h3>${t(lang, 'smart')}</h3>
          ${this.#smart(lang)}
        </div>
        <div class="check rollup-check" aria-live="polite">
          <h3>${t(lang, 'rollup')}</h3>
          <label class="inline">
            ${t(lang, 'statedTotal')}
            <input
              name="stated-total"
              placeholder=${t(lang, 'statedTotalHelp')}
              .value=${this.statedTotal}
              @change=${(event: Event) => (this.statedTotal = (event.target as HTMLInputElement).value)}
            />
          </label>
          ${this.#rollup(lang)}
        </div>
      </section>
    `;
  }

  #smart(lang: Lang): TemplateResult {
    const outcome = this.smart;
    if (outcome.state === 'busy' || outcome.state === 'idle')
      return html`<p class="busy">${t(lang, 'checking')}</p>`;
    if (outcome.state === 'error')
      return html`<p class="error" role="alert">${outcome.message}</p>`;
    const result = outcome.value;
    if (!result) return html`<p class="help">${t(lang, 'smartNoMapping')}</p>`;
    if (result.issues.length === 0) {
      return html`<p class="ok">✓ ${result.checked} ${t(lang, 'smartAllGood')}</p>`;
    }
    return html`
      <p class="warn">
        ⚠ ${result.checked} ${t(lang, 'smartChecked')}, ${result.issues.length}
        ${t(lang, 'smartIssues')}
      </p>
      <ul class="smart-issues">
        ${result.issues.map(
          (issue) =>
            html`<li>
              <span class="letter" aria-hidden="true">${issue.letter}</span>
              ${t(lang, 'row')} ${issue.row}: ${issue.message}
            </li>`,
        )}
      </ul>
    `;
  }

  #rollup(lang: Lang): TemplateResult {
    const outcome = this.rollup;
    if (outcome.state === 'busy' || outcome.state === 'idle')
      return html`<p class="busy">${t(lang, 'checking')}</p>`;
    if (outcome.state === 'error')
      return html`<p class="error" role="alert">${outcome.message}</p>`;
    const result = outcome.value;
    if (!result) return html`<p class="help">${t(lang, 'rollupNoMapping')}</p>`;
    const amount = (value: number | null): string =>
      value === null ? '—' : formatValue(value, result.unit, lang);
    return html`
      <p class="rollup-total">
        ${t(lang, 'rollupTotal')} <strong>${amount(result.target)}</strong>
        ${result.actual !== null ? html`(${t(lang, 'rollupActual')} ${amount(result.actual)})` : nothing}
      </p>
      ${
        result.total
          ? html`<p class=${result.total.check.balanced ? 'ok' : 'warn'}>
              ${result.total.check.balanced ? '✓' : '⚠'} ${result.total.text}
            </p>`
          : nothing
      }
      ${
        result.splits.length === 0
          ? html`<p class="help">${t(lang, 'noSubtotals')}</p>`
          : html`<ul class="splits">
              ${result.splits.map(
                (split) =>
                  html`<li class=${split.check.balanced ? 'ok' : 'warn'}>
                    ${split.check.balanced ? '✓' : '⚠'} ${split.text}
                  </li>`,
              )}
            </ul>`
      }
    `;
  }
}
