/* global URLSearchParams, location, requestAnimationFrame, performance */
// Once both treemaps on the facts are drawn, opens the rows behind `opens` figures one by one,
// as a page's script would (`drillThrough(figure)`): regions, channels, region × product line
// tiles, then each region's tile under a channel chosen in the other treemap (a figure
// filtered on a column it is not grouped by). Each open is timed from the call to the frame
// after the panel shows its first page, count and totals; then its next page. Beside each,
// DuckDB-WASM by hand on the same worker and rows: `SELECT * … LIMIT 50` and `count(*)`.
// Stops at the first count that differs. Reports window.benchDone.
import { pageEngine } from './stratex/stratex.js';

const params = new URLSearchParams(location.search);
const OPENS = Number(params.get('opens') ?? 20);
const regions = document.getElementById('regions');
const channels = document.getElementById('channels');
const widgets = [regions, channels];
document.getElementById('sales').setAttribute('src', params.get('src'));

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const settled = (widget) => widget.state === 'ready' && !widget.isBusy && !widget.isUpdatePending;

async function drawn() {
  for (;;) {
    await Promise.all(widgets.map((widget) => widget.updateComplete));
    if (widgets.every(settled)) return;
    await frame();
  }
}

/** The first column of a widget's data table: the figures it draws at its top level. */
const drawnLabels = (widget) =>
  Array.from(
    widget.shadowRoot.querySelectorAll('[part="data-table"] tbody tr'),
    (row) => row.children[0]?.textContent?.trim() ?? '',
  );

/** DuckDB-WASM by hand, on the engine's worker: the first page and the count. */
async function byHand(table, filter) {
  const columns = Object.keys(filter);
  const where = columns.map((column) => `"${column}" = ?`).join(' AND ');
  const values = columns.map((column) => filter[column]);
  const engine = pageEngine();
  const started = performance.now();
  await engine.records(`SELECT * FROM "${table}" WHERE ${where} LIMIT 50`, values);
  const [counted] = await engine.records(
    `SELECT count(*)::INT AS n FROM "${table}" WHERE ${where}`,
    values,
  );
  return { ms: performance.now() - started, count: Number(counted?.n) };
}

/** Opens the panel of one figure; its time to the frame after its first page, and the next page's. */
async function open(widget, figure, index) {
  performance.mark(`sx-drill-open-${index}`);
  const started = performance.now();
  if (!(await widget.drillThrough(figure)))
    throw new Error(`no panel for ${JSON.stringify(figure)}`);
  await frame();
  const ms = performance.now() - started;
  performance.mark(`sx-drill-open-${index}-done`);
  const panel = document.querySelector('sx-drill-panel');
  const count = panel.answer.count;
  const turned = performance.now();
  await panel.page(50);
  await frame();
  const next = performance.now() - turned;
  panel.close();
  return { ms, next, count };
}

async function run() {
  while (!widgets.every(settled)) await frame();
  await drawn();
  // The case starts its trace of the main thread now, and says when it runs.
  window.benchReady = true;
  while (!window.benchGo) await frame();
  const loaded = await pageEngine().sources.get('sales');
  const table = loaded.typedTable ?? loaded.table;
  const lines = await pageEngine().records(
    `SELECT DISTINCT CAST(region AS VARCHAR) AS region, CAST(product_line AS VARCHAR) AS product_line FROM "${table}" ORDER BY 1, 2`,
  );
  const byRegion = drawnLabels(regions).map((region) => ({ region }));
  const byChannel = drawnLabels(channels).map((channel) => ({ channel }));
  const tiles = lines.map((row) => ({ region: row.region, product_line: row.product_line }));
  const plain = [
    ...byRegion.map((figure) => [regions, figure]),
    ...byChannel.map((figure) => [channels, figure]),
    ...tiles
      .slice(0, Math.max(0, OPENS - byRegion.length * 2 - byChannel.length))
      .map((figure) => [regions, figure]),
  ];
  const samples = [];
  const measure = async (widget, figure, filter) => {
    const stratex = await open(widget, figure, samples.length);
    const hand = await byHand(table, filter);
    if (hand.count !== stratex.count)
      throw new Error(`${JSON.stringify(filter)}: ${stratex.count} rows, by hand ${hand.count}`);
    samples.push({ filter, ms: stratex.ms, next: stratex.next, hand: hand.ms, count: hand.count });
  };
  for (const [widget, figure] of plain) await measure(widget, figure, figure);
  // A channel chosen in the other treemap: each region's figure is now filtered by it too.
  const channel = byChannel[0].channel;
  globalThis[Symbol.for('stratex.selection')].toggle('sales', { channel }, channels);
  await frame();
  await drawn();
  for (const figure of byRegion) {
    if (samples.length >= OPENS) break;
    await measure(regions, figure, { channel, ...figure });
  }
  window.benchDone = { ms: 0, samples, format: loaded.file };
}

run().catch((error) => {
  window.benchDone = { ms: NaN, error: String(error?.stack ?? error) };
});
