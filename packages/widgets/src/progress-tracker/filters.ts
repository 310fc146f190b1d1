import {
  countByState,
  formatValue,
  type Lang,
  TASK_ORDERS,
  TASK_STATES,
  type TaskOrder,
  type TaskState,
  taskOwners,
  type TrackedTask,
} from '@stratex/core';
import { html, type TemplateResult } from 'lit';
import type { MessageKey } from '../base/lang';
import { stateIcon } from './task-row';

export interface FilterChoice {
  owner: string | undefined;
  state: TaskState | undefined;
  order: TaskOrder;
}

const ALL = '';
const OWNER = 'owner:';

/**
 * The row controls: a button per state present (aria-pressed, with its count), a select of
 * owners and a select of orders. `change` receives the whole new choice.
 */
export function trackerFilters(
  tasks: readonly TrackedTask[],
  choice: FilterChoice,
  lang: Lang,
  t: (key: MessageKey) => string,
  change: (choice: FilterChoice) => void,
): TemplateResult {
  const counts = countByState(tasks);
  const count = (n: number): string => formatValue(n, 'count', lang);
  const states = TASK_STATES.filter((state) => counts[state] > 0);
  const pickOwner = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    change({ ...choice, owner: value === ALL ? undefined : value.slice(OWNER.length) });
  };
  const pickOrder = (event: Event): void =>
    change({ ...choice, order: (event.target as HTMLSelectElement).value as TaskOrder });
  return html`<div class="filters" part="filters">
    <div class="states" role="group" aria-label=${t('filterStatus')}>
      <button
        type="button"
        aria-pressed=${choice.state === undefined ? 'true' : 'false'}
        @click=${() => change({ ...choice, state: undefined })}
      >
        ${t('allStates')} <span class="count">${count(tasks.length)}</span>
      </button>
      ${states.map(
        (state) =>
          html`<button
            type="button"
            data-state=${state}
            aria-pressed=${choice.state === state ? 'true' : 'false'}
            @click=${() => change({ ...choice, state: choice.state === state ? undefined : state })}
          >
            <span class="icon" aria-hidden="true">${stateIcon[state]}</span>
            ${t(`task-${state}`)} <span class="count">${count(counts[state])}</span>
          </button>`,
      )}
    </div>
    <label
      >${t('owner')}
      <select class="owner-filter" @change=${pickOwner}>
        <option value=${ALL} ?selected=${choice.owner === undefined}>${t('allOwners')}</option>
        ${taskOwners(tasks, lang).map(
          (owner) =>
            html`<option value=${OWNER + owner} ?selected=${choice.owner === owner}>
              ${owner || t('noOwner')}
            </option>`,
        )}
      </select></label
    >
    <label
      >${t('sortBy')}
      <select class="order" @change=${pickOrder}>
        ${TASK_ORDERS.map(
          (order) =>
            html`<option value=${order} ?selected=${choice.order === order}>
              ${t(`order-${order}`)}
            </option>`,
        )}
      </select></label
    >
  </div>`;
}
