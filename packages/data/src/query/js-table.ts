import { exactSum } from '../csv/exact-decimals';
import type { MemoryCsv, TextCell, TypedCell } from '../csv/memory-csv';
import { ownValue, type RecordRow } from '../loaded-table';
import type { Aggregate, DimensionFilter, Ordering } from './contract';
import { doubleText } from './double-text';
import { twinCell } from './js-cells';
import { cut, sortRows } from './js-order';
import type { AggregatePlan } from './render';
import type { TwinColumn } from './typed-rows';

type Cell = TextCell | TypedCell;

interface RowOptions {
  filter: DimensionFilter;
  orderBy?: readonly Ordering[] | undefined;
  limit?: number | undefined;
}
type Columns = ReadonlyMap<string, readonly Cell[]>;

/** Raised inside an answer that only the engine can give; the answer is then undefined. */
class LeaveToEngine extends Error {}

/**
 * A small CSV's two tables held in JS, answering the coordinator's plans as DuckDB answers
 * the SQL rendered from them (`render.ts`): cells compared and grouped as text (a number as
 * DuckDB writes it), measures as DOUBLE (sums of DECIMAL columns exact), sums over cells that do not read passed on as
 * written, ROUND half away from zero, NULLs last in either order. A method returns
 * undefined when the answer needs the engine (a column it does not know, a sum that
 * overflows).
 */
export class JsTable {
  readonly #text: Columns;
  readonly #typed: Columns;
  readonly #rowCount: number;
  /** Typed columns held as exact decimals by the engine, and their digits after the point. */
  readonly #scales: ReadonlyMap<string, number>;
  readonly #lines: Int32Array;

