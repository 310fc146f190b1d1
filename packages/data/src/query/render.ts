import type { QueryParam } from '../connector';
import type { DimensionFilter, Measure, Ordering } from './contract';
import type { BoundSql, Dialect } from './dialect';

/** A measure as the engine computes it: what to read, how to combine, under which name. */
export interface PlannedMeasure extends Measure {
  name: string;
}

export interface AggregatePlan {
  table: string;
  groupBy: readonly string[];
  measures: readonly PlannedMeasure[];
  filter: DimensionFilter;
  orderBy?: readonly Ordering[] | undefined;
  limit?: number | undefined;
}

function where(
  dialect: Dialect,
  filter: DimensionFilter,
  params: QueryParam[],
  text = true,
  reference: (column: string) => string = (column) => dialect.identifier(column),
): string {
  const terms = Object.entries(filter).map(([column, value]) => {
    const cell = text ? dialect.asText(reference(column)) : reference(column);
    return `${cell} = ${dialect.bind(value, params)}`;
  });
  return terms.length > 0 ? ` WHERE ${terms.join(' AND ')}` : '';
}

/** ` WHERE …` for a selection's filter over `reference`d columns, compared as text. */
export function whereClause(
  dialect: Dialect,
  filter: DimensionFilter,
  params: QueryParam[],
  reference: (column: string) => string,
): string {
  return where(dialect, filter, params, true, reference);
}

function tail(dialect: Dialect, orderBy?: readonly Ordering[], limit?: number): string {
  const order = (orderBy ?? []).map(
    (item) => `${dialect.identifier(item.column)}${item.descending ? ' DESC' : ''}`,
  );
  return (
    (order.length > 0 ? ` ORDER BY ${order.join(', ')}` : '') +
    (limit !== undefined ? dialect.limit(limit) : '')
  );
}

function finishMeasure(dialect: Dialect, measure: Measure, expression: string): string {
  return measure.digits === undefined ? expression : dialect.round(expression, measure.digits);
}

/** Columns of a table after `filter`, each as stored or as text. */
export function renderRows(
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  options: {
    filter: DimensionFilter;
    text: boolean;
    orderBy?: readonly Ordering[];
    limit?: number;
  },
): BoundSql {
  const params: QueryParam[] = [];
  const list = columns.map((column) => {
    const name = dialect.identifier(column);
    return options.text ? `${dialect.asText(name)} AS ${name}` : name;
  });
  const sql = `SELECT ${list.join(', ')} FROM ${dialect.identifier(table)}${where(dialect, options.filter, params)}${tail(dialect, options.orderBy, options.limit)}`;
  return { sql: dialect.finish(sql), params };
}

function dimensions(dialect: Dialect, columns: readonly string[]): string[] {
  return columns.map((column) => dialect.asText(dialect.identifier(column)));
}

/** Measures per group, straight from columns that already hold numbers. */
export function renderAggregate(dialect: Dialect, plan: AggregatePlan): BoundSql {
  if (dialect.nestAliases) return renderNestedAggregate(dialect, plan);
  const params: QueryParam[] = [];
  const groups = dimensions(dialect, plan.groupBy);
  const select = [
    ...groups.map((group, index) => `${group} AS ${dialect.identifier(plan.groupBy[index]!)}`),
    ...plan.measures.map(
      (measure) =>
        `${finishMeasure(dialect, measure, dialect.aggregate(measure.aggregate, dialect.identifier(measure.column)))} AS ${dialect.identifier(measure.name)}`,
    ),
  ];
  const groupBy = groups.length > 0 ? ` GROUP BY ${groups.join(', ')}` : '';
  const sql = `SELECT ${select.join(', ')} FROM ${dialect.identifier(plan.table)}${where(dialect, plan.filter, params)}${groupBy}${tail(dialect, plan.orderBy, plan.limit)}`;
  return { sql: dialect.finish(sql), params };
}

/**
 * `renderAggregate` for a dialect whose aliases reach into the rest of the query: groups
 * and measures get private names inside, where no filter or grouping can mistake them for
 * the columns, and the result names outside.
 */
function renderNestedAggregate(dialect: Dialect, plan: AggregatePlan): BoundSql {
  const params: QueryParam[] = [];
  const id = (name: string): string => dialect.identifier(name);
  const group = (index: number): string => id(`sx_group_${index}`);
  const measure = (index: number): string => id(`sx_value_${index}`);
  const groups = dimensions(dialect, plan.groupBy);
  const inner = [
    ...groups.map((expression, index) => `${expression} AS ${group(index)}`),
    ...plan.measures.map(
      (item, index) =>
        `${finishMeasure(dialect, item, dialect.aggregate(item.aggregate, id(item.column)))} AS ${measure(index)}`,
    ),
  ];
  const outer = [
    ...plan.groupBy.map((column, index) => `${group(index)} AS ${id(column)}`),
    ...plan.measures.map((item, index) => `${measure(index)} AS ${id(item.name)}`),
  ];
  const groupBy =
    groups.length > 0 ? ` GROUP BY ${plan.groupBy.map((_, index) => group(index)).join(', ')}` : '';
  const sql = `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${id(plan.table)}${where(dialect, plan.filter, params)}${groupBy})${tail(dialect, plan.orderBy, plan.limit)}`;
  return { sql: dialect.finish(sql), params };
}

