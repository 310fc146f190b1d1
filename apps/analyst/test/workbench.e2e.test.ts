import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../vite.config';
import { startStaticServer } from '../../portal-demo/static-server.mjs';
import {
  droppedFile,
  dropOnZone,
  eastChinaPreview,
  evaluationPreview,
  fixture,
} from './workbench-figures';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const template = fileURLToPath(new URL('../../../fixtures/template/', import.meta.url));
const hostile = fileURLToPath(new URL('../../../fixtures/hostile/files/', import.meta.url));
const axePath = fileURLToPath(
  new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url),
);
const parquet = fileURLToPath(new URL('../../../fixtures/parquet/', import.meta.url));

let server: Server;
let browser: Browser;
let origin: string;
const scratch: string[] = [];

beforeAll(async () => {
  if (!existsSync(`${dist}index.html`) || !existsSync(`${dist}stratex/stratex.js`)) {
    throw new Error('apps/analyst/dist is missing: run `pnpm run build` before the tests.');
  }
  server = await startStaticServer(dist, 0);
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
});

interface PageRecord {
  page: Page;
  blocked: string[];
  problems: string[];
}

/** Opens `url` with every request to another origin refused and recorded, and errors recorded. */
async function open(url: string): Promise<PageRecord> {
  const own = new URL(url).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: own });
  const page = await context.newPage();
  const blocked: string[] = [];
  const problems: string[] = [];
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested.startsWith(own) || /^(blob|data):/.test(requested)) return route.continue();
    blocked.push(requested);
    return route.abort('blockedbyclient');
  });
  page.on('console', (entry) => {
    if (entry.type() === 'error') problems.push(entry.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  return { page, blocked, problems };
}

/** Drops files on the workbench's drop zone, as a person dragging them from the desktop. */
async function dropFiles(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  await page.locator('.drop-zone').waitFor();
  await page.evaluate(
    dropOnZone,
    files.map((file) => droppedFile(file.name, file.bytes)),
  );
}

async function tableRows(page: Page, selector: string): Promise<string[][]> {
  const rows = page.locator(`${selector} [part="data-table"] tbody tr`);
  await rows.first().waitFor({ state: 'attached', timeout: 90_000 });
  return rows.evaluateAll((elements) =>
    elements.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? '')),
  );
}

