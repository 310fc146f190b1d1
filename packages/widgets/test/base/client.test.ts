import { describe, expect, it } from 'vitest';
import { type AnswerScope, engineFilter, filterKey, localSelection } from '../../src/base/client';
import { keepChosen } from '../../src/base/selection';

// The one place where a choice made in another widget is split: the part the engine applies
// (a new query) and the part the page applies to the answer it already holds.
describe('the engine filter a widget sends for the page’s selection', () => {
  const columns = ['region', 'product_line', 'channel', 'target', 'amount'];
  const sums: AnswerScope = { carries: ['region', 'product_line'], complete: true };

  it('sends nothing when nothing is chosen', () => {
    expect(engineFilter(columns, sums, null)).toEqual({});
    expect(engineFilter(columns, sums, undefined)).toEqual({});
    expect(localSelection(sums, null)).toEqual({});
  });

  it('applies a choice on a column the answer keeps in the page, with no new query', () => {
    expect(engineFilter(columns, sums, { region: '华东' })).toEqual({});
    expect(localSelection(sums, { region: '华东' })).toEqual({ region: '华东' });
  });

  it('sends a choice on a column the answer lacks to the engine, never applies it in the page', () => {
    const chosen = { region: '华东', channel: '直销' };
    expect(engineFilter(columns, sums, chosen)).toEqual({ channel: '直销' });
    expect(localSelection(sums, chosen)).toEqual({ region: '华东' });
  });

  it('sends every choice to the engine when the answer may stop short of the matching rows', () => {
    const firstTasks: AnswerScope = { carries: columns, complete: false };
    const chosen = { region: '华东', channel: '直销' };
    expect(engineFilter(columns, firstTasks, chosen)).toEqual(chosen);
    expect(localSelection(firstTasks, chosen)).toEqual({});
  });

  it('ignores a choice on a column the source does not have', () => {
    expect(engineFilter(columns, sums, { 指标: '销售额' })).toEqual({});
    expect(localSelection(sums, { 指标: '销售额' })).toEqual({});
  });

  it('gives the same key to the same filter, whatever the order of its columns', () => {
    expect(filterKey({ a: '1', b: '2' })).toBe(filterKey({ b: '2', a: '1' }));
    expect(filterKey({ a: '1' })).not.toBe(filterKey({ a: '2' }));
    expect(filterKey({})).not.toBe(filterKey({ a: '' }));
  });
});

describe('a choice applied in the page', () => {
  const rows = [
    { region: '华东', amount: { kind: 'number', value: 1, unit: 'number', raw: '1' } },
    { region: '西南', amount: { kind: 'number', value: 2, unit: 'number', raw: '2' } },
    { amount: { kind: 'number', value: 3, unit: 'number', raw: '3' } },
  ];

  it('keeps the rows whose cell reads as the chosen text', () => {
    expect(keepChosen(rows, { region: '华东' })).toEqual([rows[0]]);
    expect(keepChosen(rows, { amount: '2' })).toEqual([rows[1]]);
  });

  it('keeps no row that lacks the chosen column', () => {
    expect(keepChosen(rows, { channel: '直销' })).toEqual([]);
    expect(keepChosen(rows, {})).toBe(rows);
  });
});
