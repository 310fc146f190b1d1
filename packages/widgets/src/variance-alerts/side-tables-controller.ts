import { type Lang, PROGRESS_SCHEMA, STRATEGY_SCHEMA } from '@stratex/core';
import type { Engine } from '@stratex/data';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, SX_DATA_ERROR, type SxDataErrorDetail } from '../base/events';
import {
  readSideTable,
  type SideTable,
  type SideTableRef,
  sideTableOrigin,
} from '../base/side-tables';

export type Side = 'tasks' | 'budget';

/** What the side tables controller needs from its widget. */
export interface SideTablesHost extends ReactiveControllerHost, HTMLElement {}

export interface SideTablesOptions {
  /** The page's engine, once its chunk has arrived. */
  engine: () => Promise<Engine>;
  lang: () => Lang;
  /** The side tables as the widget's attributes name them now. */
  refs: () => Record<Side, SideTableRef>;
}

/**
 * The tables the alerts read beside the KPI series: the progress table (task alerts) and the
 * budget (budget alerts), each loaded when the attributes naming it change; a failure is said
 * with `sx-data-error` and shown as a note.
 */
export class SideTablesController implements ReactiveController {
  readonly #host: SideTablesHost;
  readonly #options: SideTablesOptions;
  #tables: Partial<Record<Side, SideTable>> = {};
  #loads: Record<Side, number> = { tasks: 0, budget: 0 };
  #complete: Promise<void> = Promise.resolve();
  /** The side tables as the attributes named them at the last update. */
  #refs: Partial<Record<Side, SideTableRef>> = {};

  constructor(host: SideTablesHost, options: SideTablesOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Each side table as it stands: loading, read or failed (absent when none is named). */
  get tables(): Partial<Record<Side, SideTable>> {
    return this.#tables;
  }

  /** Resolves once the tables last asked for have loaded (or failed). */
  get complete(): Promise<void> {
    return this.#complete;
  }

  /** Loads a side table whenever the attributes naming it change; the others stay as they are. */
  hostUpdate(): void {
    const refs = this.#options.refs();
    const changed = (Object.keys(refs) as Side[]).filter((side) => {
      const [now, last] = [refs[side], this.#refs[side]];
      return now.source !== last?.source || now.src !== last?.src;
    });
    this.#refs = refs;
    if (changed.length === 0) return;
    const loads = changed.map((side) => this.#load(side, refs[side]));
    this.#complete = Promise.all(loads).then(() => undefined);
  }

  async #load(side: Side, ref: SideTableRef): Promise<void> {
    const loadNumber = ++this.#loads[side];
    if (!ref.source && !ref.src) {
      this.#show(side, undefined);
      return;
    }
    this.#show(side, { phase: 'loading' });
    const schema = side === 'tasks' ? PROGRESS_SCHEMA : STRATEGY_SCHEMA;
    const engine = await this.#options.engine();
    const table = await readSideTable(engine, ref, this.#options.lang(), schema);
    if (loadNumber !== this.#loads[side]) return;
    this.#show(side, table);
    if (table.phase === 'error') {
      const { message, detail } = table;
      const failure = detail ? { message, detail } : { message };
      emit<SxDataErrorDetail>(this.#host, SX_DATA_ERROR, {
        source: sideTableOrigin(ref),
        ...failure,
      });
    }
    await this.#host.updateComplete;
  }

  #show(side: Side, table: SideTable | undefined): void {
    this.#tables = { ...this.#tables, [side]: table };
    this.#host.requestUpdate();
  }
}