/**
 * Sums over text cells: what reads as a number is summed per group; a row with a cell that
 * does not comes through on its own, every measure as written, for the reader to report.
 * Every measure comes back as text. With `typedTable` (a CSV's typed twin, row for row
 * beside `plan.table`) the numbers are the twin's, read by the domain's own rules; else a
 * cell must be a plain number.
 */
export function renderTextSums(
  dialect: Dialect,
  plan: AggregatePlan,
  typedTable?: string,
): BoundSql {
  const params: QueryParam[] = [];
  const id = (name: string): string => dialect.identifier(name);
  const aligned = typedTable ? dialect.alignRows?.(plan.table, typedTable) : undefined;
  const textCell = (column: string): string => (aligned ? aligned.text(column) : id(column));
  const numberCell = (column: string): string =>
    aligned ? aligned.typed(column) : dialect.asNumber(dialect.asText(id(column)));
  const number = (index: number): string => id(`sx_number_${index}`);
  const text = (index: number): string => id(`sx_text_${index}`);
  const levels = plan.groupBy.map((level) => `${dialect.asText(textCell(level))} AS ${id(level)}`);
  const cells = plan.measures.flatMap((measure, index) => [
    `${dialect.asText(textCell(measure.column))} AS ${text(index)}`,
    `${numberCell(measure.column)} AS ${number(index)}`,
  ]);
  const readable = plan.measures
    .map((_, index) => `(${number(index)} IS NOT NULL OR ${dialect.isBlank(text(index))})`)
    .join(' AND ');
  const levelNames = plan.groupBy.map(id);
  const sums = plan.measures.map(
    (measure, index) =>
      `${dialect.asText(finishMeasure(dialect, measure, dialect.aggregate('sum', number(index))))} AS ${id(measure.name)}`,
  );
  const raw = plan.measures.map((measure, index) => `${text(index)} AS ${id(measure.name)}`);
  const groupBy = levelNames.length > 0 ? ` GROUP BY ${levelNames.join(', ')}` : '';
  const from = aligned ? aligned.from : id(plan.table);
  const sql = [
    `WITH cells AS (SELECT ${[...levels, ...cells].join(', ')} FROM ${from}${where(dialect, plan.filter, params, true, textCell)})`,
    `SELECT ${[...levelNames, ...sums].join(', ')} FROM cells WHERE ${readable}${groupBy}`,
    `UNION ALL`,
    `SELECT ${[...levelNames, ...raw].join(', ')} FROM cells WHERE NOT (${readable})${tail(dialect, plan.orderBy, plan.limit)}`,
  ].join('\n');
  return { sql: dialect.finish(sql), params };
}

/** Name of a pre-aggregate's column for the measure at `index`, or for its rows' count. */
const cubeMeasure = (index: number | 'rows'): string => `sx_measure_${index}`;

/**
 * A pre-aggregate: the measures combined per combination of `dimensions` (the levels and
 * every dimension a selection filters on), dimensions kept as text, and each group's rows
 * counted, so that any filter on its dimensions is counted from it.
 */
export function renderCube(
  dialect: Dialect,
  name: string,
  table: string,
  dimensionColumns: readonly string[],
  measures: readonly Measure[],
): string {
  const groups = dimensions(dialect, dimensionColumns);
  const select = [
    ...groups.map((group, index) => `${group} AS ${dialect.identifier(dimensionColumns[index]!)}`),
    ...measures.map(
      (measure, index) =>
        `${dialect.aggregate(measure.aggregate, dialect.identifier(measure.column))} AS ${dialect.identifier(cubeMeasure(index))}`,
    ),
    `${dialect.aggregate('count', '*')} AS ${dialect.identifier(cubeMeasure('rows'))}`,
  ];
  const groupBy = groups.length > 0 ? ` GROUP BY ${groups.join(', ')}` : '';
  return dialect.createTemporary(
    name,
    `SELECT ${select.join(', ')} FROM ${dialect.identifier(table)}${groupBy}`,
  );
}

/**
 * An aggregate answered from a pre-aggregate built by `renderCube`: its dimensions hold the
 * plan's groups and filter (and maybe more, rolled up here); `slots` names, for each of the
 * plan's measures, the place of the same measure in the pre-aggregate (default: the same).
 */
export function renderFromCube(
  dialect: Dialect,
  cube: string,
  plan: AggregatePlan,
  slots?: readonly number[],
): BoundSql {
  const params: QueryParam[] = [];
  const groups = plan.groupBy.map((column) => dialect.identifier(column));
  const select = [
    ...groups,
    ...plan.measures.map((measure, index) => {
      const column = dialect.identifier(cubeMeasure(slots?.[index] ?? index));
      const rolled = dialect.rollUp(measure.aggregate, column);
      if (!rolled) throw new Error(`A ${measure.aggregate} does not roll up.`);
      return `${finishMeasure(dialect, measure, rolled)} AS ${dialect.identifier(measure.name)}`;
    }),
  ];
  const groupBy = groups.length > 0 ? ` GROUP BY ${groups.join(', ')}` : '';
  const sql = `SELECT ${select.join(', ')} FROM ${dialect.identifier(cube)}${where(dialect, plan.filter, params, false)}${groupBy}${tail(dialect, plan.orderBy, plan.limit)}`;
  return { sql: dialect.finish(sql), params };
}

