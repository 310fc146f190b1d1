import { type Cell, periodSpan, type Unit, valueCell } from '@stratex/core';
import type { QueryParam } from '../connector';
import { normalisedSql } from '../csv/duckdb/cell-sql';
import type { CsvColumn } from '../csv/report';
import { ownValue, type RecordRow } from '../loaded-table';
import type { CatalogueColumn } from './catalogue';
import type { DimensionFilter, Ordering } from './contract';
import type { BoundSql, Dialect } from './dialect';
import { whereClause } from './render';

/*
 * Rows as cells (`as: 'cells'`): what core reads without reading the text again. A CSV's
 * cells come from its typed twin, beside the text table row for row; a cell's text comes
 * along only where the value cannot give it back, and a cell the twin could not read comes
 * as its text, so core reports it exactly as it would from the text table.
 */

/** Names of result columns: by position, so no header can clash with them. */
const valueOf = (index: number): string => `sx_value_${index}`;
const textOf = (index: number): string => `sx_text_${index}`;
const noteOf = (index: number): string => `sx_note_${index}`;
const unitOf = (index: number): string => `sx_unit_${index}`;

/**
 * A number whose shortest JavaScript text is the cell as written (`1234.5`, `-3`, `0.25`):
 * no sign on zero, no trailing zero, at most 15 significant digits and 5 decimals.
 */
const RENDERED_NUMBER = "'-?(?:0|[1-9][0-9]{0,9})(?:\\.[0-9]{0,4}[1-9])?'";

/** A CSV column as the typed rows read it. */
export type TwinColumn = Pick<CsvColumn, 'name' | 'kind' | 'unit' | 'unitColumn'>;

export interface TwinRowsPlan {
  table: string;
  typedTable: string;
  columns: readonly TwinColumn[];
  filter: DimensionFilter;
  orderBy?: readonly Ordering[] | undefined;
  limit?: number | undefined;
  /** Rows passed over before the first one given (with `limit`, a page). */
  offset?: number | undefined;
  /**
   * A column of the typed twin given first, as `sx_position`. The rows come in the tables'
   * own order, which is the file's (the twin's alignment rests on it): ordering by the column
   * would read every matching row's cells, not just the page's.
   */
  position?: string | undefined;
}

/** Name of the position column a twin-rows plan with `position` gives. */
export const POSITION = 'sx_position';

/**
 * The rows of a CSV source from its typed twin: per column its typed value, and for number,
 * date and period columns the text where it is needed (the value is NULL, or its own text
 * is not the cell as written); number cells also bring their note (`90%（设计中）`) and, in a
 * column of mixed units, their unit. Filters and ordering read the text, as for text rows.
 */
export function renderTwinRows(dialect: Dialect, plan: TwinRowsPlan): BoundSql {
  const aligned = dialect.alignRows?.(plan.table, plan.typedTable);
  if (!aligned) throw new Error(`The ${dialect.name} dialect cannot read a typed twin.`);
  const id = (name: string): string => dialect.identifier(name);
  const list = plan.columns.flatMap((column, index) => {
    const text = aligned.text(column.name);
    const typed = aligned.typed(column.name);
    switch (column.kind) {
      case 'text':
        return [`${text} AS ${id(valueOf(index))}`];
      case 'number': {
        const rendered = `(regexp_full_match(${text}, ${RENDERED_NUMBER}) AND ${text} <> '-0')`;
        const note = `nullif(trim(regexp_extract(${normalisedSql(text)}, '^(.*?) *\\(([^()]*)\\)$', 2)), '')`;
        return [
          `${typed} AS ${id(valueOf(index))}`,
          `CASE WHEN ${typed} IS NULL OR NOT ${rendered} THEN ${text} END AS ${id(textOf(index))}`,
          `CASE WHEN ${typed} IS NOT NULL AND NOT ${rendered} THEN ${note} END AS ${id(noteOf(index))}`,
          ...(column.unitColumn
            ? [`${aligned.typed(column.unitColumn)} AS ${id(unitOf(index))}`]
            : []),
        ];
      }
      case 'date': {
        const day = `strftime(${typed}, '%Y-%m-%d')`;
        return [
          `${day} AS ${id(valueOf(index))}`,
          `CASE WHEN ${typed} IS NULL OR ${text} <> ${day} THEN ${text} END AS ${id(textOf(index))}`,
        ];
      }
      case 'period':
        return [
          `${typed} AS ${id(valueOf(index))}`,
          `CASE WHEN ${typed} IS NULL OR ${text} <> ${typed} THEN ${text} END AS ${id(textOf(index))}`,
        ];
    }
  });
  const params: QueryParam[] = [];
  const order = (plan.orderBy ?? []).map(
    (item) => `${aligned.text(item.column)}${item.descending ? ' DESC' : ''}`,
  );
  if (plan.position) list.unshift(`${aligned.typed(plan.position)} AS ${id(POSITION)}`);
  const sql =
    `SELECT ${list.join(', ')} FROM ${aligned.from}` +
    whereClause(dialect, plan.filter, params, aligned.text) +
    (order.length > 0 ? ` ORDER BY ${order.join(', ')}` : '') +
    (plan.limit !== undefined ? dialect.limit(plan.limit) : '') +
    (plan.offset ? ` OFFSET ${Math.max(0, Math.trunc(plan.offset))}` : '');
  return { sql: dialect.finish(sql), params };
}

