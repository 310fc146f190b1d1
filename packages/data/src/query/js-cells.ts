import { type Cell, normaliseText, periodSpan } from '@stratex/core';
import type { TextCell, TypedCell } from '../csv/memory-csv';
import { rowUnit } from '../csv/row-unit';
import type { TwinColumn } from './typed-rows';

/*
 * A small CSV read in JS hands core the same cells its typed twin would (`typed-rows.ts`,
 * `twinCells`): the value the load read, the text only where the value does not give it
 * back, and the text of a cell the load could not read.
 */

/** `RENDERED_NUMBER` of `typed-rows.ts`: a number whose shortest text is the cell as written. */
const RENDERED = /^-?(?:0|[1-9][0-9]{0,9})(?:\.[0-9]{0,4}[1-9])?$/;
/** A note in brackets after the value: `90%（设计中）` (brackets folded to ASCII first). */
const NOTE = /^(.*?) *\(([^()]*)\)$/;

/** One cell of a row as `twinCells` gives it, from the text and typed tables' cells. */
export function twinCell(column: TwinColumn, text: TextCell, typed: TypedCell): Cell {
  if (column.kind === 'text') return text;
  if (typed === null) return text;
  switch (column.kind) {
    case 'number': {
      const value = Number(typed);
      const rendered = text !== null && RENDERED.test(text) && text !== '-0';
      const note = rendered || text === null ? undefined : noteOf(text);
      const unit = column.unitColumn
        ? rowUnit(text)
        : column.unit === 'mixed'
          ? undefined
          : column.unit;
      return {
        kind: 'number',
        value,
        unit: unit ?? 'number',
        ...(note ? { note } : {}),
        raw: rendered || text === null ? String(value) : text,
      };
    }
    case 'date': {
      const day = String(typed);
      return { kind: 'date', value: day, raw: text ?? day };
    }
    case 'period': {
      const value = String(typed);
      const span = periodSpan(value);
      if (!span) return text ?? value;
      return { kind: 'period', value, ...span, raw: text ?? value };
    }
  }
}

/** The note of a number cell, as the twin's SQL takes it (DuckDB's `trim` takes spaces only). */
function noteOf(text: string): string | undefined {
  const note = NOTE.exec(normaliseText(text))?.[2]?.replace(/^ +| +$/g, '');
  return note ? note : undefined;
}
