import {
  type BudgetAllocation,
  type CellRecord,
  type Lang,
  currentPlan,
  type DifferenceFrom,
  parseCell,
  type Refusal,
  reserveChange,
  type ReserveSetting,
  resetWhatIf,
  startWhatIf,
  type TargetChange,
  type TargetNode,
  type TargetOverrideSet,
  targetChanges,
  targetOverrides,
  tryEdit,
  undoEdit,
  type WhatIf,
} from '@stratex/core';
import type { ReactiveElement } from 'lit';
import { download } from '../base/export';
import { emit, SX_WHAT_IF, type SxWhatIfDetail } from '../base/events';
import { Memo } from '../base/memo';
import type { Engine, LoadedTable } from '@stratex/data';
import { budgetStart, contingencyAfter } from './what-if-budget';
import { targetTableBlob } from './what-if-export';
import { type Breakdown, type BreakdownColumns, buildBreakdown } from './breakdown';

/** What the what-if needs of its treemap. */
export interface WhatIfHost {
  /** The name the page's widgets share the source by. */
  source(): string;
  /** Publishes the moved targets to every widget on the source (null clears them). */
  publish(set: TargetOverrideSet | null): void;
}

/** A reserve attribute: a share (`15%`) of the overall target, or an amount (`50万`); undefined for none or unreadable. */
export function readReserve(text: string | undefined): ReserveSetting | undefined {
  if (!text) return undefined;
  const cell = parseCell(text);
  if (cell.kind !== 'number' || cell.value < 0) return undefined;
  return cell.unit === 'percent' ? { share: cell.value } : { amount: cell.value };
}

/**
 * The treemap's what-if: the targets as the source states them, the edits tried on them, the
 * refusal of the last one that could not hold. Each change is published to the page as target
 * overrides on the source and told with `sx-what-if`.
 */
export class TreemapWhatIf {
  readonly #element: ReactiveElement;
  readonly #host: WhatIfHost;
  #whatIf: WhatIf | undefined;
  #planned: { root: TargetNode; reserve: string | undefined } | undefined;
  #levels: readonly string[] = [];
  #column = '';
  #changes: { of: WhatIf; changes: TargetChange[] } | undefined;
  readonly #breakdown = new Memo<Breakdown>();
  #rows: readonly CellRecord[] = [];
  /** A budget whose contingency module is the reserve. */
  #budget: BudgetAllocation | undefined;
  /** Why the last edit was refused, until the next one. */
  refusal: Refusal | undefined;
  /** Where the difference of the next edit comes from. */
  from: DifferenceFrom = 'siblings';

  constructor(element: ReactiveElement, host: WhatIfHost) {
    this.#element = element;
    this.#host = host;
  }

