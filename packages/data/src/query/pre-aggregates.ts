import type { QueryOptions } from '../connector';
import type { Pause } from './background-builds';
import type { RecordRow } from '../loaded-table';
import type { DimensionFilter } from './contract';
import { covers, measureKey, type Shape, shapeOf } from './cube-shapes';
import type { BoundSql, Dialect, TableDialect } from './dialect';
import type { Alongside, KeptGroup } from './batching';
import { type Declared, drillWishes } from './drill-wishes';
import {
  type AggregatePlan,
  renderCube,
  renderCubeOfRows,
  renderCubeRows,
  renderFromCube,
} from './render';

/** Largest pre-aggregate kept, as a share of its source's rows; a larger one saves little. */
const MAX_SHARE = 0.25;
/** Pre-aggregates kept per source version; the least recently used goes first. */
const MAX_KEPT = 8;
/** Most groups a pre-aggregate computed beside a first view may have: they go back as values. */
const MAX_KEPT_GROUPS = 5_000;

let cubeNumber = 0;

interface Cube extends Shape {
  /** The temporary table, once built; undefined when it was not small or failed. */
  name: Promise<string | undefined>;
  /** Set once the table is built: its name and its number of rows. */
  built?: { name: string; rows: number };
  /** A background build that a request now waits for: it pauses no more. */
  hurry?: () => void;
  /** True when it keeps each group's row count (built from the rows by `renderCube`). */
  counted?: boolean;
}

/**
 * Pre-aggregates of one source version: the measures combined once per combination of some
 * dimensions, in a small temporary table. A filtered aggregate is answered from one that
 * holds its groups, its filter's dimensions and its measures: each group is then one row of
 * the pre-aggregate, so the figures are those the raw rows give, to the last bit. Counts,
 * minima, maxima and sums of whole or decimal numbers are also rolled up from one with more
 * dimensions (exact arithmetic); sums of floating-point numbers are not, as adding partial
 * sums changes their last digits. Each keeps its groups' row counts, so the rows behind any
 * filter on its dimensions are counted from it (`rowsMatching`).
 *
 * Requests declare what they group by; from that the likely pre-aggregates are built in the
 * background (`next`), one at a time: for a widget grouped by A and another grouped by B,
 * the first step of a drill in B (its first level) filters A, so A and B's first level go
 * first; B's next level once a filter has reached the one above it. Pre-aggregates that would not be small, and measures that do
 * not roll up (averages), are answered from the raw rows.
 */
export class PreAggregates {
  /** Built and building pre-aggregates, the least recently used first. */
  readonly #cubes = new Map<string, Cube>();
  /** Shapes found not small (or failing): never built again for this version. */
  readonly #refused = new Set<string>();
  readonly #declared = new Map<string, Declared>();
  /** Groups computed beside a first view, not yet made a pre-aggregate, by shape. */
  readonly #computed = new Map<string, { shape: Shape; groups: KeptGroup[] }>();
  #dropped = false;

  constructor(
    private readonly dialect: Dialect,
    private readonly run: (query: BoundSql, options?: QueryOptions) => Promise<RecordRow[]>,
    private readonly sourceRows: number,
  ) {}