/** The answer of `renderTwinRows` as records of cells, keyed by the columns' own names. */
export function twinCells(rows: readonly RecordRow[], columns: readonly TwinColumn[]): RecordRow[] {
  return rows.map((row) => {
    const record: RecordRow = {};
    columns.forEach((column, index) => {
      ownValue(record, column.name, twinCell(row, column, index));
    });
    return record;
  });
}

function twinCell(row: RecordRow, column: TwinColumn, index: number): Cell {
  const value = row[valueOf(index)];
  if (column.kind === 'text') return textCell(value);
  const text = textCell(row[textOf(index)]);
  if (value === null || value === undefined) return text;
  switch (column.kind) {
    case 'number': {
      const number = Number(value);
      const stated = row[unitOf(index)];
      const unit =
        typeof stated === 'string'
          ? (stated as Unit)
          : column.unit === 'mixed'
            ? undefined
            : column.unit;
      const note = row[noteOf(index)];
      return {
        kind: 'number',
        value: number,
        unit: unit ?? 'number',
        ...(typeof note === 'string' ? { note } : {}),
        raw: text ?? String(number),
      };
    }
    case 'date':
      return { kind: 'date', value: String(value), raw: text ?? String(value) };
    case 'period': {
      const span = periodSpan(String(value));
      if (!span) return text ?? String(value);
      return { kind: 'period', value: String(value), ...span, raw: text ?? String(value) };
    }
  }
}

function textCell(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/**
 * Rows of a source without a typed twin (Parquet, Arrow, a database's own table) as cells,
 * from the types its catalogue gives: numbers as plain numbers, dates as days, text as written.
 */
export function storedCells(
  rows: readonly RecordRow[],
  columns: readonly string[],
  catalogue: readonly CatalogueColumn[],
): RecordRow[] {
  const types = columns.map(
    (name) => catalogue.find((column) => column.name === name)?.type ?? 'other',
  );
  return rows.map((row) => {
    const record: RecordRow = {};
    columns.forEach((name, index) => {
      const value = row[name];
      const type = types[index];
      ownValue(
        record,
        name,
        type === 'number'
          ? numberCell(value)
          : type === 'date'
            ? dateCell(value)
            : type === 'text'
              ? textCell(value)
              : valueCell(value),
      );
    });
    return record;
  });
}

/** A number as the engine sends it: a JS number, a 64-bit integer, or its text (a server's JSON). */
function numberCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'bigint') return valueCell(value);
  const number = Number(String(value));
  return Number.isFinite(number) ? valueCell(number) : String(value);
}

/** A date or timestamp as Arrow gives it: milliseconds since 1970, or a Date. */
function dateCell(value: unknown): Cell {
  if (typeof value === 'number') return valueCell(new Date(value));
  if (typeof value === 'bigint') return valueCell(new Date(Number(value)));
  return valueCell(value);
}