  constructor(
    memory: MemoryCsv,
    /** The names the engine knows the two tables by. */
    readonly table: string,
    readonly typedTable: string,
  ) {
    const { report } = memory;
    this.#text = new Map(report.columns.map((name, index) => [name, memory.text[index] ?? []]));
    this.#typed = new Map(
      report.columnTypes.map((column, index) => [column.name, memory.typed[index] ?? []]),
    );
    this.#rowCount = report.rowCount;
    this.#scales = new Map(
      report.columnTypes.flatMap((column) =>
        column.exact ? [[column.name, column.exact.scale] as const] : [],
      ),
    );
    this.#lines = memory.lines;
  }

  /**
   * The rows behind a figure: how many match `filter`, and from the `offset`-th of them in
   * file order, `limit` rows as `cells` gives them, each with its line in the file.
   */
  page(
    columns: readonly TwinColumn[],
    filter: DimensionFilter,
    offset: number,
    limit: number,
  ): { count: number; rows: { line: number; cells: RecordRow }[] } | undefined {
    try {
      const matching = this.#matching(this.#text, filter);
      const page = matching.slice(offset, offset + limit);
      const cells = this.cells(columns, { filter: {} });
      if (!cells) return undefined;
      const rows = page.map((row) => ({ line: this.#lines[row] ?? 0, cells: cells[row] ?? {} }));
      return { count: matching.length, rows };
    } catch (cause) {
      if (cause instanceof LeaveToEngine) return undefined;
      throw cause;
    }
  }

  /** `renderRows`: columns of the text table after `filter`, ordered and cut. */
  rows(columns: readonly string[], options: RowOptions): RecordRow[] | undefined {
    return answer(() => {
      const cells = columns.map((name) => columnOf(this.#text, name));
      return this.#picked(options).map((row) => {
        const out: RecordRow = {};
        columns.forEach((name, index) => ownValue(out, name, cells[index]![row] ?? null));
        return out;
      });
    });
  }

  /**
   * `renderTwinRows` + `twinCells`: the rows `rows` gives, as core's cells read from the
   * typed table beside the text one (see `js-cells.ts`).
   */
  cells(columns: readonly TwinColumn[], options: RowOptions): RecordRow[] | undefined {
    return answer(() => {
      const read = columns.map((column) => ({
        column,
        text: columnOf(this.#text, column.name) as readonly TextCell[],
        typed: column.kind === 'text' ? [] : columnOf(this.#typed, column.name),
      }));
      return this.#picked(options).map((row) => {
        const out: RecordRow = {};
        for (const { column, text, typed } of read) {
          ownValue(out, column.name, twinCell(column, text[row] ?? null, typed[row] ?? null));
        }
        return out;
      });
    });
  }

  /** Row numbers after `filter`, ordered and cut, as `renderRows` reads them. */
  #picked(options: RowOptions): number[] {
    const text = this.#text;
    const picked = this.#matching(text, options.filter);
    const order = (options.orderBy ?? []).map((item) => ({
      cells: columnOf(text, item.column),
      descending: item.descending === true,
    }));
    return cut(order.length > 0 ? sortRows(picked, order) : picked, options.limit);
  }

  /** `renderAggregate`: measures per group of the text or the typed table. */
  aggregate(plan: AggregatePlan): RecordRow[] | undefined {
    return answer(() => {
      const source = this.#tableNamed(plan.table);
      const groups = this.#groups(source, plan);
      const out = [...groups.values()].map(({ levels, rows }) => {
        const row: RecordRow = {};
        plan.groupBy.forEach((name, index) => ownValue(row, name, levels[index] ?? null));
        for (const measure of plan.measures) {
          const values = numbers(columnOf(source, measure.column), rows);
          const scale = source === this.#typed ? this.#scales.get(measure.column) : undefined;
          const value = combine(measure.aggregate, values, scale);
          ownValue(row, measure.name, finish(value, measure.digits));
        }
        return row;
      });
      return ordered(out, plan.orderBy, plan.limit);
    });
  }

  /**
   * `renderTextSums` with the typed twin: levels and filter on the cells as written, sums of
   * the twin's numbers per group over the rows whose measure cells all read (or are blank),
   * and each other row on its own with its cells as written. Every measure comes as text.
   */
  textSums(plan: AggregatePlan): RecordRow[] | undefined {
    return answer(() => {
      const text = this.#text;
      const measures = plan.measures.map((measure) => ({
        measure,
        written: columnOf(text, measure.column),
        read: columnOf(this.#typed, measure.column),
      }));
      const readable = (row: number): boolean =>
        measures.every(({ written, read }) => read[row] != null || blank(written[row] ?? null));
      const groups = this.#groups(text, plan, readable);
      const summed = [...groups.values()].map(({ levels, rows }) => {
        const row: RecordRow = {};
        plan.groupBy.forEach((name, index) => ownValue(row, name, levels[index] ?? null));
        for (const { measure, read } of measures) {
          const scale = this.#scales.get(measure.column);
          const sum = finish(combine('sum', numbers(read, rows), scale), measure.digits);
          ownValue(row, measure.name, sum === null ? null : asText(sum));
        }
        return row;
      });
      const levels = plan.groupBy.map((name) => columnOf(text, name));
      const unread = this.#matching(text, plan.filter)
        .filter((row) => !readable(row))
        .map((at) => {
          const row: RecordRow = {};
          plan.groupBy.forEach((name, index) => ownValue(row, name, levels[index]![at] ?? null));
          for (const { measure, written } of measures) {
            ownValue(row, measure.name, written[at] ?? null);
          }
          return row;
        });
      return ordered([...summed, ...unread], plan.orderBy, plan.limit);
    });
  }

  #tableNamed(name: string): Columns {
    if (name === this.table) return this.#text;
    if (name === this.typedTable) return this.#typed;
    throw new LeaveToEngine(name);
  }

  /** Row numbers that match `filter` (each column's cell as text equals the value). */
  #matching(source: Columns, filter: DimensionFilter, keep?: (row: number) => boolean): number[] {
    const terms = Object.entries(filter).map(([name, value]) => ({
      cells: columnOf(source, name),
      value,
    }));
    const rows: number[] = [];
    for (let row = 0; row < this.#rowCount; row++) {
      if (keep && !keep(row)) continue;
      if (terms.every(({ cells, value }) => asText(cells[row] ?? null) === value)) rows.push(row);
    }
    return rows;
  }

  /** The matching rows by the text of their levels; with no levels, one group of them all. */
  #groups(
    source: Columns,
    plan: AggregatePlan,
    keep?: (row: number) => boolean,
  ): Map<string, { levels: (string | null)[]; rows: number[] }> {
    const levels = plan.groupBy.map((name) => columnOf(source, name));
    const groups = new Map<string, { levels: (string | null)[]; rows: number[] }>();
    if (levels.length === 0) groups.set('', { levels: [], rows: [] });
    for (const row of this.#matching(source, plan.filter, keep)) {
      const texts = levels.map((cells) => asText(cells[row] ?? null));
      const key = levels.length === 0 ? '' : JSON.stringify(texts);
      const group = groups.get(key) ?? { levels: texts, rows: [] };
      group.rows.push(row);
      groups.set(key, group);
    }
    return groups;
  }
}