  #rollsUp(plan: AggregatePlan): boolean {
    return plan.measures.every((measure) => this.dialect.rollUp(measure.aggregate, 'x'));
  }

  /** Notes what an aggregate over this source groups by, for the background builds. */
  declare(plan: AggregatePlan): void {
    if (this.#dropped || !this.#rollsUp(plan)) return;
    const declared = this.#declared.get(plan.table) ?? { groupings: [], measures: [], filters: [] };
    this.#declared.set(plan.table, declared);
    const grouping = plan.groupBy.join('\u0000');
    if (!declared.groupings.some((known) => known.join('\u0000') === grouping))
      declared.groupings.push([...plan.groupBy]);
    const filter = Object.keys(plan.filter);
    if (filter.length > 0) declared.filters.push(filter);
    const known = new Set(declared.measures.map(measureKey));
    for (const { column, aggregate } of plan.measures)
      if (!known.has(measureKey({ column, aggregate })))
        declared.measures.push({ column, aggregate });
  }

  /**
   * The answer from a pre-aggregate, or undefined when the plan must read the raw rows. With
   * `build`, a plan that no pre-aggregate holds builds its own. `exactSums` names the
   * measure columns whose sums are exact (whole or decimal numbers).
   */
  async answer(
    plan: AggregatePlan,
    build: boolean,
    exactSums: ReadonlySet<string> = new Set(),
  ): Promise<RecordRow[] | undefined> {
    if (this.#dropped || !this.#rollsUp(plan)) return undefined;
    const need = shapeOf(plan.table, [...plan.groupBy, ...Object.keys(plan.filter)], plan.measures);
    const rollUp = plan.measures.every(
      (measure) => measure.aggregate !== 'sum' || exactSums.has(measure.column),
    );
    for (const { shape, groups } of this.#computed.values())
      if (covers(shape, need, rollUp)) this.#keep(shape, groups);
    let cube = this.#covering(need, rollUp);
    // A pre-aggregate being built that turns out not small leaves the list: look again.
    while (cube && !(await wanted(cube))) cube = this.#covering(need, rollUp);
    if (!cube && build && !this.#refused.has(need.key)) {
      cube = this.#start(need);
      if (!(await cube.name)) cube = undefined;
    }
    const name = cube ? await cube.name : undefined;
    if (!cube || !name || this.#dropped) return undefined;
    this.#cubes.delete(cube.key);
    this.#cubes.set(cube.key, cube);
    const held = cube.measures.map(measureKey);
    const slots = plan.measures.map((measure) => held.indexOf(measureKey(measure)));
    try {
      return await this.run(renderFromCube(this.dialect, name, plan, slots));
    } catch {
      // Dropped under the query (the source was loaded again): the raw rows answer.
      return undefined;
    }
  }

  /**
   * How many rows match `filter`, from the smallest pre-aggregate (built, or being built)
   * whose dimensions hold the filter's; undefined when none does, as none is built for it.
   */
  async rowsMatching(filter: DimensionFilter): Promise<number | undefined> {
    const dimensions = Object.keys(filter);
    const holds = (cube: Cube): boolean =>
      cube.counted === true && dimensions.every((dimension) => cube.dimensions.includes(dimension));
    let cube = this.#smallest(holds);
    while (cube && !(await wanted(cube))) cube = this.#smallest(holds);
    const name = cube && (await cube.name);
    if (!cube || !name || this.#dropped) return undefined;
    this.#cubes.delete(cube.key);
    this.#cubes.set(cube.key, cube);
    try {
      const [counted] = await this.run(renderCubeRows(this.dialect, name, filter));
      return Number(counted?.n ?? 0);
    } catch {
      // Dropped under the query (the source was loaded again): counted from the raw rows.
      return undefined;
    }
  }

  /**
   * Starts building the next pre-aggregate the declared requests are likely to want, and
   * resolves once it is built or given up; undefined when none is wanted.
   */
  next(pause?: Pause): Promise<void> | undefined {
    if (this.#dropped) return undefined;
    const computed = this.#computed.values().next().value;
    if (computed) return this.#keep(computed.shape, computed.groups).name.then(() => undefined);
    for (const wish of drillWishes(this.#declared)) {
      if (this.#refused.has(wish.key) || this.#covering(wish, false)) continue;
      if (this.#cubes.size >= MAX_KEPT) return undefined;
      return this.#start(wish, pause ?? (() => undefined)).name.then(() => undefined);
    }
    return undefined;
  }

  /**
   * A first view's scan of `table` also groups its rows as the likeliest drill will ask (see
   * `batching.ts`): the quickest of the pre-aggregates `next` would build first, which is then
   * made from those figures with no scan of its own. The others are built in the background.
   */
  alongside(table: string): Alongside {
    return {
      likely: () => {
        if (this.#dropped) return [];
        return drillWishes(this.#declared)
          .filter(
            (wish) =>
              wish.table === table &&
              !this.#refused.has(wish.key) &&
              !this.#covering(wish, false) &&
              ![...this.#computed.values()].some(({ shape }) => covers(shape, wish, false)),
          )
          .slice(0, this.#cubes.size < MAX_KEPT ? 1 : 0)
          .map((wish) => wish.dimensions);
      },
      keep: (dimensions, measures, groups) => {
        const shape = shapeOf(table, dimensions, measures);
        const small = Math.min(MAX_KEPT_GROUPS, Math.max(1, this.sourceRows * MAX_SHARE));
        if (this.#dropped || groups.length === 0 || groups.length > small) return;
        // Each group's dimensions in the shape's order.
        const at = shape.dimensions.map((dimension) => dimensions.indexOf(dimension));
        const ordered = groups.map((group) => ({
          dimensions: at.map((index) => group.dimensions[index] ?? null),
          measures: group.measures,
        }));
        this.#computed.set(shape.key, { shape, groups: ordered });
      },
    };
  }

  /** Makes the groups computed for `shape` its pre-aggregate, now. */
  #keep(shape: Shape, groups: readonly KeptGroup[]): Cube {
    this.#computed.delete(shape.key);
    return this.#start(shape, undefined, groups);
  }

  /** The pre-aggregate to answer `need` from: a built one, the smallest first, else one being built. */
  #covering(need: Shape, rollUp: boolean): Cube | undefined {
    return this.#smallest((cube) => covers(cube, need, rollUp));
  }

  /** Of the pre-aggregates that `fits`, a built one, the smallest first, else one being built. */
  #smallest(fits: (cube: Cube) => boolean): Cube | undefined {
    if (this.#dropped) return undefined;
    let best: Cube | undefined;
    for (const cube of this.#cubes.values()) {
      if (!fits(cube)) continue;
      if (!best) best = cube;
      else if (cube.built && (!best.built || cube.built.rows < best.built.rows)) best = cube;
    }
    return best;
  }

  /**
   * With `background`, built while nobody waits for it, pausing while requests are answered.
   * With `groups`, made from those figures (which carry no row counts); else from the raw rows.
   */
  #start(shape: Shape, background?: Pause, groups?: readonly KeptGroup[]): Cube {
    const cube: Cube = {
      ...shape,
      name: Promise.resolve(undefined),
      counted: groups === undefined,
    };
    cube.name = this.#build(cube, background, groups);
    this.#cubes.set(shape.key, cube);
    while (this.#cubes.size > MAX_KEPT) {
      const oldest = [...this.#cubes.values()].find((known) => known.built);
      if (!oldest) break;
      this.#cubes.delete(oldest.key);
      void this.#drop(oldest.built!.name);
    }
    return cube;
  }

  async #build(
    cube: Cube,
    background: Pause | undefined,
    groups: readonly KeptGroup[] | undefined,
  ): Promise<string | undefined> {
    const name = `sx_cube_${++cubeNumber}`;
    // Built aside, on a connection of its own where the database has one: its table must be
    // one every connection sees.
    const shared = background ? sharedTables(this.dialect) : undefined;
    try {
      if (groups) {
        await this.run(renderCubeOfRows(this.dialect, name, cube.dimensions, groups));
        if (this.#dropped) throw new Error('The source was loaded again.');
        cube.built = { name, rows: groups.length };
        return name;
      }
      const sql = renderCube(
        shared ?? this.dialect,
        name,
        cube.table,
        cube.dimensions,
        cube.measures,
      );
      await (shared && background
        ? this.run({ sql, params: [] }, { background: true, pause: hurried(cube, background) })
        : this.run({ sql, params: [] }));
      const [count] = await this.run({
        sql: `SELECT ${this.dialect.aggregate('count', '*')} AS n FROM ${this.dialect.identifier(name)}`,
        params: [],
      });
      const rows = Number(count?.n);
      if (this.#dropped || !(rows <= Math.max(1, this.sourceRows * MAX_SHARE))) {
        if (!this.#dropped) this.#refuse(cube);
        await this.#drop(name);
        return undefined;
      }
      cube.built = { name, rows };
      return name;
    } catch {
      this.#refuse(cube);
      await this.#drop(name);
      return undefined;
    }
  }

  #refuse(cube: Cube): void {
    this.#refused.add(cube.key);
    if (this.#cubes.get(cube.key) === cube) this.#cubes.delete(cube.key);
  }

  #drop(name: string): Promise<void> {
    return this.run({ sql: this.dialect.dropTable(name), params: [] }).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Frees every pre-aggregate and gives up those being built (the source was loaded again). */
  drop(): void {
    this.#dropped = true;
    for (const cube of this.#cubes.values()) {
      void cube.name.then((name) => (name ? this.#drop(name) : undefined));
    }
    this.#cubes.clear();
    this.#declared.clear();
    this.#computed.clear();
  }
}

/** `dialect` with its pre-aggregates in plain tables, or undefined when it has none. */
function sharedTables(dialect: Dialect): Dialect | undefined {
  const tables = dialect as Partial<TableDialect>;
  return tables.createTableAs ? { ...dialect, createTemporary: tables.createTableAs } : undefined;
}

/** `cube`'s table name once built, hurrying its background build: a request waits for it. */
function wanted(cube: Cube): Promise<string | undefined> {
  cube.hurry?.();
  return cube.name;
}

/** `pause`, until a request waits for `cube`: from then on its build goes straight on. */
function hurried(cube: Cube, pause: Pause): Pause {
  let hurry!: () => void;
  const hurrying = new Promise<void>((resolve) => (hurry = resolve));
  let waited = false;
  cube.hurry = () => {
    waited = true;
    hurry();
  };
  return () => {
    if (waited) return undefined;
    const paused = pause();
    return paused && Promise.race([paused, hurrying]);
  };
}