/** The rows that match `filter`, as `n`, from a pre-aggregate whose dimensions hold the filter's. */
export function renderCubeRows(dialect: Dialect, cube: string, filter: DimensionFilter): BoundSql {
  const params: QueryParam[] = [];
  const rows = dialect.rollUp('count', dialect.identifier(cubeMeasure('rows')));
  if (!rows) throw new Error(`The ${dialect.name} dialect cannot add up counts.`);
  const sql = `SELECT ${rows} AS ${dialect.identifier('n')} FROM ${dialect.identifier(cube)}${where(dialect, filter, params, false)}`;
  return { sql: dialect.finish(sql), params };
}

/** One scan grouped several ways: what to send, and how to read each grouping's rows back. */
export interface GroupingSetsQuery {
  query: BoundSql;
  /** Every dimension of any grouping, each a column of the result. */
  dimensions: readonly string[];
  /** The value of the result's `GROUPING_SET` column on the rows of `groupBy`. */
  setOf(groupBy: readonly string[]): number;
}

/** The result column that tells the rows of one grouping from another's. */
export const GROUPING_SET = 'sx_grouping_set';

/**
 * Several groupings of the rows after `filter` in one scan (`GROUP BY GROUPING SETS`): each
 * grouping's rows are its own groups, aggregated from the raw rows as `renderAggregate`
 * aggregates them, so their figures are the same to the last bit. `measures` come finished
 * (rounded as asked); `raw`, each under `rawName(index)`, as a pre-aggregate keeps them.
 */
export function renderGroupingSets(
  dialect: Dialect,
  table: string,
  filter: DimensionFilter,
  groupings: readonly (readonly string[])[],
  measures: readonly PlannedMeasure[],
  raw: readonly Measure[],
  rawName: (index: number) => string,
): GroupingSetsQuery {
  const params: QueryParam[] = [];
  const id = (name: string): string => dialect.identifier(name);
  const names = [...new Set(groupings.flat())];
  const expressions = dimensions(dialect, names);
  const expression = (column: string): string => expressions[names.indexOf(column)]!;
  const select = [
    ...expressions.map((group, index) => `${group} AS ${id(names[index]!)}`),
    `GROUPING(${expressions.join(', ')}) AS ${id(GROUPING_SET)}`,
    ...measures.map(
      (measure) =>
        `${finishMeasure(dialect, measure, dialect.aggregate(measure.aggregate, id(measure.column)))} AS ${id(measure.name)}`,
    ),
    ...raw.map(
      (measure, index) =>
        `${dialect.aggregate(measure.aggregate, id(measure.column))} AS ${id(rawName(index))}`,
    ),
  ];
  const sets = groupings.map((groupBy) => `(${groupBy.map(expression).join(', ')})`);
  const sql = `SELECT ${select.join(', ')} FROM ${id(table)}${where(dialect, filter, params)} GROUP BY GROUPING SETS (${sets.join(', ')})`;
  return {
    query: { sql: dialect.finish(sql), params },
    dimensions: names,
    // A bit per dimension, the first the highest, set where the grouping leaves it out.
    setOf: (groupBy) => names.reduce((set, name) => set * 2 + (groupBy.includes(name) ? 0 : 1), 0),
  };
}

/**
 * A pre-aggregate from figures already computed (one row per group: its dimensions as text,
 * its measures as numbers), as `renderCube` would have built it from the raw rows. Numbers
 * travel as their shortest text, which reads back as the same number.
 */
export function renderCubeOfRows(
  dialect: Dialect,
  name: string,
  dimensionColumns: readonly string[],
  rows: readonly { dimensions: readonly (string | null)[]; measures: readonly (number | null)[] }[],
): BoundSql {
  const params: QueryParam[] = [];
  const number = (value: number | null): QueryParam =>
    value === null ? null : Object.is(value, -0) ? '-0' : String(value);
  const values = rows.map(
    (row) =>
      `(${[
        ...row.dimensions.map((value) => dialect.asText(dialect.bind(value, params))),
        ...row.measures.map((value) =>
          dialect.asNumber(dialect.asText(dialect.bind(number(value), params))),
        ),
      ].join(', ')})`,
  );
  const width = rows[0]?.measures.length ?? 0;
  const columns = [
    ...dimensionColumns,
    ...Array.from({ length: width }, (_, index) => cubeMeasure(index)),
  ].map((column) => dialect.identifier(column));
  const select = `SELECT * FROM (VALUES ${values.join(', ')}) AS kept(${columns.join(', ')})`;
  return { sql: dialect.createTemporary(name, select), params };
}
