import { type CellRecord, cellText, type TrackedTask } from '@stratex/core';
import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { type RowRange, RowWindow } from '../base/row-window';
import type { Selection } from '../base/selection';
import { type RowContext, taskRow } from './task-row';

/** What the task list needs from its widget. */
export interface TaskListHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface TaskListOptions {
  /** The header of the task column, once the report has found it. */
  taskHeader: () => string | undefined;
  /** The rows the tasks were read from (after another widget's selection). */
  rows: () => readonly CellRecord[];
  /** The selection the widget made itself, if any. */
  own: () => Selection | null;
  /** Chooses (or, chosen again, clears) a selection for the page. */
  select: (selection: Selection | null) => void;
}

/**
 * The list of tasks: one row takes Tab (moved with the arrow keys, Home and End), a row opens
 * its detail (click, Enter or Space; Escape closes it) and chooses its task for the page.
 * A long list is drawn only around what is in view; the keyboard carries the window along.
 */
export class TaskListController implements ReactiveController {
  readonly #host: TaskListHost;
  readonly #options: TaskListOptions;
  /** The tasks shown, in the order shown. */
  shown: TrackedTask[] = [];
  /** The `sourceRow` of the task whose detail is open. */
  #openRow: number | undefined;
  /** The `sourceRow` of the row that takes Tab (roving tabindex). */
  #focusRow: number | undefined;
  /** How each drawn row looks; set at each of the widget's renders. */
  #context: RowContext | undefined;
  readonly #window: RowWindow<TrackedTask>;

  constructor(host: TaskListHost, options: TaskListOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.#window = new RowWindow<TrackedTask>(host, {
      list: () => host.renderRoot.querySelector<HTMLElement>('ol.tasks'),
      key: (task) => task.sourceRow,
      row: (task, index, drawn) => this.#row(task, index, drawn),
    });
  }

  /** The task that takes Tab, as its column and cell (what choosing it would select). */
  get focusedTask(): Readonly<Record<string, string>> | undefined {
    const row = this.#focusRow ?? this.shown[0]?.sourceRow;
    const task = this.shown.find((candidate) => candidate.sourceRow === row);
    const header = this.#options.taskHeader();
    const cell = task && this.#taskCell(task);
    return header === undefined || cell === undefined ? undefined : { [header]: cell };
  }

  hostConnected(): void {
    // The list keeps its open row and the row that takes Tab while the widget is away.
  }

  /** The list of the tasks shown, named `label`; its rows are drawn by the row window. */
  render(context: RowContext, label: string): TemplateResult {
    this.#context = context;
    this.#window.items = this.shown;
    return html`<ol
      class="tasks"
      aria-label=${label}
      @keydown=${this.#onKeydown}
      @focusin=${this.#onFocusin}
    ></ol>`;
  }

  /** The index (in `shown`) of the row that takes Tab: the last one focused, else the first. */
  #focusIndex(): number {
    return Math.max(
      0,
      this.shown.findIndex((task) => task.sourceRow === this.#focusRow),
    );
  }

  #row(task: TrackedTask, index: number, drawn: RowRange): TemplateResult {
    const context = this.#context as RowContext;
    const focusIndex = this.#focusIndex();
    // When the row that takes Tab is scrolled out of the drawn window, the first drawn row does.
    const focusDrawn = focusIndex >= drawn.start && focusIndex < drawn.end;
    return taskRow(
      task,
      context,
      {
        open: this.#openRow === task.sourceRow,
        focusable: focusDrawn ? index === focusIndex : index === drawn.start,
        selected: this.#isChosen(task),
      },
      () => this.#toggle(task),
    );
  }

  /** The task cell exactly as the row holds it, so other widgets can match it. */
  #taskCell(task: TrackedTask): string | undefined {
    const header = this.#options.taskHeader();
    const cell =
      header === undefined ? undefined : this.#options.rows()[task.sourceRow - 1]?.[header];
    return cell === null || cell === undefined ? undefined : cellText(cell);
  }

  #isChosen(task: TrackedTask): boolean {
    const header = this.#options.taskHeader();
    const cell = this.#taskCell(task);
    return header !== undefined && cell !== undefined && this.#options.own()?.[header] === cell;
  }

  #toggle(task: TrackedTask): void {
    this.#focusRow = task.sourceRow;
    const opening = this.#openRow !== task.sourceRow;
    this.#openRow = opening ? task.sourceRow : undefined;
    const index = this.shown.indexOf(task);
    if (index >= 0) this.#window.keep(index);
    this.#host.requestUpdate();
    const header = this.#options.taskHeader();
    const cell = this.#taskCell(task);
    if (header === undefined || cell === undefined) return;
    if (opening || this.#isChosen(task)) this.#options.select({ [header]: cell });
  }

  /** Tab (or a click) into a row makes it the one that takes Tab. */
  readonly #onFocusin = (event: FocusEvent): void => {
    const row = (event.target as Element).closest('li[data-row]')?.getAttribute('data-row');
    const sourceRow = Number(row);
    if (row === null || row === undefined || sourceRow === this.#focusRow) return;
    if (!this.shown.some((task) => task.sourceRow === sourceRow)) return;
    this.#focusRow = sourceRow;
    this.#window.draw();
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    const at = this.#focusIndex();
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: this.shown.length - 1,
    };
    const current = this.shown[at];
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.min(this.shown.length - 1, Math.max(0, moves[event.key] ?? 0));
      this.#focusRow = this.shown[next]?.sourceRow;
      this.#window.keep(next);
      this.#window.draw();
      this.#focusCurrent();
    } else if ((event.key === 'Enter' || event.key === ' ') && current) {
      event.preventDefault();
      this.#toggle(current);
    } else if (event.key === 'Escape' && this.#openRow !== undefined) {
      this.#window.keep(at);
      const open = this.shown.find((task) => task.sourceRow === this.#openRow);
      event.preventDefault();
      if (open) this.#toggle(open);
      else {
        this.#openRow = undefined;
        this.#host.requestUpdate();
      }
      void this.#host.updateComplete.then(() => this.#focusCurrent());
    }
  };

  #focusCurrent(): void {
    this.#host.renderRoot.querySelector<HTMLElement>('.tasks .head[tabindex="0"]')?.focus();
  }
}
