import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { trackProgress, type VarianceAlert } from '@stratex/core';
import { type DrillAnswer, pageEngine, type RecordRow } from '@stratex/data';
import '@stratex/widgets/define';
import type { SxDrillPanel } from '../src/base/drill-panel';
import { SX_DRILL_THROUGH, type SxDrillThroughDetail } from '../src/base/events';
import { pageSelection } from '../src/base/selection';
import type { SxProgressTracker } from '../src/progress-tracker/progress-tracker';
import type { SxTargetTreemap } from '../src/target-treemap/target-treemap';
import { SX_ALERT, type SxAlertDetail } from '../src/variance-alerts/alert-events';
import type { SxVarianceAlerts } from '../src/variance-alerts/variance-alerts';
import {
  clusterForPage,
  defineSource,
  drawn,
  nextLoadOrError as next,
  tileNamed,
} from './clickhouse-page';
import { dataTable, mount, shadowText } from './helpers';

// The variance alerts and the progress tracker on a two-shard ClickHouse cluster holding a
// million sales facts and a million tasks, against the page's DuckDB over the very same rows
// (Parquet and CSV): the same alerts and tasks, through a treemap's cross-filter, and the
// server's refusals (an unknown column, its memory and time limits) said in the widget.
const shards = await clusterForPage('alerts');
const ROWS = 1_000_000;
const FACTS = 'sx_alert_facts';
const TASKS = 'sx_alert_tasks';
const AS_OF = '2024-08-15';
const TASKS_AS_OF = '2024-06-20';

type Widget = SxVarianceAlerts | SxProgressTracker | SxTargetTreemap;

const onCluster = (table: string, user = 'stratex_reader'): Record<string, string> => ({
  engine: 'clickhouse',
  url: shards[0] ?? '',
  table,
  user,
});

/** The alerts over sales facts: one KPI per value of `metric`, each row holding its share of the target. */
const alertsOver = (metric: string, lang = 'zh-CN'): Record<string, string> => ({
  lang,
  'as-of': AS_OF,
  'period-start': '2024-07-01',
  'period-end': '2024-09-30',
  'date-column': 'date',
  'metric-column': metric,
  'actual-column': 'amount',
  'target-column': 'target_share',
  'target-rows': 'share',
});

/** DuckDB's daily sums of the same facts per `metric`, as the reference alerts read them. */
const dailySums = (metric: string, where = ''): string =>
  `SELECT CAST("date" AS VARCHAR) AS "date", ${metric},
     ROUND(CAST(SUM(amount) AS DOUBLE), 6) AS amount,
     ROUND(CAST(SUM(target_share) AS DOUBLE), 6) AS target_share
   FROM duck_sales ${where} GROUP BY "date", ${metric} ORDER BY "date", ${metric}`;

/** The alerts a widget worked out, as plain data. */
const alertsOf = (element: SxVarianceAlerts): VarianceAlert[] =>
  JSON.parse(JSON.stringify((element as unknown as { alerts: VarianceAlert[] }).alerts));

const rowsOf = (element: Widget): readonly unknown[] =>
  (element as unknown as { rows: readonly unknown[] }).rows;

/** An answer of the page's DuckDB to SQL over the page's sources. */
async function duckdb(sql: string): Promise<readonly RecordRow[]> {
  return (await pageEngine().coordinator.request({ kind: 'author', sql })).rows;
}