  /**
   * Starts from the targets as planned (the source's rows rolled up); new rows or another
   * reserve start the what-if again, dropping its edits.
   */
  plan(rows: readonly CellRecord[], columns: BreakdownColumns, reserve: string | undefined): this {
    this.#rows = rows;
    this.#levels = columns.levels;
    this.#column = columns.target;
    const key = [rows, columns.levels.join('\u0000'), columns.target];
    const root = this.#breakdown.get(key, () => buildBreakdown(rows, columns, null)).tree.root;
    if (this.#planned?.root === root && this.#planned.reserve === reserve) return this;
    const hadEdits = (this.#whatIf?.steps.length ?? 0) > 0;
    this.#planned = { root, reserve };
    const budget = reserve === undefined ? budgetStart(root) : undefined;
    this.#budget = budget?.allocation;
    this.#whatIf = budget?.whatIf ?? startWhatIf(root, readReserve(reserve));
    this.refusal = undefined;
    if (hadEdits) this.#host.publish(null);
    return this;
  }

  /** Stops the what-if: its targets leave the page. */
  stop(): undefined {
    if ((this.#whatIf?.steps.length ?? 0) > 0) this.#host.publish(null);
    this.#whatIf = undefined;
    this.#planned = undefined;
    this.refusal = undefined;
    return undefined;
  }

  get canUndo(): boolean {
    return (this.#whatIf?.steps.length ?? 0) > 0;
  }

  /** True when the page set a reserve to draw on. */
  get hasReserve(): boolean {
    return this.#whatIf ? this.#whatIf.base.reserveFen !== null : false;
  }

  /** Every tile whose target moved, top first. */
  get changes(): TargetChange[] {
    const whatIf = this.#whatIf;
    if (!whatIf) return [];
    if (this.#changes?.of !== whatIf) {
      let changes = targetChanges(whatIf);
      // A budget's total holds its contingency too: drawing on it moves money, not the total.
      if (this.#budget) {
        const contingency = contingencyAfter(this.#budget, whatIf, 'en').changes;
        changes = [...changes.filter((change) => change.path.length > 0), ...contingency];
      }
      this.#changes = { of: whatIf, changes };
    }
    return this.#changes.changes;
  }

  /** A budget's contingency checked against the 10–20 % guidance after the edits, in `lang`. */
  guidance(lang: Lang): string | undefined {
    return this.#budget && this.#whatIf && this.canUndo
      ? contingencyAfter(this.#budget, this.#whatIf, lang).guidance
      : undefined;
  }

  /** The reserve before and after the edits, when the page set one. */
  get reserve(): { before: number; after: number } | null {
    return this.#whatIf ? reserveChange(this.#whatIf) : null;
  }

  /** A tile's target as it stands in the what-if, in the unit. */
  targetAt(path: readonly string[]): number | undefined {
    if (!this.#whatIf) return undefined;
    let node = currentPlan(this.#whatIf).root;
    for (const key of path) {
      const child = node.children.find((candidate) => candidate.key === key);
      if (!child) return undefined;
      node = child;
    }
    return node.fen / 100;
  }

  /** Sets a tile's target; refused with a reason when it cannot hold. */
  edit(path: readonly string[], target: number): boolean {
    if (!this.#whatIf) return false;
    const outcome = tryEdit(this.#whatIf, { path, target, from: this.from });
    if (!outcome.ok) {
      this.refusal = outcome.refusal;
      this.#element.requestUpdate();
      return false;
    }
    this.#change(outcome.whatIf);
    return true;
  }

  undo(): void {
    if (this.#whatIf) this.#change(undoEdit(this.#whatIf));
  }

  reset(): void {
    if (this.#whatIf) this.#change(resetWhatIf(this.#whatIf));
  }

  /** The source as loaded into the engine, for the export of the whole table. */
  loaded: { engine: Engine; source: string; table: LoadedTable } | undefined;

  /** The target table with `set` in place (read whole from the engine when loaded there) as a CSV file. */
  file(rows: readonly CellRecord[], set: TargetOverrideSet | undefined): Promise<Blob> {
    return targetTableBlob(this.loaded, rows, set);
  }

  /** Offers the target table with the moved targets as a CSV file. */
  async save(): Promise<void> {
    const stem = this.#element.getAttribute('export-name') ?? 'target-treemap';
    download(`${stem}-what-if.csv`, await this.file(this.#rows, this.overrides));
  }

  /** The moved targets as overrides of the source's target column. */
  get overrides(): TargetOverrideSet {
    return {
      column: this.#column,
      levels: this.#levels,
      overrides: targetOverrides(this.changes, this.#levels),
    };
  }

  #change(whatIf: WhatIf): void {
    this.#whatIf = whatIf;
    this.refusal = undefined;
    this.#host.publish(this.overrides);
    const detail: SxWhatIfDetail = {
      source: this.#host.source(),
      edits: whatIf.steps.map((step) => ({ ...step.edit })),
      changes: this.changes,
      reserve: this.reserve,
    };
    emit(this.#element, SX_WHAT_IF, detail);
    this.#element.requestUpdate();
  }
}
