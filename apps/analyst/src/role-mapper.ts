import type { Lang } from '@stratex/core';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { LoadedFile } from './intake';
import { label, t } from './messages';
import { missingRoles, VIEWS, type ViewDefinition, type ViewMapping } from './widget-roles';

/** Fired (bubbling) after the analyst changed a role, a level, the as-of day or a view's inclusion. */
export const MAPPING_CHANGE = 'analyst-mapping-change';

const LEVEL_SLOTS = 3;

/** One select per role, pre-filled with the core's guesses, for each widget and the targets check. */
export class AnalystRoleMapper extends LitElement {
  static override properties = {
    entry: { attribute: false },
    lang: { type: String },
  };

  declare entry: LoadedFile | undefined;
  declare lang: Lang;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    const mapping = this.entry?.mapping;
    if (!mapping) return nothing;
    const lang = this.lang;
    return html`
      <section class="panel" aria-labelledby="mapping-heading">
        <h2 id="mapping-heading">${t(lang, 'mapping')}</h2>
        <p class="help">${t(lang, 'mappingHelp')}</p>
        <div class="mapping-grid">
          ${VIEWS.map((view) => this.#view(view, mapping[view.kind], lang))}
        </div>
      </section>
    `;
  }

  #view(view: ViewDefinition, mapping: ViewMapping, lang: Lang): TemplateResult {
    const id = `map-${view.kind}`;
    const missing = missingRoles(view, mapping);
    return html`
      <fieldset class="view-mapping" data-view=${view.kind}>
        <legend>${label(lang, `widget-${view.kind}`)}</legend>
        ${
          view.tag
            ? html`<label class="include">
                <input
                  type="checkbox"
                  name="include"
                  .checked=${mapping.included}
                  @change=${(event: Event) => {
                    mapping.included = (event.target as HTMLInputElement).checked;
                    this.#changed();
                  }}
                />
                ${t(lang, 'include')}
              </label>`
            : nothing
        }
        ${view.levels ? this.#levels(mapping, id, lang) : nothing}
        ${view.roles.map((role) => {
          const selectId = `${id}-${role.role}`;
          const guessed = mapping.guessed.includes(role.role) && mapping.columns[role.role];
          return html`<div class="role">
            <label for=${selectId}>
              ${label(lang, `role-${role.role}`)}${
                role.required ? html`<abbr title=${t(lang, 'required')}>*</abbr>` : nothing
              }
            </label>
            ${this.#select(selectId, role.role, mapping.columns[role.role], (value) => {
              mapping.columns[role.role] = value;
              mapping.guessed = mapping.guessed.filter((name) => name !== role.role);
            })}
            ${guessed ? html`<span class="badge">${t(lang, 'guessed')}</span>` : nothing}
          </div>`;
        })}
        ${
          view.asOf
            ? html`<div class="role">
                <label for=${`${id}-as-of`}>${t(lang, 'asOf')}</label>
                <input
                  id=${`${id}-as-of`}
                  name="as-of"
                  type="date"
                  .value=${mapping.asOf}
                  @change=${(event: Event) => {
                    mapping.asOf = (event.target as HTMLInputElement).value;
                    this.#changed();
                  }}
                />
              </div>`
            : nothing
        }
        ${
          missing.length && view.tag
            ? html`<p class="missing">
                ${t(lang, 'missingRoles')}
                ${missing.map((role) => (role === 'levels' ? t(lang, 'levels') : label(lang, `role-${role}`))).join(', ')}
              </p>`
            : nothing
        }
      </fieldset>
    `;
  }

  #levels(mapping: ViewMapping, id: string, lang: Lang): TemplateResult {
    const slots = Array.from({ length: LEVEL_SLOTS }, (_, index) => mapping.levels[index]);
    return html`<div class="role levels" role="group" aria-label=${t(lang, 'levels')}>
      ${slots.map(
        (level, index) => html`
          <label for=${`${id}-level-${index}`}>${t(lang, 'level')} ${index + 1}</label>
          ${this.#select(`${id}-level-${index}`, `level-${index}`, level, (value) => {
            const next = [...mapping.levels];
            next[index] = value ?? '';
            mapping.levels = next.filter(Boolean);
          })}
        `,
      )}
    </div>`;
  }

  #select(
    id: string,
    name: string,
    value: string | undefined,
    apply: (value: string | undefined) => void,
  ): TemplateResult {
    const columns = this.entry?.columns ?? [];
    return html`<select
      id=${id}
      name=${name}
      @change=${(event: Event) => {
        apply((event.target as HTMLSelectElement).value || undefined);
        this.#changed();
      }}
    >
      <option value="" ?selected=${!value}>${t(this.lang, 'notMapped')}</option>
      ${columns.map(
        (column) =>
          html`<option value=${column.name} ?selected=${column.name === value}>
            ${column.name}
          </option>`,
      )}
    </select>`;
  }

  #changed(): void {
    this.dispatchEvent(new CustomEvent(MAPPING_CHANGE, { bubbles: true, composed: true }));
    this.requestUpdate();
  }
}
