import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildScorecard,
  cellText,
  isBlank,
  parseCell,
  periodSpan,
  readCell,
  trackProgress,
  type Unit,
  valueCell,
} from '@stratex/core';

const units: (Unit | undefined)[] = [undefined, 'money', 'count', 'percent', 'number'];

describe('readCell', () => {
  it('reads text exactly as parseCell does, whatever unit is expected', () => {
    const cells = [
      '500万元',
      '15%',
      '30家',
      '1,500,000',
      '90%（设计中）',
      '2024年6月10日',
      '2024 Q3',
      '完成',
      '0123',
      '',
      '  ',
    ];
    for (const text of cells) {
      for (const unit of units) expect(readCell(text, unit)).toEqual(parseCell(text, unit));
    }
    expect(readCell(null)).toEqual(parseCell(null));
    expect(readCell(undefined, 'money')).toEqual(parseCell(undefined, 'money'));
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...units), (text, unit) => {
        expect(readCell(text, unit)).toEqual(parseCell(text, unit));
      }),
    );
  });

  it('takes a cell already read as it is, lending an expected unit to a number that states none', () => {
    for (const text of ['500万元', '15%', '30家', '2024-06-01', '2024-Q3', '1234.5']) {
      for (const unit of units) {
        const read = parseCell(text);
        const again = readCell(read, unit);
        expect(again).toEqual(parseCell(text, unit));
        if (read.kind !== 'number' || read.unit !== 'number' || !unit || unit === 'percent') {
          expect(again).toBe(read);
        }
      }
    }
  });

  it('gives the text of a cell as written, and knows blank cells of both kinds', () => {
    expect(cellText('90%（设计中）')).toBe('90%（设计中）');
    expect(cellText(parseCell('500万元'))).toBe('500万元');
    expect(cellText(null)).toBe('');
    expect(isBlank(parseCell('  '))).toBe(true);
    expect(isBlank(parseCell('0'))).toBe(false);
  });
});

describe('periodSpan', () => {
  it('gives the days of every period parseCell names', () => {
    for (const text of [
      '2024 Q3',
      '2024年第1季度',
      '2024-H2',
      '2024年上半年',
      '2024-06',
      'FY2025',
    ]) {
      const cell = parseCell(text);
      if (cell.kind !== 'period') throw new Error(`not a period: ${text}`);
      expect(periodSpan(cell.value)).toEqual({ start: cell.start, end: cell.end });
    }
    expect(periodSpan('2024-13')).toBeNull();
    expect(periodSpan('Q3')).toBeNull();
  });
});

describe('valueCell', () => {
  it('turns script values into cells: text stays text, numbers and dates are read', () => {
    expect(valueCell('500万元')).toBe('500万元');
    expect(valueCell(5_400_000)).toEqual({
      kind: 'number',
      value: 5_400_000,
      unit: 'number',
      raw: '5400000',
    });
    expect(valueCell(-0)).toEqual({ kind: 'number', value: 0, unit: 'number', raw: '0' });
    expect(valueCell(12n)).toEqual({ kind: 'number', value: 12, unit: 'number', raw: '12' });
    expect(valueCell(new Date(Date.UTC(2024, 5, 1)))).toEqual({
      kind: 'date',
      value: '2024-06-01',
      raw: '2024-06-01',
    });
    expect(valueCell(Number.NaN)).toBe('NaN');
    expect(valueCell(true)).toBe('true');
    expect(valueCell(null)).toBeNull();
  });

  it('reads a number given by script as the same figure its text would give', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e15, max: 1e15 }), (n) => {
        // Below a millionth JavaScript writes numbers as 1e-7, which no export does.
        fc.pre(n === 0 || Math.abs(n) >= 1e-6);
        const cell = valueCell(n);
        expect(readCell(cell, 'money')).toEqual(parseCell(String(n === 0 ? 0 : n), 'money'));
      }),
    );
  });
});

describe('core over cells the loader read', () => {
  it('scores the template evaluation table the same from typed cells as from its text', () => {
    const text: Record<string, string>[] = [
      { 评估维度: '销售额', 目标值: '500万元', 实际值: '540万元', 达成率: '108%' },
      { 评估维度: '线索转化率', 目标值: '15%', 实际值: '12%', 达成率: '80%' },
      { 评估维度: '新客户数', 目标值: '30家', 实际值: '28家', 达成率: '93%' },
      { 评估维度: '回款', 目标值: '200万元', 实际值: '待核实', 达成率: '' },
    ];
    const typed = text.map((record) =>
      Object.fromEntries(
        Object.entries(record).map(([key, value]) => {
          const cell = parseCell(value);
          return [key, cell.kind === 'number' ? cell : value];
        }),
      ),
    );
    expect(buildScorecard(typed, { lang: 'en' })).toEqual(buildScorecard(text, { lang: 'en' }));
  });

  it('tracks progress the same from typed cells, notes and unreadable cells included', () => {
    const text: Record<string, string>[] = [
      {
        任务名称: '展会物料设计',
        计划开始时间: '2024-06-01',
        计划结束时间: '2024/6/10',
        实际进度: '90%（设计中）',
      },
      {
        任务名称: '华东客户拜访',
        计划开始时间: '2024-06-01',
        计划结束时间: '2024-06-30',
        实际进度: '60',
      },
      {
        任务名称: '直播线索跟进',
        计划开始时间: '下周',
        计划结束时间: '2024-06-20',
        实际进度: '进行中',
      },
    ];
    const typed = text.map((record) =>
      Object.fromEntries(
        Object.entries(record).map(([key, value]) => {
          const cell = parseCell(value);
          return [key, cell.kind === 'number' || cell.kind === 'date' ? cell : value];
        }),
      ),
    );
    const options = { asOf: '2024-06-18', lang: 'zh-CN' } as const;
    expect(trackProgress(typed, options)).toEqual(trackProgress(text, options));
    expect(trackProgress(typed, options).unreadable).toHaveLength(2);
  });
});
