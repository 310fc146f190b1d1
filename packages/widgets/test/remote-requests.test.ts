import { describe, expect, it } from 'vitest';
import { engineFilter } from '../src/base/client';
import {
  kpiSeriesClient,
  kpiSeriesColumns,
  kpiSeriesRequest,
  kpiSeriesRows,
} from '../src/variance-alerts/request';
import { taskClient, taskRequests } from '../src/progress-tracker/request';

// What the alerts and the tracker ask of a table on a database server, and how the alerts read
// the daily sums back (the cluster test, clickhouse-alerts.test.ts, runs them against servers).
describe('the variance alerts’ request to a database server', () => {
  const headers = ['日期', '指标', '实际值', '目标值', '单位', 'region'];
  const columns = kpiSeriesColumns(headers, {});

  it('finds the series’ columns by their Chinese headers, or says none when one is missing', () => {
    expect(columns).toEqual({
      date: '日期',
      metric: '指标',
      actual: '实际值',
      target: '目标值',
      unit: '单位',
      direction: undefined,
    });
    expect(kpiSeriesColumns(['日期', '指标', '实际值'], {})).toBeUndefined();
  });

  it('asks a row per day, metric and unit: the actual summed, the target summed or its largest', () => {
    if (!columns) throw new Error('columns not found');
    const shares = kpiSeriesRequest('kpis', columns, 'share', { region: '华东' });
    expect(shares).toEqual({
      kind: 'aggregate',
      source: 'kpis',
      groupBy: ['日期', '指标', '单位'],
      measures: [
        { column: '实际值', aggregate: 'sum', digits: 6 },
        { column: '目标值', aggregate: 'sum', digits: 6 },
        { column: '实际值', aggregate: 'avg', as: 'sx_daily_mean', digits: 6 },
      ],
      filter: { region: '华东' },
      orderBy: [{ column: '日期' }, { column: '指标' }, { column: '单位' }],
    });
    const period = kpiSeriesRequest('kpis', columns, 'period');
    expect(period.kind === 'aggregate' && period.measures[1]?.aggregate).toBe('max');
  });

  it('gives the server only the choices on columns the sums lack', () => {
    if (!columns) throw new Error('columns not found');
    const client = kpiSeriesClient('kpis', columns, 'period');
    expect(
      engineFilter(headers, client, { 指标: '销售额', region: '华东', elsewhere: 'x' }),
    ).toEqual({ region: '华东' });
    expect(engineFilter(headers, client, null)).toEqual({});
  });

  it('reads a rate’s day as its mean reading, any other metric’s as its sum', () => {
    if (!columns) throw new Error('columns not found');
    const rows = kpiSeriesRows(
      [
        {
          日期: '2024-07-01',
          指标: '线索转化率',
          单位: '%',
          实际值: '26',
          目标值: '15',
          sx_daily_mean: '13',
        },
        {
          日期: '2024-07-01',
          指标: '销售额',
          单位: '万元',
          实际值: '30',
          目标值: '500',
          sx_daily_mean: '15',
        },
      ],
      columns,
    );
    expect(rows).toEqual([
      { 日期: '2024-07-01', 指标: '线索转化率', 单位: '%', 实际值: '13', 目标值: '15' },
      { 日期: '2024-07-01', 指标: '销售额', 单位: '万元', 实际值: '30', 目标值: '500' },
    ]);
  });
});

describe('the progress tracker’s request to a database server', () => {
  const table = { columns: ['task', 'owner', 'planned_start', 'planned_end', 'progress'] };

  it('asks for the tasks that end first, as cells, and how many match', () => {
    const asked = taskRequests('tasks', table, {}, 50, { owner: '李四' });
    expect(asked.rows).toEqual({
      kind: 'rows',
      source: 'tasks',
      as: 'cells',
      filter: { owner: '李四' },
      orderBy: [{ column: 'planned_end' }, { column: 'planned_start' }, { column: 'task' }],
      limit: 50,
    });
    expect(asked.count).toEqual({
      kind: 'aggregate',
      source: 'tasks',
      groupBy: [],
      measures: [{ column: 'task', aggregate: 'count', as: 'sx_tasks' }],
      filter: { owner: '李四' },
    });
  });

  it('asks one row when the task columns are missing, for the widget to say which', () => {
    expect(taskRequests('tasks', { columns: ['a', 'b'] }, {}, 200)).toEqual({
      rows: { kind: 'rows', source: 'tasks', as: 'cells', limit: 1 },
    });
  });

  it('sends every choice on a column of the table to the server', () => {
    const client = taskClient('tasks', table, {}, 200, () => undefined);
    expect(engineFilter(table.columns, client, { owner: '李四', region: '华东' })).toEqual({
      owner: '李四',
    });
  });
});
