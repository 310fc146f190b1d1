import { DateDay, Table, TimestampMillisecond, vectorFromArray } from 'apache-arrow';
import { afterEach, expect, it } from 'vitest';
import '@stratex/widgets/define';
import { dataTable, mount } from './helpers';

afterEach(() => document.body.replaceChildren());

const tasks = [
  ['exhibition material design', 'Wang', '2024-06-01', '2024-06-10', '90%'],
  ['East China client visits', 'Li', '2024-06-01', '2024-06-30', '60%'],
] as const;

it('reads an Arrow table given by script with its dates as dates, as it reads the same rows as objects', async () => {
  const column = (at: number): string[] => tasks.map((task) => task[at]!);
  const days = (at: number): Date[] => column(at).map((day) => new Date(`${day}T00:00:00Z`));
  const arrow = new Table({
    task: vectorFromArray(column(0)),
    owner: vectorFromArray(column(1)),
    planned_start: vectorFromArray(days(2), new DateDay()),
    planned_end: vectorFromArray(days(3), new TimestampMillisecond()),
    progress: vectorFromArray(column(4)),
  });
  const records = tasks.map(([task, owner, planned_start, planned_end, progress]) => ({
    task,
    owner,
    planned_start,
    planned_end,
    progress,
  }));
  const attributes = { 'as-of': '2024-06-18', lang: 'en' };
  const byRecords = await mount('sx-progress-tracker', attributes, (element) => {
    element.data = records;
  });
  const byArrow = await mount('sx-progress-tracker', attributes, (element) => {
    element.data = arrow;
  });
  expect(dataTable(byRecords)[0]).toContain('Jun 10, 2024');
  expect(dataTable(byArrow)).toEqual(dataTable(byRecords));
});
