import type { RecordRow } from '../loaded-table';
import type { Measure } from './contract';
import type { BoundSql, Dialect } from './dialect';
import { type AggregatePlan, renderCube, renderFromCube } from './render';

/** Largest pre-aggregate kept, as a share of its source's rows; a larger one saves little. */
const MAX_SHARE = 0.25;
/** Pre-aggregates kept per source version; the least recently used goes first. */
const MAX_KEPT = 8;

let cubeNumber = 0;

/**
 * Pre-aggregates of one source version. Once a selection filters an aggregate on some
 * dimensions, the measures are combined once per combination of the levels and those
 * dimensions into a small temporary table; that filter, and every other value chosen on
 * the same dimensions, is then answered from it instead of the raw rows. Measures that do
 * not roll up (averages), and pre-aggregates that would not be small, are answered from
 * the raw rows.
 */
export class PreAggregates {
  readonly #built = new Map<string, Promise<string | undefined>>();
  #dropped = false;

  constructor(
    private readonly dialect: Dialect,
    private readonly run: (query: BoundSql) => Promise<RecordRow[]>,
    private readonly sourceRows: number,
  ) {}

  /** The answer from a pre-aggregate, or undefined when the plan must read the raw rows. */
  async answer(plan: AggregatePlan): Promise<RecordRow[] | undefined> {
    if (this.#dropped) return undefined;
    if (!plan.measures.every((measure) => this.dialect.rollUp(measure.aggregate, 'x'))) {
      return undefined;
    }
    const dimensions = [...new Set([...plan.groupBy, ...Object.keys(plan.filter).sort()])];
    const measures = plan.measures.map(({ column, aggregate }) => ({ column, aggregate }));
    const key = JSON.stringify([plan.table, dimensions, measures]);
    let cube = this.#built.get(key);
    if (cube) this.#built.delete(key);
    else cube = this.#build(plan.table, dimensions, measures);
    this.#built.set(key, cube);
    if (this.#built.size > MAX_KEPT) {
      const [oldest, old] = this.#built.entries().next().value!;
      this.#built.delete(oldest);
      void old.then((name) => (name ? this.#drop(name) : undefined));
    }
    const name = await cube;
    if (!name) return undefined;
    return this.run(renderFromCube(this.dialect, name, plan));
  }

  async #build(
    table: string,
    dimensions: readonly string[],
    measures: readonly Measure[],
  ): Promise<string | undefined> {
    const name = `sx_cube_${++cubeNumber}`;
    try {
      await this.run({
        sql: renderCube(this.dialect, name, table, dimensions, measures),
        params: [],
      });
      const [count] = await this.run({
        sql: `SELECT ${this.dialect.aggregate('count', '*')} AS n FROM ${this.dialect.identifier(name)}`,
        params: [],
      });
      if (this.#dropped || Number(count?.n) > Math.max(1, this.sourceRows * MAX_SHARE)) {
        await this.#drop(name);
        return undefined;
      }
      return name;
    } catch {
      await this.#drop(name);
      return undefined;
    }
  }

  #drop(name: string): Promise<void> {
    return this.run({ sql: this.dialect.dropTable(name), params: [] }).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Frees every pre-aggregate (the source was loaded again). */
  drop(): void {
    this.#dropped = true;
    for (const cube of this.#built.values()) {
      void cube.then((name) => (name ? this.#drop(name) : undefined));
    }
    this.#built.clear();
  }
}
