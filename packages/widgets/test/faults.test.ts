import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHealthDetail, pageEngine } from '@stratex/data';
import '@stratex/widgets/define';
import { SX_DATA_ERROR, SX_DATA_LOAD, type SxDataErrorDetail } from '../src/base/events';
import { faultFile, publish } from './fault-files';
import { dataTable, mount, shadowText } from './helpers';

/**
 * Faults on a real page: the engine's worker killed mid-query and mid-load, files the
 * server refuses, breaks, trickles or changes (served by setup/fault-server.ts on the page's
 * own origin). Each ends in a specific state in the reader's language; the last good table
 * stays on screen until a new one is complete.
 */
const pageErrors: string[] = [];
addEventListener('error', (event) => pageErrors.push(`error: ${event.message}`));
addEventListener('unhandledrejection', (event) =>
  pageErrors.push(`unhandled rejection: ${String(event.reason)}`),
);

/** No fault may reach the page as an exception. */
afterEach(() => {
  document.body.replaceChildren();
  expect(pageErrors.splice(0)).toEqual([]);
});

type Widget = HTMLElement & { updateComplete: Promise<unknown>; state: string };

/** The page engine's worker as it is now. */
async function engineWorker(): Promise<Worker> {
  const recovering = (await pageEngine().connector()) as unknown as {
    current(): Promise<{ worker: Worker }>;
  };
  return (await recovering.current()).worker;
}

function nextHealth(wanted: DatabaseHealthDetail['health']): Promise<DatabaseHealthDetail> {
  return new Promise((resolve) => {
    const stop = pageEngine().onHealth((detail) => {
      if (detail.health !== wanted) return;
      stop();
      resolve(detail);
    });
  });
}

function nextEvent<T>(element: Element, type: string): Promise<T> {
  return new Promise((resolve) =>
    element.addEventListener(type, (event) => resolve((event as CustomEvent<T>).detail), {
      once: true,
    }),
  );
}

