import { loadRecords } from '../../engine-helpers';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  budgetFromStrategy,
  buildScorecard,
  type CellRecord,
  lintTargets,
  messageText,
  paceKpiSeries,
  rollupByLevels,
  trackProgress,
} from '@stratex/core';
import { duckdbDialect, type Engine, type LoadedTable } from '@stratex/data';
import { nativeEngine } from '@stratex/data/node';
import type * as Values from '../../../../core/src/values/values';
import { renderTwinRows } from '../../../src/query/typed-rows';

// Every reading of a cell's text in core goes through parseCell: count them.
const parsed = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../../../core/src/values/values', async (importOriginal) => {
  const original = await importOriginal<typeof Values>();
  return {
    ...original,
    parseCell: (...args: Parameters<typeof original.parseCell>) => {
      parsed.calls++;
      return original.parseCell(...args);
    },
  };
});

const engine: Engine = nativeEngine();
afterAll(() => engine.close());

const file = (path: string): Uint8Array =>
  readFileSync(new URL(`../../../../../fixtures/${path}`, import.meta.url));

/** What core makes of a table, once from its text rows and once from its cells. */
interface Reading {
  fixture: string;
  read(records: readonly CellRecord[]): unknown;
}

const readings: Record<string, Reading> = {
  evaluation: {
    fixture: 'template/evaluation.csv',
    read: (records) => buildScorecard(records, { lang: 'en' }),
  },
  evaluationGbk: {
    fixture: 'template/evaluation.gbk.csv',
    read: (records) => buildScorecard(records, { lang: 'zh-CN' }),
  },
  progress: {
    fixture: 'template/progress.gbk.csv',
    read: (records) => trackProgress(records, { asOf: '2024-06-18', lang: 'zh-CN' }),
  },
  kpis: {
    fixture: 'template/kpi_daily_2024q3.csv',
    read: (records) => paceKpiSeries(records, { asOf: '2024-08-15', lang: 'en' }),
  },
  regions: {
    fixture: 'template/region_targets.csv',
    read: (records) =>
      rollupByLevels(records, { levels: ['区域', '产品线'], target: '目标值', actual: '实际值' }),
  },
  budget: {
    fixture: 'template/budget.csv',
    read: (records) => budgetFromStrategy(records, { lang: 'en' }),
  },
  strategy: {
    fixture: 'template/strategy.gbk.csv',
    read: (records) => budgetFromStrategy(records, { lang: 'zh-CN' }),
  },
  targets: {
    fixture: 'template/targets.gbk.csv',
    read: (records) => lintTargets(records, { lang: 'zh-CN' }),
  },
  textInNumbers: {
    fixture: 'hostile/files/text-in-numbers.csv',
    read: (records) => rollupByLevels(records, { levels: ['区域'], target: '目标值', lang: 'en' }),
  },
  formulaErrors: {
    fixture: 'hostile/files/formula-errors.csv',
    read: (records) =>
      buildScorecard(
        records.map((record) => ({ ...record, 目标值: '100%', 实际值: record['达成率'] })),
        { lang: 'zh-CN' },
      ),
  },
};

const loaded = new Map<string, LoadedTable>();

beforeAll(async () => {
  for (const [name, reading] of Object.entries(readings)) {
    const source = engine.defineSource(name, {
      bytes: file(reading.fixture),
      format: 'csv',
      label: reading.fixture,
    });
    loaded.set(name, await source.ready);
  }
});

async function textRows(source: string): Promise<CellRecord[]> {
  const { rows } = await engine.coordinator.request({ kind: 'rows', source, as: 'text' });
  return rows as CellRecord[];
}

async function cellRows(source: string, columns?: string[]): Promise<CellRecord[]> {
  const result = await engine.coordinator.request({
    kind: 'rows',
    source,
    as: 'cells',
    ...(columns ? { columns } : {}),
  });
  expect(result.plan).toBe('rows-typed');
  return result.rows as CellRecord[];
}

