import { parseCell, type Unit } from '@stratex/core';
import type { TextCell } from './memory-csv';

/** `plainNumberSql`: what the loader casts directly, stating no unit. */
const PLAIN_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

/** A mixed column's unit for one row, as its unit column holds it: what the cell states. */
export function rowUnit(text: TextCell): Unit | undefined {
  if (text === null || PLAIN_NUMBER.test(text)) return 'number';
  const read = parseCell(text);
  return read.kind === 'number' ? read.unit : 'number';
}