/** Resolves once `check` holds, polling (the states here follow the network and the worker). */
async function until(check: () => boolean, what: string, ms = 90_000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`Still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const achievements = (element: Element): string[] => dataTable(element).map((row) => row[3] ?? '');

describe('the engine’s worker killed', () => {
  // A page starts its engine as the script loads (`warmUp`), while its small files are read
  // in JS: so does this one, before it kills the worker.
  beforeAll(async () => {
    pageEngine().warmUp();
    await pageEngine().records('SELECT 1');
  });

  it('mid-query: the query widget says the engine is restarting, its neighbour keeps its table, both recover', async () => {
    const neighbour = (await mount('sx-scorecard', {
      src: '/fixtures/template/evaluation.csv',
      lang: 'zh-CN',
    })) as Widget;
    expect(achievements(neighbour)).toEqual(['108%', '80%', '93%']);

    const slowQuery =
      "SELECT '收入' AS 评估维度, 500 AS 目标值, 540 + (sum(hash(i)) % 1)::INT AS 实际值 " +
      'FROM range(120000000) AS t(i)';
    const busy = document.createElement('sx-scorecard') as Widget;
    busy.setAttribute('lang', 'zh-CN');
    busy.setAttribute('query', slowQuery);
    const failed = nextEvent<SxDataErrorDetail>(busy, SX_DATA_ERROR);
    const recovering = nextHealth('recovering');
    // Kill only once the widget's query is on its way to the worker.
    const engine = pageEngine();
    const query = engine.query.bind(engine);
    const sent = new Promise<void>((resolve) => {
      engine.query = (sql, params, options) => {
        if (sql === slowQuery) resolve();
        return query(sql, params, options);
      };
    });
    document.body.append(busy);
    await sent;
    engine.query = query;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(busy.state).toBe('loading');
    const worker = await engineWorker();
    const reloaded = nextEvent(busy, SX_DATA_LOAD);
    worker.terminate();

    await recovering;
    await neighbour.updateComplete;
    expect(shadowText(neighbour, '[part="notice"]')).toContain('查询引擎已停止，正在重启');
    expect(achievements(neighbour)).toEqual(['108%', '80%', '93%']);

    expect((await failed).message).toBe(
      '读取这些数据时查询引擎停止了；引擎正在重启，数据将重新加载。',
    );
    await reloaded;
    await busy.updateComplete;
    expect(busy.state).toBe('ready');
    expect(achievements(busy)).toEqual(['108%']);
    await until(() => pageEngine().health.health === 'ready', 'the engine to be ready');
    await neighbour.updateComplete;
    expect(neighbour.shadowRoot?.querySelector('[part="notice"]')).toBeNull();
    expect(achievements(neighbour)).toEqual(['108%', '80%', '93%']);
  }, 120_000);

  it('mid-load: the widget says so in English, then shows the file once the new engine has loaded it', async () => {
    const src = '/__faults/rows/kill-mid-load.csv?rows=200000';
    const live = pageEngine().fileSource(new URL(src, document.baseURI).href);
    const worker = await engineWorker();
    // Killed once the database is reading the rows (a worker killed before the load reaches
    // it is rebuilt in time, and the load simply runs on the new one).
    live.addEventListener('progress', (event) => {
      if ((event as CustomEvent<{ phase: string }>).detail.phase === 'load') worker.terminate();
    });
    const treemap = document.createElement('sx-target-treemap') as Widget;
    for (const [name, value] of Object.entries({ src, levels: '区域', lang: 'en' }))
      treemap.setAttribute(name, value);
    const failed = nextEvent<SxDataErrorDetail>(treemap, SX_DATA_ERROR);
    const loaded = nextEvent(treemap, SX_DATA_LOAD);
    document.body.append(treemap);

    expect((await failed).message).toBe(
      'The query engine stopped while reading these figures; it is restarting and they will reload.',
    );
    await loaded;
    await treemap.updateComplete;
    expect(treemap.state).toBe('ready');
    expect(dataTable(treemap).map((row) => row[0])).toEqual(
      expect.arrayContaining(['华东', '华南', '华北', '西南', '西北', '东北']),
    );
  }, 120_000);
});

describe('a file the server will not give', () => {
  it.each([
    ['404', 'zh-CN', '服务器上没有这个文件（404）：evaluation.csv'],
    ['404', 'en', 'The file is not on the server (404): evaluation.csv'],
    ['500', 'zh-CN', '服务器发送文件时出错：evaluation.csv'],
    ['500', 'en', 'The server failed while sending the file: evaluation.csv'],
    ['403', 'en', 'The server refused to send the file: evaluation.csv'],
  ])('answered %s is shown in %s, and the page goes on', async (status, lang, expected) => {
    const broken = await mount('sx-scorecard', {
      src: `/__faults/status/${status}/evaluation.csv`,
      lang,
    });
    expect(broken.state).toBe('error');
    expect(shadowText(broken, '[data-state="error"] span')).toBe(expected);
    expect(shadowText(broken, '[data-state="error"] small')).toContain(`answered ${status}`);
    const working = await mount('sx-scorecard', { src: '/fixtures/template/evaluation.csv', lang });
    expect(achievements(working)).toEqual(['108%', '80%', '93%']);
  });
});

describe('a source that trickles in over 30 seconds', () => {
  it('shows loading with progress, lets other widgets load meanwhile, then shows its figures', async () => {
    const slow = document.createElement('sx-target-treemap') as Widget;
    const src = '/__faults/slow/slow.csv?seconds=30&rows=30000';
    for (const [name, value] of Object.entries({ src, levels: '区域', lang: 'zh-CN' }))
      slow.setAttribute(name, value);
    const loaded = nextEvent(slow, SX_DATA_LOAD);
    document.body.append(slow);

    const fractions = new Set<number>();
    const progress = (): HTMLProgressElement | null | undefined =>
      slow.shadowRoot?.querySelector<HTMLProgressElement>('[data-state="loading"] progress');
    await until(() => {
      const bar = progress();
      if (bar?.hasAttribute('value')) fractions.add(bar.value);
      return [...fractions].some((fraction) => fraction > 0.25 && fraction < 0.75);
    }, 'progress past a quarter');
    expect(shadowText(slow, '[data-state="loading"] span')).toBe('正在加载数据…');

    const meanwhile = await mount('sx-scorecard', { src: '/fixtures/template/evaluation.csv' });
    expect(achievements(meanwhile)).toEqual(['108%', '80%', '93%']);
    expect(slow.state).toBe('loading');

    await loaded;
    await slow.updateComplete;
    expect(slow.state).toBe('ready');
    expect(dataTable(slow)).toHaveLength(6);
    expect(fractions.size).toBeGreaterThan(3);
  }, 120_000);
});

describe('a source refreshed while its file is broken or changed', () => {
  it('keeps the last good table through a cut download and a truncated file, then shows the new version', async () => {
    const key = 'refresh-evaluation';
    const original = await (await fetch('/fixtures/template/evaluation.csv')).arrayBuffer();
    await publish(key, original);
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'evaluation-refreshed');
    source.setAttribute('src', faultFile(key));
    document.body.append(source);
    const scorecard = await mount('sx-scorecard', {
      source: 'evaluation-refreshed',
      lang: 'zh-CN',
    });
    expect(achievements(scorecard)).toEqual(['108%', '80%', '93%']);
    const live = pageEngine().source('evaluation-refreshed');
    let loads = 0;
    scorecard.addEventListener(SX_DATA_LOAD, () => loads++);

    // Unchanged (304): nothing reloads.
    await live?.refresh();
    expect(loads).toBe(0);

    // The connection breaks half-way through the new version.
    await publish(key, original, true);
    await expect(live?.refresh()).rejects.toThrow(/broke off/);
    await scorecard.updateComplete;
    expect(source.getAttribute('state')).toBe('stale');
    expect(shadowText(scorecard, '[part="notice"]')).toContain('文件刷新失败');
    expect(achievements(scorecard)).toEqual(['108%', '80%', '93%']);

    // A Parquet file cut in the middle, served whole.
    const parquet = new Uint8Array(
      await (await fetch('/fixtures/parquet/evaluation.zstd.parquet')).arrayBuffer(),
    );
    await publish(key, parquet.slice(0, Math.floor(parquet.byteLength / 2)));
    await expect(live?.refresh()).rejects.toThrow(/could not be read as Parquet/);
    await scorecard.updateComplete;
    expect(source.getAttribute('state')).toBe('stale');
    expect(achievements(scorecard)).toEqual(['108%', '80%', '93%']);
    expect(loads).toBe(0);

    // The file changes: the new figures replace the old, and the notice goes.
    const changed = new TextDecoder().decode(original).replace('540万元,108%', '600万元,120%');
    await publish(key, changed);
    const reloaded = nextEvent(scorecard, SX_DATA_LOAD);
    await live?.refresh();
    await reloaded;
    await scorecard.updateComplete;
    expect(source.getAttribute('state')).toBe('ready');
    expect(achievements(scorecard)).toEqual(['120%', '80%', '93%']);
    expect(scorecard.shadowRoot?.querySelector('[part="notice"]')).toBeNull();
  }, 120_000);
});
