import {
  type BudgetAllocation,
  type CellRecord,
  type Lang,
  currentPlan,
  type DifferenceFrom,
  editsOf,
  parseCell,
  planNodeAt,
  type Refusal,
  replayEdits,
  type ReplayedEdits,
  reserveChange,
  type ReserveSetting,
  resetWhatIf,
  retargetTree,
  startWhatIf,
  type TargetChange,
  type TargetEdit,
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

/**
 * Edits that could not be kept, or whose base moved: after a refresh of the source (`refresh`)
 * or when a link's edits were put back on the rows loaded (`link`).
 */
export interface WhatIfNotice extends Omit<ReplayedEdits, 'whatIf'> {
  cause: 'refresh' | 'link';
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
  /** The targets last published, to tell the page's targets for the source are this what-if's. */
  #published: TargetOverrideSet | undefined;
  readonly #asPlanned = new Memo<Breakdown>();
  /** Why the last edit was refused, until the next one. */
  refusal: Refusal | undefined;
  /** Edits a refresh or a link could not keep as they were, until the next change. */
  notice: WhatIfNotice | undefined;
  /** Where the difference of the next edit comes from. */
  from: DifferenceFrom = 'siblings';

  /** Takes the difference of the next edits from `from` (the slider's reach follows). */
  setFrom(from: DifferenceFrom): void {
    this.from = from;
    this.#element.requestUpdate();
  }

  constructor(element: ReactiveElement, host: WhatIfHost) {
    this.#element = element;
    this.#host = host;
  }

  /**
   * Starts from the targets as planned (the source's rows rolled up). New rows (a refresh) or
   * another reserve start the what-if again and try its edits on it: those that no longer
   * hold are set aside, and a notice says which, and which tiles' planned targets moved.
   */
  plan(rows: readonly CellRecord[], columns: BreakdownColumns, reserve: string | undefined): this {
    this.#rows = rows;
    this.#levels = columns.levels;
    this.#column = columns.target;
    const key = [rows, columns.levels.join('\u0000'), columns.target];
    const root = this.#breakdown.get(key, () => buildBreakdown(rows, columns, null)).tree.root;
    if (this.#planned?.root === root && this.#planned.reserve === reserve) return this;
    const was = this.#whatIf;
    this.#planned = { root, reserve };
    const budget = reserve === undefined ? budgetStart(root) : undefined;
    this.#budget = budget?.allocation;
    const fresh = budget?.whatIf ?? startWhatIf(root, readReserve(reserve));
    this.refusal = undefined;
    if (!was || was.steps.length === 0) {
      this.#whatIf = fresh;
      return this;
    }
    const { whatIf, dropped, rebased } = replayEdits(fresh, editsOf(was), was);
    this.#whatIf = whatIf;
    this.notice =
      dropped.length > 0 || rebased.length > 0 ? { cause: 'refresh', dropped, rebased } : undefined;
    // A refresh that moved nothing is not told; else the page hears of it once the drawing is done.
    const same = JSON.stringify(this.overrides) === JSON.stringify(this.#published ?? null);
    if (!same || this.notice) queueMicrotask(() => this.#tell());
    return this;
  }

  /** The edits so far, in the order they were made. */
  get edits(): TargetEdit[] {
    return this.#whatIf ? editsOf(this.#whatIf) : [];
  }

  /** Puts a link's edits back on the targets as planned; those that no longer hold are left out, with a notice. */
  restore(edits: readonly TargetEdit[]): void {
    if (!this.#whatIf) return;
    const { whatIf, dropped } = replayEdits(this.#whatIf, edits);
    this.#change(whatIf);
    if (dropped.length > 0) this.notice = { cause: 'link', dropped, rebased: [] };
  }

  /**
   * The breakdown with the page's what-if targets `set`, made from the one as planned instead
   * of rolling up the rows again, when `set` is this what-if's own and no other widget's choice
   * narrows the rows (`narrowed`); undefined otherwise, and for a tree with stated subtotals
   * or unreadable figures, which the rows must be rolled up for.
   */
  breakdownWith(
    set: TargetOverrideSet | undefined,
    rows: readonly CellRecord[],
    columns: BreakdownColumns,
    total: number | null,
    narrowed: boolean,
  ): Breakdown | undefined {
    if (narrowed || !set || set !== this.#published) return undefined;
    const key = [rows, columns.levels.join('\u0000'), columns.target, columns.actual, total];
    const planned = this.#asPlanned.get(key, () => buildBreakdown(rows, columns, total));
    if (planned.splits.length > 0) return undefined;
    const tree = retargetTree(planned.tree, this.changes);
    return tree && { ...planned, tree };
  }

  /** Stops the what-if: its targets leave the page. */
  stop(): undefined {
    this.#published = undefined;
    if ((this.#whatIf?.steps.length ?? 0) > 0) queueMicrotask(() => this.#host.publish(null));
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
    const plan = this.#whatIf && currentPlan(this.#whatIf);
    const node = plan && planNodeAt(plan.root, path);
    return node && node.fen / 100;
  }

  /**
   * The most a tile's target can be set to with the difference from where it is now taken:
   * all its siblings hold, or all the reserve has left, added to its own; without a limit
   * (the total moves), twice the larger of its target and its parent's.
   */
  limitAt(path: readonly string[]): number | undefined {
    const plan = this.#whatIf && currentPlan(this.#whatIf);
    const node = plan && planNodeAt(plan.root, path);
    if (!plan || !node) return undefined;
    const parent = planNodeAt(plan.root, path.slice(0, -1));
    const others = (parent?.fen ?? node.fen) - node.fen;
    const fen =
      this.from === 'siblings'
        ? node.fen + (path.length > 0 ? others : 0)
        : this.from === 'reserve'
          ? node.fen + (plan.reserveFen ?? 0)
          : 2 * Math.max(node.fen, parent?.fen ?? 0);
    return fen / 100;
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

  /** The levels the file holds a row for when the source stays on a database server; undefined when it holds the whole table. */
  get leafLevels(): readonly string[] | undefined {
    const loaded = this.loaded;
    return loaded && loaded.engine.remoteOf(loaded.table) ? this.#levels : undefined;
  }

  /**
   * The target table with `set` in place as a CSV file: read whole from the engine when loaded
   * there, summed per combination of the levels by a database server that keeps the source.
   */
  file(rows: readonly CellRecord[], set: TargetOverrideSet | undefined, lang: Lang): Promise<Blob> {
    const columns = { levels: this.#levels, target: this.#column };
    return targetTableBlob(this.loaded, rows, set, { columns, lang });
  }

  /** Offers the target table with the moved targets as a CSV file, its headers in `lang`. */
  async save(lang: Lang): Promise<void> {
    const stem = this.#element.getAttribute('export-name') ?? 'target-treemap';
    download(`${stem}-what-if.csv`, await this.file(this.#rows, this.overrides, lang));
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
    this.notice = undefined;
    this.#tell();
  }

  /** Publishes the what-if's targets to the page, tells it with `sx-what-if`, and redraws. */
  #tell(): void {
    const whatIf = this.#whatIf;
    if (!whatIf) return;
    this.#published = this.overrides;
    this.#host.publish(this.#published);
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