function answer(work: () => RecordRow[]): RecordRow[] | undefined {
  try {
    return work();
  } catch (cause) {
    if (cause instanceof LeaveToEngine) return undefined;
    throw cause;
  }
}

function columnOf(source: Columns, name: string): readonly Cell[] {
  const cells = source.get(name);
  if (!cells) throw new LeaveToEngine(name);
  return cells;
}

/** `CAST(cell AS VARCHAR)`. */
function asText(cell: Cell): string | null {
  if (cell === null || typeof cell === 'string') return cell;
  const text = doubleText(cell);
  if (text === undefined) throw new LeaveToEngine(String(cell));
  return text;
}

/** `COALESCE(TRIM(cell), '') = ''`: DuckDB's TRIM takes spaces only. */
function blank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && /^ *$/.test(cell));
}

function numbers(cells: readonly Cell[], rows: readonly number[]): number[] {
  const values: number[] = [];
  for (const row of rows) {
    const cell = cells[row] ?? null;
    if (cell === null) continue;
    if (typeof cell !== 'number') throw new LeaveToEngine(cell);
    values.push(cell);
  }
  return values;
}

/**
 * `CAST(<aggregate>(x) AS DOUBLE)` over the non-NULL values, in row order; a column the engine
 * holds as DECIMAL(·, `scale`) is summed exactly, as the engine sums it.
 */
function combine(aggregate: Aggregate, values: readonly number[], scale?: number): number | null {
  if (aggregate === 'count') return values.length;
  if (values.length === 0) return null;
  if (scale !== undefined && (aggregate === 'sum' || aggregate === 'avg')) {
    const sum = exactSum(values, scale);
    return aggregate === 'sum' ? sum : sum / values.length;
  }
  let result = values[0]!;
  for (let k = 1; k < values.length; k++) {
    const value = values[k]!;
    if (aggregate === 'sum' || aggregate === 'avg') result += value;
    else if (aggregate === 'min' ? value < result : value > result) result = value;
  }
  const value = aggregate === 'avg' ? result / values.length : result;
  if (!Number.isFinite(value)) throw new LeaveToEngine(String(value));
  return value;
}

/** `ROUND(x, digits)` as DuckDB rounds a DOUBLE: half away from zero, at that power of ten. */
function finish(value: number | null, digits: number | undefined): number | null {
  if (value === null || digits === undefined) return value;
  const places = Math.trunc(digits);
  const half = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));
  if (places >= 0) {
    const scale = Number(`1e${places}`);
    const rounded = half(value * scale) / scale;
    return Number.isFinite(rounded) ? rounded : value;
  }
  const scale = Number(`1e${-places}`);
  const rounded = half(value / scale) * scale;
  return Number.isFinite(rounded) ? rounded : 0;
}

/** `ORDER BY … LIMIT` over result rows, by their own columns. */
function ordered(
  rows: RecordRow[],
  orderBy: readonly Ordering[] | undefined,
  limit: number | undefined,
): RecordRow[] {
  if (orderBy && orderBy.length > 0) {
    const known = new Set(Object.keys(rows[0] ?? {}));
    if (rows.length > 0 && !orderBy.every((item) => known.has(item.column))) {
      throw new LeaveToEngine('order');
    }
    const order = orderBy.map((item) => ({
      cells: rows.map((row) => (row[item.column] ?? null) as Cell),
      descending: item.descending === true,
    }));
    const sorted = sortRows(
      rows.map((_, index) => index),
      order,
    );
    return cut(sorted, limit).map((index) => rows[index]!);
  }
  return cut(rows, limit);
}