describe('rows as cells from a CSV typed twin', () => {
  it('give core the same figures, notes and unreadable cells as the text rows', async () => {
    for (const [name, reading] of Object.entries(readings)) {
      const fromText = reading.read(await textRows(name));
      const fromCells = reading.read(await cellRows(name));
      expect(fromCells, name).toEqual(fromText);
    }
  });

  it('hand over number, date and period columns read, and only rejected cells as their text', async () => {
    for (const name of Object.keys(readings)) {
      const table = loaded.get(name)!;
      const text = await textRows(name);
      const cells = await cellRows(name);
      expect(cells).toHaveLength(text.length);
      for (const column of table.columnTypes ?? []) {
        const strings = cells.flatMap((row, at) => {
          const cell = row[column.name];
          if (column.kind === 'text') {
            expect(cell).toBe(text[at]?.[column.name]);
            return [];
          }
          return typeof cell === 'string' && cell.trim() !== '' ? [cell] : [];
        });
        const rejected = (table.rejects?.first ?? [])
          .filter((reject) => reject.column === column.name)
          .map((reject) => reject.value);
        expect(strings, `${name}.${column.name}`).toEqual(rejected);
        expect(strings).toHaveLength(column.rejects);
      }
    }
  });

  it('read every cell of a number column once on the way from the file to the figures', async () => {
    const text = await textRows('regions');
    const cells = await cellRows('regions');
    const read = readings.regions!.read;
    parsed.calls = 0;
    read(text);
    const fromText = parsed.calls;
    parsed.calls = 0;
    read(cells);
    const fromCells = parsed.calls;
    // Two number columns, every row: each cell read by parseCell from the text rows, none from cells.
    expect(fromText).toBe(text.length * 2);
    expect(fromCells).toBe(0);
  });

  it('count the readings that the rejected cells alone still need', async () => {
    const cells = await cellRows('textInNumbers');
    parsed.calls = 0;
    const tree = readings.textInNumbers!.read(cells) as ReturnType<typeof rollupByLevels>;
    expect(parsed.calls).toBe(2);
    expect(tree.unreadable.map((cell) => [cell.row, cell.value, cell.reason])).toEqual([
      [3, '待定', messageText('en', 'cellNotNumberText')],
      [6, 'TBD', messageText('en', 'cellNotNumberText')],
    ]);
  });

  it('move only the columns asked for, with the typed values beside the text', async () => {
    const result = await engine.coordinator.request({
      kind: 'rows',
      source: 'evaluation',
      as: 'cells',
      columns: ['评估维度', '实际值'],
    });
    expect(result.columns).toEqual(['评估维度', '实际值']);
    expect(result.rows.map((row) => Object.keys(row))).toEqual(
      result.rows.map(() => ['评估维度', '实际值']),
    );
    expect(result.rows[0]).toEqual({
      评估维度: '销售额',
      实际值: { kind: 'number', value: 5_400_000, unit: 'money', raw: '540万元' },
    });
  });

  it('keep a note and a plain number without moving its text', async () => {
    const progress = await cellRows('progress', ['实际进度（%/完成状态）', '计划开始时间']);
    expect(progress[0]).toEqual({
      '实际进度（%/完成状态）': {
        kind: 'number',
        value: 0.9,
        unit: 'percent',
        note: '设计中',
        raw: '90%（设计中）',
      },
      计划开始时间: { kind: 'date', value: '2024-06-01', raw: '2024/6/1' },
    });
    const regions = await cellRows('regions', ['目标值']);
    expect(regions[0]).toEqual({
      目标值: { kind: 'number', value: 355_000, unit: 'number', raw: '355000' },
    });
  });

  it('bring the text of a cell only where its value does not give it back', async () => {
    const textOfColumn = async (source: string, name: string): Promise<unknown[]> => {
      const table = loaded.get(source)!;
      const column = table.columnTypes!.find((candidate) => candidate.name === name)!;
      const query = renderTwinRows(duckdbDialect, {
        table: table.table,
        typedTable: table.typedTable!,
        columns: [column],
        filter: {},
      });
      const rows = await engine.records(query.sql, query.params);
      return rows.map((row) => row.sx_text_0);
    };
    // Plain digits: the value says it all, no text moves.
    expect(new Set(await textOfColumn('regions', '目标值'))).toEqual(new Set([null]));
    // 500万元, 15%, 30家: the text moves beside the value, for the words that quote it.
    expect(await textOfColumn('evaluation', '目标值')).toEqual(['500万元', '15%', '30家']);
  });

  it('filter and order by the text as the text rows do', async () => {
    const request = {
      kind: 'rows',
      source: 'regions',
      columns: ['产品线', '目标值'],
      filter: { 区域: '华东' },
      orderBy: [{ column: '产品线', descending: true }],
      limit: 3,
    } as const;
    const text = (await engine.coordinator.request({ ...request, as: 'text' })).rows;
    const cells = (await engine.coordinator.request({ ...request, as: 'cells' })).rows;
    expect(cells.map((row) => [row['产品线'], (row['目标值'] as { raw: string }).raw])).toEqual(
      text.map((row) => [row['产品线'], row['目标值']]),
    );
  });
});

describe('rows as cells from a source stored typed', () => {
  it('give numbers and dates from their column types, and text as written', async () => {
    await loadRecords(engine, 'typedRecords', [
      { 区域: '华东', 目标值: 1_500_000, 截止: new Date(Date.UTC(2024, 8, 30)), 备注: '500万元' },
      { 区域: '华北', 目标值: null, 截止: null, 备注: null },
    ]);
    const result = await engine.coordinator.request({
      kind: 'rows',
      source: 'typedRecords',
      as: 'cells',
    });
    expect(result.plan).toBe('rows');
    expect(result.rows).toEqual([
      {
        区域: '华东',
        目标值: { kind: 'number', value: 1_500_000, unit: 'number', raw: '1500000' },
        截止: { kind: 'date', value: '2024-09-30', raw: '2024-09-30' },
        备注: '500万元',
      },
      { 区域: '华北', 目标值: null, 截止: null, 备注: null },
    ]);
  });
});
