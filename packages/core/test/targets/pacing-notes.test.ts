import { describe, expect, it } from 'vitest';
import {
  pacingCurve,
  pacingFileNotes,
  periodNotes,
  readCalendarFile,
  type PacedPeriodFacts,
} from '@stratex/core';

const q3 = { start: '2024-07-01', end: '2024-09-30' };

const facts = (over: Partial<PacedPeriodFacts>): PacedPeriodFacts => ({
  given: [],
  period: q3,
  asOf: '2024-08-15',
  pacing: undefined,
  curve: { kind: 'linear' },
  weightsNamed: false,
  ...over,
});

describe('what a widget says of its period', () => {
  it('says nothing of a running period paced as asked', () => {
    expect(periodNotes(facts({}), 'zh-CN')).toEqual([]);
  });

  it('says a period has not started, and that nothing is judged yet', () => {
    expect(periodNotes(facts({ asOf: '2024-06-20' }), 'zh-CN')).toEqual([
      '周期自 2024年7月1日 开始，截至 2024年6月20日 尚未开始，暂不评定状态。',
    ]);
    expect(periodNotes(facts({ asOf: '2024-06-20' }), 'en')).toEqual([
      'The period starts on Jul 1, 2024; on Jun 20, 2024 it has not started, so no figure is judged yet.',
    ]);
  });

  it('says a period is over and judged final by its target', () => {
    expect(periodNotes(facts({ asOf: '2024-10-08' }), 'zh-CN')).toEqual([
      '周期已于 2024年9月30日 结束，截至 2024年10月8日 为最终结果，按全期目标评定达标或未达标。',
    ]);
  });

  it('names an unreadable or missing date and the attribute it came from', () => {
    const unreadable = facts({
      given: [{ attribute: 'period-end', value: '2024-09-31', needed: true }],
      period: null,
    });
    expect(periodNotes(unreadable, 'en')).toEqual([
      'The period-end attribute is not a date such as 2024-08-15 (“2024-09-31”), so the figures are not paced.',
    ]);
    const missing = facts({
      given: [
        { attribute: 'period-end', value: '2024-09-30', needed: true },
        { attribute: 'as-of', value: undefined, needed: true },
      ],
      asOf: null,
    });
    expect(periodNotes(missing, 'zh-CN')).toEqual([
      '按进度评定需要 as-of，但未提供；现按全期目标评定。',
    ]);
    // A quarter is a fit value where a period is asked for.
    const quarter = facts({
      given: [{ attribute: 'period', value: '2024-Q3', needed: true, period: true }],
    });
    expect(periodNotes(quarter, 'en')).toEqual([]);
  });

  it('says a pacing it does not know, and paces by calendar days', () => {
    expect(periodNotes(facts({ pacing: 'workday' }), 'zh-CN')).toEqual([
      'pacing="workday" 不是 linear、workdays 或 seasonal；现按自然日线性计算应达值。',
    ]);
    expect(periodNotes(facts({ pacing: ' WorkDays ' }), 'en')).toEqual([]);
  });

  it('says a period ends before it starts', () => {
    expect(
      periodNotes(facts({ period: { start: '2024-09-30', end: '2024-07-01' } }), 'en'),
    ).toEqual([
      'The period ends on Jul 1, 2024, before it starts on Sep 30, 2024, so the figures are not paced.',
    ]);
  });

  it('says a period with no working day expects nothing before its last day', () => {
    const national = { start: '2024-10-01', end: '2024-10-07' };
    const notes = periodNotes(
      facts({ period: national, asOf: '2024-10-03', curve: pacingCurve('workdays') }),
      'zh-CN',
    );
    expect(notes).toEqual([
      '按日历，2024年10月1日 至 2024年10月7日 没有工作日，因此最后一天之前不计应达值。',
    ]);
  });

  it('says seasonal weights are missing or do not cover the period, and that it paces linearly', () => {
    expect(periodNotes(facts({ pacing: 'seasonal' }), 'en')).toEqual([
      'pacing="seasonal" needs a weights source; the target is paced by calendar days instead.',
    ]);
    const july = new Map([['2024-07-01', 1]]);
    const partial = facts({
      pacing: 'seasonal',
      weightsNamed: true,
      curve: pacingCurve('seasonal', { weights: july }),
    });
    expect(periodNotes(partial, 'zh-CN')).toEqual([
      '每日权重只覆盖本期 92 天中的 1 天（2024年7月2日 无权重）；现改按自然日线性计算应达值。',
    ]);
  });
});

describe('what a widget says of a page’s calendar or weights file', () => {
  it('counts the rows left out and lists their numbers', () => {
    const read = readCalendarFile([
      { date: '2024-08-16', kind: 'off' },
      { date: 'tomorrow', kind: 'off' },
      { date: '2024-08-17', kind: '?' },
    ]);
    expect(pacingFileNotes('calendar', 'company.csv', read, 'zh-CN')).toEqual([
      '日历 company.csv：2 行无法读取，已略过（数据第 2，3 行）；其余行照常使用。',
    ]);
    expect(pacingFileNotes('calendar', 'company.csv', read, 'en')).toEqual([
      'Calendar company.csv: rows that could not be read were left out: 2 (data rows 2, 3); the other rows are used.',
    ]);
  });

  it('says a file lacks columns, or could not be read at all', () => {
    expect(pacingFileNotes('weights', 'w.csv', { bad: [], missing: ['weight'] }, 'en')).toEqual([
      'Daily weights w.csv lacks the columns weight, so it is not used.',
    ]);
    expect(pacingFileNotes('weights', 'w.csv', { failed: 'not found (404)' }, 'zh-CN')).toEqual([
      '每日权重 w.csv 无法读取，因此未使用：not found (404)',
    ]);
    expect(pacingFileNotes('calendar', 'c.csv', { bad: [], missing: [] }, 'en')).toEqual([]);
  });
});
