import { expect } from 'vitest';

/**
 * Reads the rows of a widget's hidden data table (`part="data-table"`), the widget named by
 * its selector on the portal page, once the rows are there. Each browser's test brings its own.
 */
export type ReadTable = (widget: string) => Promise<string[][]>;

/** The template's evaluation in Chinese: 540万 of 500万 is 108 %, then 80 % and 93 %. */
export async function expectChineseEvaluation(read: ReadTable): Promise<void> {
  const rows = await read('#scorecard-zh');
  expect(rows.map((row) => [row[0], row[3], row[4]])).toEqual([
    ['销售额', '108%', '达标'],
    ['线索转化率', '80%', '未达标'],
    ['新客户数', '93%', '有风险'],
  ]);
  expect(rows[0]?.slice(1, 3)).toEqual(['500万', '540万']);
}

/** The English export of the same evaluation, in English words and figures. */
export async function expectEnglishEvaluation(read: ReadTable): Promise<void> {
  const rows = await read('#scorecard-en');
  expect(rows.map((row) => [row[3], row[4]])).toEqual([
    ['108%', 'On track'],
    ['80%', 'Off track'],
    ['93%', 'At risk'],
  ]);
  expect(rows[0]?.slice(1, 3)).toEqual(['5,000,000', '5,400,000']);
}

/** East China over its target, the GBK progress export's tasks, lead conversion alerted first. */
export async function expectTreemapTrackerAndAlerts(read: ReadTable): Promise<void> {
  const regions = await read('#treemap');
  expect(regions.find((row) => row[0] === '华东')?.slice(1, 6)).toEqual([
    '150万',
    '168万',
    '112%',
    '+18万',
    '30%',
  ]);
  const tasks = await read('#tracker');
  const statusOf = (task: string): string | undefined =>
    tasks.find((row) => row[0]?.includes(task))?.find((cell) => /滞后|已完成|已逾期/.test(cell));
  expect(statusOf('客户拜访')).toContain('滞后');
  expect(statusOf('直播线索跟进')).toContain('已完成');
  // The tracker paces on working days: 16 of June's 19 by the 25th (端午 Jun 10 off), not 25 of 30.
  expect(tasks.find((row) => row[0]?.includes('客户拜访'))?.[5]).toBe('84%');
  const alerts = await read('#alerts');
  const order = alerts.map((row) => row.join(' '));
  const conversion = order.findIndex((row) => row.includes('线索转化率'));
  const revenue = order.findIndex((row) => row.includes('销售额'));
  expect(conversion).toBeGreaterThanOrEqual(0);
  expect(conversion).toBeLessThan(revenue);
}