/** What a widget says of a failure: in its error state, or in the notice above its last good view. */
const failureShown = (element: Widget): string =>
  `${shadowText(element, '[data-state="error"]')} ${shadowText(element, '[part="notice"]')}`;

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe.skipIf(shards.length === 0)(
  'variance alerts and the progress tracker on a ClickHouse cluster',
  () => {
    let parquet: string;
    let tasksCsv: string;

    beforeAll(async () => {
      parquet = await commands.clickhouseFactsAndParquet(ROWS, FACTS, 'alerts');
      tasksCsv = await commands.clickhouseTasksAndCsv(ROWS, TASKS);
      defineSource('ch_sales', onCluster(FACTS));
      defineSource('duck_sales', { src: parquet });
      defineSource('ch_tasks', onCluster(TASKS));
      defineSource('duck_tasks', { src: tasksCsv });
    }, 600_000);

    afterAll(async () => {
      for (const key of ['ch_sales', 'ch_tasks', 'ch_broken', 'ch_tasks_broken'])
        pageSelection().toggle(key, null, null);
      document.body.replaceChildren();
      await commands.clickhouseCluster('stop', 'alerts');
    });

    it('raises the alerts DuckDB raises on the same million facts, from daily sums only', async () => {
      const raised: SxAlertDetail[] = [];
      const hear = (event: Event): number =>
        raised.push((event as CustomEvent<SxAlertDetail>).detail);
      document.addEventListener(SX_ALERT, hear);
      const byRegion = await mount('sx-variance-alerts', {
        source: 'ch_sales',
        ...alertsOver('region'),
      });
      const reference = await mount('sx-variance-alerts', {
        query: dailySums('region'),
        ...alertsOver('region'),
      });
      document.removeEventListener(SX_ALERT, hear);
      // The same alert events too, but for the source that names where the rows came from.
      const eventsFrom = (origin: string): Omit<SxAlertDetail, 'source'>[] =>
        raised
          .filter((alert) => alert.source === origin)
          .map(({ source: _source, ...alert }) => alert);
      expect(eventsFrom('ch_sales').length).toBeGreaterThan(0);
      expect(eventsFrom('ch_sales')).toEqual(eventsFrom('query'));
      expect(byRegion.state).toBe('ready');
      expect(reference.state).toBe('ready');
      // A row per day and region came, not a million facts.
      expect(rowsOf(byRegion).length).toBeGreaterThan(92);
      expect(rowsOf(byRegion).length).toBeLessThanOrEqual(92 * 10);
      const alerts = alertsOf(byRegion);
      expect(alerts.length).toBeGreaterThan(2);
      expect(alerts).toEqual(alertsOf(reference));
      expect(dataTable(byRegion)).toEqual(dataTable(reference));
      // Each region's quarter target and its actual to the as-of day, as DuckDB sums the facts.
      const sums = await duckdb(
        `SELECT region, CAST(SUM(target_share) AS DOUBLE) AS target,
           CAST(SUM(CASE WHEN "date" <= DATE '${AS_OF}' THEN amount ELSE 0 END) AS DOUBLE) AS to_date
         FROM duck_sales GROUP BY region`,
      );
      expect(sums.length).toBe(alerts.length);
      for (const row of sums) {
        const alert = alerts.find((each) => each.subject === row.region);
        if (alert?.kind !== 'kpi') throw new Error(`no KPI alert for ${String(row.region)}`);
        expect(alert.kpi.target).toBeCloseTo(Number(row.target), 2);
        expect(alert.kpi.toDate).toBeCloseTo(Number(row.to_date), 2);
      }
      byRegion.remove();
      reference.remove();
    });

    it('opens the rows behind a region’s alert to its as-of day: rows, count and totals from the server', async () => {
      const byRegion = await mount('sx-variance-alerts', {
        source: 'ch_sales',
        ...alertsOver('region', 'en'),
      });
      const heard: SxDrillThroughDetail[] = [];
      byRegion.addEventListener(SX_DRILL_THROUGH, (event) =>
        heard.push((event as CustomEvent<SxDrillThroughDetail>).detail),
      );
      expect(await byRegion.drillThrough({ region: '华东' })).toBe(true);
      expect(heard[0]?.days).toEqual({ column: 'date', from: '2024-07-01', through: AS_OF });
      const panel = document.querySelector<SxDrillPanel>('sx-drill-panel')!;
      await panel.updateComplete;
      // The page's DuckDB over the very same rows: those of 华东 dated within the alert's days.
      const [expected] = await duckdb(
        `SELECT count(*)::INT AS n, ROUND(CAST(SUM(amount) AS DOUBLE), 6) AS amount
         FROM duck_sales WHERE region = '华东' AND "date" BETWEEN DATE '2024-07-01' AND DATE '${AS_OF}'`,
      );
      const answer = (panel as unknown as { answer: DrillAnswer }).answer;
      expect(answer.position).toBe('none');
      expect(answer.count).toBe(Number(expected!.n));
      expect(answer.totals.amount).toBe(Number(expected!.amount));
      const shown = panel.shadowRoot!.querySelectorAll('table[part="rows"] tbody tr');
      expect(shown.length).toBe(Math.min(50, answer.count));
      const dateAt = answer.columns.indexOf('date');
      for (const row of shown) {
        const day = row.querySelectorAll('td')[dateAt]?.textContent?.trim() ?? '';
        expect(day).toMatch(/^2024-0[78]-\d\d$/);
        expect(day <= AS_OF).toBe(true);
      }
      expect(panel.shadowRoot!.textContent).toContain(`date from 2024-07-01 to ${AS_OF}`);
      panel.close();
      byRegion.remove();
    });

    it('paces by a company calendar and by seasonal weights to the same status and expected value on the cluster, DuckDB and a small file read in JS', async () => {
      // The daily sums as a small CSV, which the page reads in JS without its database.
      const sums = await duckdb(dailySums('region'));
      const csv = ['date,region,amount,target_share']
        .concat(sums.map((row) => [row.date, row.region, row.amount, row.target_share].join(',')))
        .join('\n');
      const small = document.createElement('sx-data-source') as HTMLElement & { file?: Blob };
      small.setAttribute('name', 'small_sales');
      small.file = new File([csv], 'small_sales.csv', { type: 'text/csv' });
      document.body.append(small);
      const smallTable = await pageEngine().sources.get('small_sales');
      expect(pageEngine().inMemory(smallTable)).toBeDefined();
      const paced: Record<string, string>[] = [
        { pacing: 'workdays', calendar: '/fixtures/pacing/company_calendar_2024.csv' },
        { pacing: 'seasonal', weights: '/fixtures/pacing/daily_weights_2024q3.csv' },
      ];
      for (const pacing of paced) {
        const origins: Record<string, string>[] = [
          { source: 'ch_sales' },
          { query: dailySums('region') },
          { source: 'small_sales' },
        ];
        const widgets = await Promise.all(
          origins.map((origin) =>
            mount('sx-variance-alerts', { ...origin, ...alertsOver('region'), ...pacing }),
          ),
        );
        await Promise.all(widgets.map((widget) => widget.pacingComplete));
        await Promise.all(widgets.map((widget) => drawn(widget)));
        const [cluster, duck, js] = widgets.map(alertsOf);
        const linear = await mount('sx-variance-alerts', {
          source: 'small_sales',
          ...alertsOver('region'),
        });
        expect(cluster?.length).toBe(5);
        expect(duck).toEqual(cluster);
        expect(js).toEqual(cluster);
        const [clusterTable, duckTable, jsTable] = widgets.map(dataTable);
        expect(duckTable).toEqual(clusterTable);
        expect(jsTable).toEqual(clusterTable);
        // The pacing is the one asked for: each region's expected value differs from linear's.
        const expectedOf = (alerts: VarianceAlert[] | undefined): (number | null)[] =>
          (alerts ?? []).map((alert) => (alert.kind === 'kpi' ? alert.kpi.expected : null));
        expect(expectedOf(cluster)).not.toEqual(expectedOf(alertsOf(linear)));
        for (const widget of [...widgets, linear]) widget.remove();
      }
      small.remove();
    });

    it('follows a treemap’s choice on the cluster: the alerts are summed for that region alone', async () => {
      const treemap = await mount('sx-target-treemap', {
        source: 'ch_sales',
        lang: 'zh-CN',
        levels: 'region,product_line',
        target: 'target_share',
        actual: 'amount',
      });
      const byRegion = await mount('sx-variance-alerts', {
        source: 'ch_sales',
        ...alertsOver('region'),
      });
      const byChannel = await mount('sx-variance-alerts', {
        source: 'ch_sales',
        ...alertsOver('channel', 'en'),
      });
      await drawn(treemap);
      const wholeChannels = alertsOf(byChannel);
      const asked = next(byChannel);
      tileNamed(treemap, '华东').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      // The channel alerts lack the region: the choice is a new request, filtered on the server.
      expect(await asked).toBe('load');
      await Promise.all([drawn(byRegion), drawn(byChannel)]);
      const eastChannels = await mount('sx-variance-alerts', {
        query: dailySums('channel', `WHERE region = '华东'`),
        ...alertsOver('channel', 'en'),
      });
      expect(alertsOf(byChannel)).toEqual(alertsOf(eastChannels));
      expect(alertsOf(byChannel)).not.toEqual(wholeChannels);
      expect(dataTable(byChannel)).toEqual(dataTable(eastChannels));
      // The region alerts keep their sums and show 华东's alone.
      const eastOnly = await mount('sx-variance-alerts', {
        query: dailySums('region', `WHERE region = '华东'`),
        ...alertsOver('region'),
      });
      expect(alertsOf(byRegion).map((alert) => alert.subject)).toEqual(['华东']);
      expect(alertsOf(byRegion)).toEqual(alertsOf(eastOnly));
      pageSelection().toggle('ch_sales', null, null);
      for (const element of [treemap, byRegion, byChannel, eastChannels, eastOnly])
        element.remove();
    });

    it('shows the tasks that end first, says how many of how many, and follows a choice', async () => {
      const tracker = await mount('sx-progress-tracker', {
        source: 'ch_tasks',
        lang: 'en',
        'as-of': TASKS_AS_OF,
      });
      const firstTasks = (where = ''): string =>
        `SELECT task, owner, planned_start, planned_end, progress FROM duck_tasks ${where}
         ORDER BY planned_end, planned_start, task LIMIT 200`;
      const reference = await mount('sx-progress-tracker', {
        query: firstTasks(),
        lang: 'en',
        'as-of': TASKS_AS_OF,
      });
      expect(tracker.state).toBe('ready');
      expect(rowsOf(tracker).length).toBe(200);
      expect(dataTable(tracker)).toEqual(dataTable(reference));
      const [all] = await duckdb('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM duck_tasks');
      expect(Number(all?.n)).toBe(ROWS);
      expect(shadowText(tracker, '.partial')).toBe(
        'Showing 200 of 1,000,000 tasks: those that end first.',
      );
      // Another widget's choice of an owner: read again on the server, and counted there.
      const asked = next(tracker);
      pageSelection().toggle('ch_tasks', { owner: '李四' }, null);
      expect(await asked).toBe('load');
      await drawn(tracker);
      const theirs = await mount('sx-progress-tracker', {
        query: firstTasks(`WHERE owner = '李四'`),
        lang: 'en',
        'as-of': TASKS_AS_OF,
      });
      expect(dataTable(tracker)).toEqual(dataTable(theirs));
      const [owned] = await duckdb(
        `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM duck_tasks WHERE owner = '李四'`,
      );
      expect(Number(owned?.n)).toBe(ROWS / 5);
      expect(shadowText(tracker, '.partial')).toBe(
        'Showing 200 of 200,000 tasks: those that end first.',
      );
      tracker.setAttribute('lang', 'zh-CN');
      await drawn(tracker);
      expect(shadowText(tracker, '.partial')).toBe('共 200,000 项任务，仅显示最先结束的 200 项。');
      pageSelection().toggle('ch_tasks', null, null);
      for (const element of [tracker, reference, theirs]) element.remove();
    });

    it('raises task alerts from the first 1,000 of the cluster’s tasks, and says so', async () => {
      const alerts = await mount('sx-variance-alerts', {
        source: 'ch_sales',
        ...alertsOver('region'),
        'tasks-source': 'ch_tasks',
      });
      await alerts.sidesComplete;
      await drawn(alerts);
      expect(shadowText(alerts, '.note[data-side="tasks"]')).toBe(
        '任务：仅根据全部 1,000,000 行中的前 1,000 行生成预警。',
      );
      // The same 1,000 tasks from DuckDB, judged by the domain core at the same day.
      const first = await duckdb(
        'SELECT task, owner, planned_start, planned_end, progress FROM duck_tasks ORDER BY task LIMIT 1000',
      );
      const rows = first.map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [key, String(value)])),
      );
      const behind = trackProgress(rows, { asOf: AS_OF, lang: 'zh-CN' })
        .tasks.filter((task) => task.state === 'lagging' || task.state === 'overdue')
        .map((task) => task.task)
        .sort();
      const raised = alertsOf(alerts)
        .filter((alert) => alert.kind === 'task')
        .map((alert) => alert.subject)
        .sort();
      expect(raised.length).toBeGreaterThan(10);
      expect(raised).toEqual(behind);
      alerts.remove();
    });

    it('says when the server no longer knows a column the widgets ask for', async () => {
      await commands.clickhouseOnEveryShard('alerts', [
        'DROP TABLE IF EXISTS sx_alert_broken',
        'DROP TABLE IF EXISTS sx_alert_broken_local',
        `CREATE TABLE sx_alert_broken_local AS ${FACTS}_local`,
        `INSERT INTO sx_alert_broken_local SELECT * FROM ${FACTS}_local`,
        `CREATE TABLE sx_alert_broken AS sx_alert_broken_local ENGINE = Distributed(stratex, currentDatabase(), sx_alert_broken_local, rand())`,
        'DROP TABLE IF EXISTS sx_task_broken',
        'DROP TABLE IF EXISTS sx_task_broken_local',
        `CREATE TABLE sx_task_broken_local AS ${TASKS}_local`,
        `INSERT INTO sx_task_broken_local SELECT * FROM ${TASKS}_local`,
        `CREATE TABLE sx_task_broken AS sx_task_broken_local ENGINE = Distributed(stratex, currentDatabase(), sx_task_broken_local, rand())`,
      ]);
      defineSource('ch_broken', onCluster('sx_alert_broken'));
      defineSource('ch_tasks_broken', onCluster('sx_task_broken'));
      const alerts = await mount('sx-variance-alerts', {
        source: 'ch_broken',
        ...alertsOver('channel'),
      });
      const tracker = await mount('sx-progress-tracker', {
        source: 'ch_tasks_broken',
        lang: 'en',
        'as-of': TASKS_AS_OF,
      });
      expect(alerts.state).toBe('ready');
      expect(tracker.state).toBe('ready');
      // The shards' tables lose a column the pages were told of.
      await commands.clickhouseOnEveryShard('alerts', [
        'ALTER TABLE sx_alert_broken_local DROP COLUMN channel',
        'ALTER TABLE sx_task_broken_local DROP COLUMN owner',
      ]);
      const failed = [next(alerts), next(tracker)];
      pageSelection().toggle('ch_broken', { region: '华北' }, null);
      pageSelection().toggle('ch_tasks_broken', { owner: '王五' }, null);
      expect(await Promise.all(failed)).toEqual(['error', 'error']);
      await Promise.all([drawn(alerts), drawn(tracker)]);
      expect(failureShown(alerts)).toContain('ClickHouse 找不到查询中的表、列或函数');
      expect(failureShown(alerts)).toContain('channel');
      expect(failureShown(tracker)).toContain(
        'ClickHouse does not know a table, column or function the query names',
      );
      expect(failureShown(tracker)).toContain('owner');
      for (const key of ['ch_broken', 'ch_tasks_broken']) pageSelection().toggle(key, null, null);
      alerts.remove();
      tracker.remove();
    });

    it('says the server’s memory limit and time limit, in the reader’s language', async () => {
      defineSource('ch_sales_memory', onCluster(FACTS, 'stratex_tight_memory'));
      defineSource('ch_tasks_memory', onCluster(TASKS, 'stratex_tight_memory'));
      defineSource('ch_sales_slow', onCluster(FACTS, 'stratex_tight_time'));
      defineSource('ch_tasks_slow', onCluster(TASKS, 'stratex_tight_time'));
      const widgets = await Promise.all([
        mount('sx-variance-alerts', { source: 'ch_sales_memory', ...alertsOver('region', 'en') }),
        mount('sx-progress-tracker', { source: 'ch_tasks_memory', lang: 'zh-CN' }),
        mount('sx-variance-alerts', { source: 'ch_sales_slow', ...alertsOver('region') }),
        mount('sx-progress-tracker', { source: 'ch_tasks_slow', lang: 'en' }),
      ]);
      const said = [
        'The query needed more memory than ClickHouse allows this reader',
        '查询所需内存超过 ClickHouse 为该只读用户设定的上限',
        'ClickHouse 未能按时返回结果，查询已停止',
        'ClickHouse did not answer in time; the query was stopped',
      ];
      for (const [index, widget] of widgets.entries()) {
        expect(widget.state).toBe('error');
        expect(failureShown(widget)).toContain(said[index]);
      }
      // The rest of the page keeps working: the same cluster still answers its reader.
      const fine = await mount('sx-progress-tracker', { source: 'ch_tasks', lang: 'en' });
      await until(() => fine.state === 'ready');
      expect(rowsOf(fine).length).toBe(200);
      for (const widget of [...widgets, fine]) widget.remove();
    });
  },
);

if (shards.length === 0) {
  describe('variance alerts and the progress tracker on a ClickHouse cluster', () => {
    it.skip('skipped: clickhouse-server is not installed (apt-get install clickhouse-server)', () => {});
  });
}