// Each case starts the engine in a fresh browser context; a busy machine can make that slow.
describe('analyst workbench, built', { timeout: 150_000 }, () => {
  it('reads a dropped Excel workbook as it reads the CSV, and previews the same figures', async () => {
    const { page, problems } = await open(`${origin}/`);
    const workbook = readFileSync(
      fileURLToPath(new URL('../../../fixtures/xlsx/evaluation.xlsx', import.meta.url)),
    );
    await dropFiles(page, [{ name: 'evaluation.xlsx', bytes: workbook }]);
    const report = page.locator('analyst-load-report');
    await expect
      .poll(() => report.locator('[data-fact="rows"] dd').textContent(), { timeout: 90_000 })
      .toBe('3');
    const mapper = page.locator('analyst-role-mapper');
    expect(await mapper.locator('#map-scorecard-target').inputValue()).toBe('目标值');
    await expect
      .poll(() => tableRows(page, 'analyst-widget-preview sx-scorecard'), { timeout: 60_000 })
      .toHaveLength(3);
    const preview = await tableRows(page, 'analyst-widget-preview sx-scorecard');
    expect(preview.map((row) => [row[0], row[1], row[2], row[3], row[4]])).toEqual(
      evaluationPreview,
    );
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('reads a dropped GBK export, maps it, previews it, and its snippet renders the same figures elsewhere', async () => {
    const { page, blocked, problems } = await open(`${origin}/`);
    await dropFiles(page, [{ name: 'evaluation.gbk.csv', bytes: fixture('evaluation.gbk.csv') }]);

    const report = page.locator('analyst-load-report');
    await expect
      .poll(() => report.locator('[data-fact="encoding"] dd').textContent(), { timeout: 90_000 })
      .toContain('GBK');
    expect(await report.locator('[data-fact="rows"] dd').textContent()).toBe('3');
    expect(await report.locator('[data-fact="header-row"] dd').textContent()).toContain('1');
    const kinds = await report
      .locator('.columns-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.textContent?.replace(/\s+/g, ' ').trim()));
    expect(kinds[0]).toContain('评估维度');
    expect(kinds[3]).toMatch(/达成率.*百分比/);

    const mapper = page.locator('analyst-role-mapper');
    expect(await mapper.locator('#map-scorecard-dimension').inputValue()).toBe('评估维度');
    expect(await mapper.locator('#map-scorecard-target').inputValue()).toBe('目标值');
    expect(await mapper.locator('#map-scorecard-actual').inputValue()).toBe('实际值');

    const preview = await tableRows(page, 'analyst-widget-preview sx-scorecard');
    expect(preview.map((row) => [row[0], row[1], row[2], row[3], row[4]])).toEqual(
      evaluationPreview,
    );

    await page.locator('analyst-snippet-panel button.copy').click();
    await expect
      .poll(() => page.locator('analyst-snippet-panel .copy-state').textContent())
      .toContain('已复制');
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toContain('<script type="module" src="/stratex/stratex.js"></script>');
    expect(snippet).toContain('<sx-data-source name="evaluation_gbk" src="evaluation.gbk.csv"');
    expect(snippet).toContain('<sx-scorecard source="evaluation_gbk"');
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();

    // A blank page with only the snippet, beside the built stratex.js and the export.
    const site = mkdtempSync(join(tmpdir(), 'stratex-snippet-'));
    scratch.push(site);
    cpSync(`${dist}stratex/`, join(site, 'stratex/'), { recursive: true });
    writeFileSync(join(site, 'evaluation.gbk.csv'), fixture('evaluation.gbk.csv'));
    writeFileSync(
      join(site, 'index.html'),
      `<!doctype html>\n<html>\n<head><meta charset="utf-8"><title>blank</title></head>\n<body>\n${snippet}</body>\n</html>\n`,
    );
    const blank = await startStaticServer(site, 0, {
      'content-security-policy':
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:",
    });
    try {
      const pasted = await open(`http://localhost:${(blank.address() as AddressInfo).port}/`);
      const rendered = await tableRows(pasted.page, 'sx-scorecard');
      expect(rendered).toEqual(preview);
      expect(pasted.blocked).toEqual([]);
      expect(pasted.problems).toEqual([]);
      await pasted.page.context().close();
    } finally {
      await new Promise((resolve) => blank.close(resolve));
    }
  });

  it('shows a query refusal inline, runs a good query, and switches the preview to English', async () => {
    const { page, blocked } = await open(`${origin}/`);
    await dropFiles(page, [{ name: 'evaluation.gbk.csv', bytes: fixture('evaluation.gbk.csv') }]);
    await tableRows(page, 'analyst-widget-preview sx-scorecard');

    const sql = page.locator('analyst-query-panel textarea');
    await sql.fill('SELECT * FROM secrets');
    await sql.press('Control+Enter');
    const error = page.locator('analyst-query-panel .query-error');
    await expect.poll(() => error.textContent(), { timeout: 30_000 }).toContain('查询被拒绝');
    expect(await error.textContent()).toContain('evaluation_gbk');
    expect(await sql.getAttribute('aria-invalid')).toBe('true');

    await sql.fill('SELECT 评估维度 FROM evaluation_gbk ORDER BY 评估维度');
    await page.locator('analyst-query-panel button').click();
    const cells = page.locator('analyst-query-panel .query-result tbody td');
    await expect
      .poll(() => cells.allTextContents(), { timeout: 30_000 })
      .toEqual(['新客户数', '线索转化率', '销售额'].sort());
    expect(await page.locator('analyst-query-panel .query-error').count()).toBe(0);

    await page.locator('.lang-toggle').click();
    await expect
      .poll(async () =>
        (await tableRows(page, 'analyst-widget-preview sx-scorecard')).map((row) => row[4]),
      )
      .toEqual(['On track', 'Off track', 'At risk']);
    expect(await page.locator('analyst-load-report [data-fact="encoding"] dt').textContent()).toBe(
      'Encoding',
    );
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  it('names the target that lacks a deadline, and reconciles a breakdown with its stated total', async () => {
    const { page } = await open(`${origin}/`);
    const targets = fixture('targets.csv')
      .toString('utf8')
      .replace('新签合同数,30家,2024 Q3', '新签合同数,30家,');
    await dropFiles(page, [
      { name: 'targets.csv', bytes: Buffer.from(targets, 'utf8') },
      { name: 'region_targets.csv', bytes: fixture('region_targets.csv') },
    ]);
    await page.locator('.file[data-source="targets"] .status.ready').waitFor({ timeout: 90_000 });

    await page.locator('.file[data-source="targets"] .file-choice').click();
    const smart = page.locator('analyst-checks-panel .smart-check');
    await expect.poll(() => smart.textContent(), { timeout: 60_000 }).toContain('4 条目标已检查');
    const issues = await smart.locator('.smart-issues li').allTextContents();
    expect(issues.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      'T 行 3: 没有可识别的完成时限（T 有时限）',
    ]);

    await page.locator('.file[data-source="region_targets"] .file-choice').click();
    const rollup = page.locator('analyst-checks-panel .rollup-check');
    await page.locator('analyst-checks-panel input[name="stated-total"]').fill('520万');
    await page.locator('analyst-checks-panel input[name="stated-total"]').press('Tab');
    await expect
      .poll(() => rollup.textContent(), { timeout: 60_000 })
      .toContain('比 520万 少 20万');
    expect(await rollup.locator('.rollup-total strong').textContent()).toBe('500万');
    const regions = await tableRows(page, 'analyst-widget-preview sx-target-treemap');
    expect(regions.find((row) => row[0] === '华东')?.slice(1, 4)).toEqual(eastChinaPreview);
    await page.context().close();
  });

  it('reads chosen Parquet files: the evaluation previews with the CSV figures, the sales sample answers SQL', async () => {
    const { page, blocked, problems } = await open(`${origin}/`);
    await page.setInputFiles(
      'input[type=file]',
      ['evaluation.zstd.parquet', 'sales_sample.zstd.parquet'].map((name) => join(parquet, name)),
    );
    await expect
      .poll(() => page.locator('analyst-load-report [data-fact="format"] dd').textContent(), {
        timeout: 90_000,
      })
      .toBe('PARQUET');
    const rows = await tableRows(page, 'analyst-widget-preview sx-scorecard');
    expect(rows.map((row) => [row[0], row[3], row[4]])).toEqual([
      ['销售额', '108%', '达标'],
      ['线索转化率', '80%', '未达标'],
      ['新客户数', '93%', '有风险'],
    ]);
    await page
      .locator('.file[data-source="sales_sample_zstd"] .status.ready')
      .waitFor({ timeout: 90_000 });
    const sql = page.locator('analyst-query-panel textarea');
    await sql.fill(
      'SELECT count(*) AS n, count(DISTINCT region) AS regions FROM sales_sample_zstd',
    );
    await sql.press('Control+Enter');
    await expect
      .poll(() => page.locator('analyst-query-panel .query-result tbody td').allTextContents(), {
        timeout: 30_000,
      })
      .toEqual(['5000', '4']);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('answers SQL over the typed columns: sum(目标值) of a CSV needs no cast, read in JS or by the database', async () => {
    const { page, blocked, problems } = await open(`${origin}/`);
    const regions = fixture('region_targets.csv').toString('utf8').trim().split(/\r?\n/).slice(1);
    const regionTotal = regions.reduce((sum, line) => sum + Number(line.split(',')[3]), 0);
    // One that the JS reading leaves to the database itself: its notes are four fifths figures in
    // the first 2,500 rows and all text after them, so the planning's random draw decides
    // what kind they are.
    const note = (at: number): string => (at < 2_500 && at % 5 !== 0 ? String(at) : '待定');
    const weekly = Array.from(
      { length: 3_000 },
      (_, at) => `任务${at + 1},${at + 1}万元,2024/6/${(at % 30) + 1},${note(at)}`,
    );
    await dropFiles(page, [
      { name: 'region_targets.csv', bytes: fixture('region_targets.csv') },
      {
        name: 'weekly_targets.csv',
        bytes: Buffer.from(`任务,目标值,日期,备注\n${weekly.join('\n')}\n`),
      },
    ]);
    for (const source of ['region_targets', 'weekly_targets']) {
      await page
        .locator(`.file[data-source="${source}"] .status.ready`)
        .waitFor({ timeout: 90_000 });
    }
    const sql = page.locator('analyst-query-panel textarea');
    const cells = page.locator('analyst-query-panel .query-result tbody td');
    await sql.fill('SELECT sum(目标值) AS total FROM region_targets');
    await sql.press('Control+Enter');
    await expect
      .poll(() => cells.allTextContents(), { timeout: 60_000 })
      .toEqual([String(regionTotal)]);
    await sql.fill(
      "WITH june AS (SELECT * FROM weekly_targets WHERE 日期 >= DATE '2024-06-01')\nSELECT sum(目标值) AS total, max(日期) AS last FROM june",
    );
    await sql.press('Control+Enter');
    await expect
      .poll(() => cells.allTextContents(), { timeout: 60_000 })
      .toEqual([String(((3_000 * 3_001) / 2) * 10_000), '2024-06-30']);
    expect(await page.locator('analyst-query-panel .query-error').count()).toBe(0);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('says why a damaged file could not be read while the other dropped file still previews', async () => {
    const { page, blocked } = await open(`${origin}/`);
    const damaged = Buffer.concat([
      Buffer.from('PAR1'),
      fixture('evaluation.csv').subarray(0, 64),
      Buffer.from('PAR1'),
    ]);
    await dropFiles(page, [
      { name: 'damaged.parquet', bytes: damaged },
      { name: 'evaluation.gbk.csv', bytes: fixture('evaluation.gbk.csv') },
    ]);
    const failure = page.locator('.file[data-source="damaged"] .status.error');
    await failure.waitFor({ timeout: 90_000 });
    expect(await failure.getAttribute('role')).toBe('alert');
    expect(await failure.textContent()).toContain('damaged.parquet');
    await page.locator('.file[data-source="evaluation_gbk"] .file-choice').click();
    const rows = await tableRows(page, 'analyst-widget-preview sx-scorecard');
    expect(rows.map((row) => row[3])).toEqual(['108%', '80%', '93%']);
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  it('shows the header found under title rows, and each rejected row with its line and reason', async () => {
    const { page } = await open(`${origin}/`);
    await page.setInputFiles(
      'input[type=file]',
      ['title-row-padded.csv', 'ragged-rows.csv'].map((name) => join(hostile, name)),
    );
    const report = page.locator('analyst-load-report');
    await expect
      .poll(() => report.locator('[data-fact="header-row"] dd').textContent(), { timeout: 90_000 })
      .toBe('第 3 行');
    expect(await report.locator('[data-fact="title-rows"] dd').textContent()).toBe('2');
    await page
      .locator('.file[data-source="ragged_rows"] .status.ready')
      .waitFor({ timeout: 90_000 });
    await page.locator('.file[data-source="ragged_rows"] .file-choice').click();
    const rejects = report.locator('.rejects-table tbody tr');
    await rejects.first().waitFor();
    const listed = await rejects.evaluateAll((rows) =>
      rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? '')),
    );
    expect(listed.map((row) => row[0])).toEqual(['3', '4']);
    expect(listed.every((row) => (row[3] ?? '').length > 0)).toBe(true);
    expect(await report.locator('[data-fact="rows"] dd').textContent()).toBe('3');
    await page.context().close();
  });

  it('reaches the file chooser and changes a role by keyboard, and passes axe with data loaded', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    // The file chooser is reached with Tab, like every other control.
    await page.locator('.drop-zone').waitFor();
    let reached = false;
    for (let step = 0; step < 5 && !reached; step++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.type === 'file',
      );
    }
    expect(reached).toBe(true);
    await page.setInputFiles('input[type=file]', join(template, 'evaluation.gbk.csv'));
    await tableRows(page, 'analyst-widget-preview sx-scorecard');
    // A role is changed with the keyboard: the scorecard's weight takes the rate column.
    await page.locator('#map-scorecard-weight').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#map-scorecard-weight').inputValue()).not.toBe('');
    await expect
      .poll(() => page.locator('analyst-snippet-panel textarea').inputValue())
      .toContain('weight-column=');
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (node: Node) => Promise<AxeResults> } }).axe;
      interface AxeResults {
        violations: { id: string; impact: string | null; nodes: unknown[] }[];
      }
      const results = await axe.run(document);
      return results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id} (${violation.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('reads a dropped Arrow file made from the template evaluation into the same scorecard', async () => {
    const [header, ...lines] = fixture('evaluation.csv').toString('utf8').trim().split(/\r?\n/);
    const names = (header ?? '').split(',');
    const cells = lines.map((line) => line.split(','));
    const arrow = tableToIPC(
      tableFromArrays(
        Object.fromEntries(
          names.map((name, index) => [name, cells.map((row) => row[index] ?? '')]),
        ),
      ),
      'file',
    );
    const { page, blocked, problems } = await open(`${origin}/`);
    await dropFiles(page, [{ name: 'evaluation.arrow', bytes: Buffer.from(arrow) }]);
    await expect
      .poll(() => page.locator('analyst-load-report [data-fact="format"] dd').textContent(), {
        timeout: 90_000,
      })
      .toBe('ARROW');
    const rows = await tableRows(page, 'analyst-widget-preview sx-scorecard');
    expect(rows.map((row) => [row[0], row[3]])).toEqual([
      ['销售额', '108%'],
      ['线索转化率', '80%'],
      ['新客户数', '93%'],
    ]);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
