// Turns bench/results/latest.json into latest.md (ratios per case), growth.svg (how cost
// grows with rows) and the "Measured" table of docs/benchmarks.md (between its bench markers).
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import {
  contestantName,
  contestantsOf,
  CASE_NAMES,
  groups,
  ratio,
  ratioTable,
  rowsLabel,
  seconds,
} from './lib/ratio-table.ts';
import {
  type BenchResults,
  type ClusterResults,
  CONTESTANTS,
  type Contestant,
  type Memory,
  type WorkbookResult,
} from './lib/results.ts';
import type { CoiResult } from './cases/coi.ts';
import { drillSection } from './cases/drill.ts';
import { whatIfSection } from './cases/what-if.ts';
import { drillBrowserSection } from './cases/drill-browser.ts';
import { benchPath } from './lib/site.ts';
import { median } from './lib/stats.ts';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

function memoryLine(memory: Memory): string {
  const what =
    memory.widgets === 1
      ? `One treemap on a ${rowsLabel(memory.rows)}-row ${memory.format.toUpperCase()} source`
      : `${memory.widgets} widgets on one ${rowsLabel(memory.rows)}-row ${memory.format.toUpperCase()} source`;
  const tree =
    memory.peak_tree_rss_mb !== undefined && memory.baseline_peak_tree_rss_mb !== undefined
      ? `; the whole browser process tree, summed, at most ${memory.peak_tree_rss_mb} MB (by hand: ${memory.baseline_peak_tree_rss_mb} MB)`
      : '';
  return `${what}: peak JS heap ${memory.peak_js_heap_mb} MB, peak renderer RSS ${memory.peak_renderer_rss_mb} MB (the hand-written DuckDB-WASM page on the same file: ${memory.baseline_peak_renderer_rss_mb} MB, ratio ${(memory.peak_renderer_rss_mb / memory.baseline_peak_renderer_rss_mb).toFixed(2)})${tree}, workers started: ${memory.workers}.`;
}

/** What the column of the earlier build compares. */
function beforeLine(before: NonNullable<BenchResults['before']>): string {
  return `“÷ Stratex at ${before.rev}” is this build ÷ the build of ${before.rev} (commit \`${before.commit.slice(0, 12)}\`), built in a git worktree of its own and served beside this one in the same run, on the same pages, alternating: below 1 this build is faster.`;
}

function markdown(results: BenchResults, name: string): string {
  const lines: string[] = [
    '# Benchmark results',
    '',
    `${results.date.slice(0, 10)} · commit \`${results.commit.slice(0, 12)}\` · ${results.mode} run · ${results.machine}`,
    '',
    `Written by \`pnpm bench${results.mode === 'quick' ? ' --quick' : ''}\` from \`${name}.json\`; do not edit by hand. Times run from navigation`,
    '(the page clock’s origin) to the frame on which the result is drawn, each load in a fresh',
    'headless Chromium with an empty profile, contestants alternating, the first run of each case',
    'discarded. Ratios are Stratex ÷ the other contestant’s median: below 1 Stratex is faster.',
    ...(results.before ? ['', beforeLine(results.before)] : []),
    '',
    '## Ratios',
    '',
    ...ratioTable(results),
  ];
  const contestants = contestantsOf(results);
  lines.push('', '## Every contestant: median (p95), runs, peak renderer RSS', '');
  lines.push(`| case | ${contestants.map((name) => contestantName(name, results)).join(' | ')} |`);
  lines.push(`| --- | ${contestants.map(() => '---').join(' | ')} |`);
  for (const group of groups(results)) {
    const cells = contestants.map((name) => {
      const result = group.byContestant[name];
      if (!result) return '—';
      const rss = result.peak_rss_mb ? `, ${result.peak_rss_mb} MB` : '';
      if (result.runs === 0) return `every run failed (${result.failed_runs})`;
      const failed = result.failed_runs ? `, ${result.failed_runs} failed` : '';
      return `${seconds(result.median_ms)} (${seconds(result.p95_ms)}), n=${result.runs}${failed}${rss}`;
    });
    lines.push(`| ${group.label} | ${cells.join(' | ')} |`);
  }
  lines.push(
    '',
    'What each contestant does:',
    '',
    '- navigation → treemap drawn: Stratex is `sx-data-source` + `sx-target-treemap` from `packages/embed/dist`, as a page author writes them; the others fetch, parse, GROUP BY region × product line (SUM target, SUM actual) and draw a d3 treemap (Perspective: its viewer with the d3fc Treemap plugin).',
  );
  const notes = new Set<string>();
  for (const result of results.cases) {
    const family = result.case.startsWith('portal') ? 'portal demo' : CASE_NAMES[result.case];
    if (result.note)
      notes.add(`- ${family}, ${contestantName(result.contestant, results)}: ${result.note}.`);
  }
  lines.push(...notes);

  lines.push(
    '',
    '## Checks',
    '',
    'Every contestant of a treemap case found the same groups and sums as native DuckDB:',
    '',
  );
  lines.push(
    '| rows | format | agree | groups | SUM(target) | SUM(actual) |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const check of results.checks) {
    const reference = check.detail['duckdb-native'];
    lines.push(
      `| ${rowsLabel(check.rows)} | ${check.format} | ${check.agree ? 'yes' : '**no**'} | ${reference?.groups ?? '—'} | ${reference?.target.toFixed(2) ?? '—'} | ${reference?.actual.toFixed(2) ?? '—'} |`,
    );
  }

  const memory = results.memory;
  if (memory || results.large_memory) lines.push('', '## Memory', '');
  if (memory) lines.push(memoryLine(memory));
  if (results.large_memory) lines.push('', memoryLine(results.large_memory));
  if (results.what_if) lines.push('', ...whatIfSection(results.what_if, results.before?.rev));
  if (results.workbook) lines.push('', '## Workbook', '', workbookLine(results.workbook));
  if (results.drill) lines.push('', ...drillSection(results.drill));
  if (results.drill_browser) lines.push('', ...drillBrowserSection(results.drill_browser));
  if (results.coi) lines.push('', '## Threads', '', ...coiLines(results.coi));
  if (results.line_numbers) {
    const loads = results.line_numbers;
    lines.push(
      '',
      '## Line numbers',
      '',
      `A ${loads.rows.toLocaleString('en')}-row CSV loaded with each row's line in the file and without, in turn, ${loads.runs} rounds: median ${Math.round(median(loads.withLines))} ms with, ${Math.round(median(loads.withoutLines))} ms without, × ${loads.ratio} (per round × ${loads.pairedRatio}); CPU time × ${loads.cpuRatio} (per round × ${loads.cpuPairedRatio}); target ≤ 1.10; load average ${loads.load.join(', ')}.`,
    );
  }
  if (results.clickhouse) lines.push('', ...clusterSection(results.clickhouse));
  const sizes = results.sizes;
  if (sizes)
    lines.push(
      '',
      '## Sizes',
      '',
      '| what | Stratex | DuckDB-WASM by hand | Perspective | arquero |',
      '| --- | --- | --- | --- | --- |',
      `| JavaScript, gzip | first load ${kb(sizes.stratex.first_load_js_gzip_bytes)} + engine ${kb(sizes.stratex.engine_js_gzip_bytes)} | ${kb(sizes.contestants['duckdb-wasm-raw']?.js_gzip_bytes ?? 0)} | ${kb(sizes.contestants.perspective?.js_gzip_bytes ?? 0)} | ${kb(sizes.contestants.arquero?.js_gzip_bytes ?? 0)} |`,
      `| wasm | DuckDB ${mb(sizes.stratex.duckdb_wasm_bytes)} (gzip ${mb(sizes.stratex.duckdb_wasm_gzip_bytes)}), Parquet decoder ${mb(sizes.stratex.parquet_wasm_bytes)} (only when a page loads Parquet) | ${mb(sizes.contestants['duckdb-wasm-raw']?.wasm_bytes ?? 0)} | ${mb(sizes.contestants.perspective?.wasm_bytes ?? 0)} | ${mb(sizes.contestants.arquero?.wasm_bytes ?? 0)} |`,
    );
  lines.push(
    '',
    '## Growth',
    '',
    '![Navigation → treemap drawn, by rows, every contestant](growth.svg)',
    '',
  );
  return lines.join('\n');
}

/** The coi case: the treemap with DuckDB-WASM's threaded build ÷ its single-threaded one. */
function coiLines(result: CoiResult): string[] {
  return result.formats.flatMap(
    ({ format, single, threaded, ratio, paired_ratio, agree }, index) => [
      ...(index > 0 ? [''] : []),
      `${rowsLabel(result.rows)} ${format === 'csv' ? 'CSV' : 'Parquet'}, navigation → treemap: threaded build (cross-origin isolated page, ${threaded.threads} threads) ${seconds(threaded.median_ms)}, single-threaded ${seconds(single.median_ms)}: **× ${ratio}** (per round × ${paired_ratio}), n=${threaded.samples_ms.length}, failed loads ${threaded.failed.length} threaded, ${single.failed.length} single; ${agree ? 'the same groups and sums' : '**different groups or sums**'}; load average ${result.load_before.join(', ')} → ${result.load_after.join(', ')}.`,
    ],
  );
}

/** The workbook case: the treemap from an `.xlsx` of the sales rows ÷ from the same rows as CSV. */
function workbookLine(result: WorkbookResult): string {
  const { xlsx, csv } = result;
  return `Navigation → treemap drawn from a ${rowsLabel(result.rows)}-row \`.xlsx\` (${mb(xlsx.file_bytes)}, one sheet, written by exceljs from the CSV): ${seconds(xlsx.median_ms)} (p95 ${seconds(xlsx.p95_ms)}), ${xlsx.peak_rss_mb} MB; the same rows as CSV (${mb(csv.file_bytes)}) in the same run: ${seconds(csv.median_ms)} (p95 ${seconds(csv.p95_ms)}), ${csv.peak_rss_mb} MB: **${result.ratio}×** the CSV, n=${xlsx.samples_ms.length}; ${result.agree ? 'the same groups and sums' : '**different groups or sums**'}.`;
}

/** The ClickHouse case: each interaction's latency and bytes on both engines, and their ratios. */
function clusterSection(cluster: ClusterResults): string[] {
  const lines = ['## A ClickHouse cluster beside the DuckDB query server', ''];
  if (cluster.skipped) return [...lines, `Skipped: ${cluster.skipped}.`];
  lines.push(
    `The treemap's requests, rendered by each engine's dialect and sent through its connector over HTTP: ${cluster.shards} ClickHouse shards (a \`Distributed\` table over \`MergeTree\` tables) and the native DuckDB query server holding the same facts in memory, alternating, one warm-up session each. Bytes are the response bodies per interaction (medians) as they came over HTTP, asking for compression as Chromium does, and decoded. Ratios are ClickHouse ÷ DuckDB server: below 1, the cluster is faster or sends less. Load average at the start: ${cluster.load_average.join(' ')}.`,
    '',
    '| rows | interaction | ClickHouse median (p95) | DuckDB server median (p95) | time ratio | bytes on the wire: ClickHouse / DuckDB server | bytes ratio | decoded bytes: ClickHouse / DuckDB server |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const one of cluster.timings) {
    if (one.engine !== 'clickhouse') continue;
    const other = cluster.timings.find(
      (candidate) =>
        candidate.engine === 'duckdb-server' &&
        candidate.rows === one.rows &&
        candidate.interaction === one.interaction,
    );
    if (!other) continue;
    lines.push(
      `| ${rowsLabel(one.rows)} | ${one.interaction} | ${seconds(one.median_ms)} (${seconds(one.p95_ms)}) | ${seconds(other.median_ms)} (${seconds(other.p95_ms)}) | ${(one.median_ms / other.median_ms).toFixed(2)} | ${one.wire_bytes} B / ${other.wire_bytes} B | ${(one.wire_bytes / other.wire_bytes).toFixed(2)} | ${one.decoded_bytes} B / ${other.decoded_bytes} B |`,
    );
  }
  lines.push('');
  for (const load of cluster.load)
    lines.push(
      `- ${rowsLabel(load.rows)} rows: generated into the cluster in ${load.insert_s} s and into Parquet (${mb(load.parquet_bytes)}) in ${load.parquet_s} s, at once; loaded by the DuckDB server in ${load.server_load_s} s.`,
    );
  for (const check of cluster.agree)
    lines.push(
      `- ${rowsLabel(check.rows)} rows: every answer's figures ${check.agree ? 'agreed' : `**disagreed** (${check.detail ?? ''})`} between the engines.`,
    );
  return lines;
}

const COLOURS: Record<Contestant, string> = {
  stratex: '#1f6feb',
  'stratex-before': '#54aeff',
  'duckdb-wasm-raw': '#b08800',
  perspective: '#8250df',
  arquero: '#1a7f37',
  'duckdb-native': '#6e7781',
};

/** Median time against rows (both on log scales), one line per contestant and format. */
function growthSvg(results: BenchResults): string {
  const series = new Map<
    string,
    { contestant: Contestant; format: string; points: [number, number][] }
  >();
  for (const result of results.cases) {
    if (result.case !== 'treemap' || result.rows === null) continue;
    const key = `${result.contestant}:${result.format}`;
    const line = series.get(key) ?? {
      contestant: result.contestant,
      format: result.format ?? '',
      points: [],
    };
    line.points.push([result.rows, result.median_ms]);
    series.set(key, line);
  }
  const all = [...series.values()].flatMap((line) => line.points);
  const width = 780;
  const height = 420;
  const margin = { left: 64, right: 250, top: 20, bottom: 44 };
  const [minRows, maxRows] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
  const [minMs, maxMs] = [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))];
  const logX = (rows: number): number =>
    margin.left +
    ((Math.log10(rows) - Math.log10(minRows)) / (Math.log10(maxRows) - Math.log10(minRows) || 1)) *
      (width - margin.left - margin.right);
  const lowMs = 10 ** Math.floor(Math.log10(Math.max(1, minMs)));
  const highMs = 10 ** Math.ceil(Math.log10(maxMs));
  const logY = (ms: number): number =>
    height -
    margin.bottom -
    ((Math.log10(Math.max(ms, lowMs)) - Math.log10(lowMs)) /
      (Math.log10(highMs) - Math.log10(lowMs))) *
      (height - margin.top - margin.bottom);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
  ];
  for (let ms = lowMs; ms <= highMs; ms *= 10) {
    out.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${logY(ms)}" y2="${logY(ms)}" stroke="#d0d7de"/>`,
    );
    out.push(
      `<text x="${margin.left - 6}" y="${logY(ms) + 4}" text-anchor="end">${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}</text>`,
    );
  }
  for (const rows of [...new Set(all.map((p) => p[0]))]) {
    out.push(
      `<text x="${logX(rows)}" y="${height - margin.bottom + 18}" text-anchor="middle">${rowsLabel(rows)} rows</text>`,
    );
  }
  out.push(
    `<text x="${margin.left}" y="${height - 6}">navigation → treemap drawn (median; log scales). Solid: CSV, dashed: Parquet</text>`,
  );
  let legend = 0;
  for (const line of series.values()) {
    const points = line.points
      .sort((a, b) => a[0] - b[0])
      .map(([rows, ms]) => `${logX(rows).toFixed(1)},${logY(ms).toFixed(1)}`);
    const dash = line.format === 'parquet' ? ' stroke-dasharray="6 4"' : '';
    out.push(
      `<polyline points="${points.join(' ')}" fill="none" stroke="${COLOURS[line.contestant]}" stroke-width="2"${dash}/>`,
    );
    for (const point of points) {
      const [x, y] = point.split(',');
      out.push(`<circle cx="${x}" cy="${y}" r="3" fill="${COLOURS[line.contestant]}"/>`);
    }
    const y = margin.top + 10 + legend++ * 18;
    out.push(
      `<line x1="${width - margin.right + 12}" x2="${width - margin.right + 36}" y1="${y - 4}" y2="${y - 4}" stroke="${COLOURS[line.contestant]}" stroke-width="2"${dash}/>`,
    );
    out.push(
      `<text x="${width - margin.right + 42}" y="${y}">${contestantName(line.contestant, results)}, ${line.format}</text>`,
    );
  }
  out.push('</svg>', '');
  return out.join('\n');
}

/** Stratex and the others, without an earlier build of Stratex. */
const PEERS = CONTESTANTS.filter((name) => name !== 'stratex-before');

/** The compact table of docs/benchmarks.md: medians and ratios of the cases a reader asks about first. */
function measuredTable(results: BenchResults): string {
  const lines = [
    `Measured by \`pnpm bench\` (${results.mode} run, ${results.date.slice(0, 10)}, commit \`${results.commit.slice(0, 12)}\`, headless Chromium, 2 cores; medians; the whole report with p95, memory and sizes is [bench/results/latest.md](../bench/results/latest.md)):`,
    '',
    '| case | Stratex | DuckDB-WASM by hand | Perspective | arquero | DuckDB native |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const group of groups(results)) {
    const cell = (name: Contestant): string => {
      const result = group.byContestant[name];
      if (!result) return '—';
      return name === 'stratex' || name === 'duckdb-native'
        ? seconds(result.median_ms)
        : `${seconds(result.median_ms)} (×${ratio(group, name)})`;
    };
    lines.push(`| ${group.label} | ${PEERS.map(cell).join(' | ')} |`);
  }
  lines.push('', '(×r) is Stratex ÷ that contestant: below 1, Stratex is faster.');
  return lines.join('\n');
}

/** Writes `<name>.md`; the full report (`latest`) also writes growth.svg and docs/benchmarks.md's table. */
export async function writeReport(results: BenchResults, name = 'latest'): Promise<void> {
  writeFileSync(benchPath(`results/${name}.md`), markdown(results, name));
  // Some cases only, or the ClickHouse case alone (no browser figures): the growth chart and
  // the table in docs/benchmarks.md keep the last full run's.
  if (name !== 'latest' || results.cases.length === 0) return;
  writeFileSync(benchPath('results/growth.svg'), growthSvg(results));
  const pagePath = benchPath('../docs/benchmarks.md');
  const page = readFileSync(pagePath, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/benchmarks.md has no ${start} … ${end} section`);
  const next = `${page.slice(0, from + start.length)}\n${measuredTable(results)}\n${page.slice(to)}`;
  const options = (await resolveConfig(pagePath)) ?? {};
  writeFileSync(pagePath, await format(next, { ...options, filepath: pagePath }));
}

// `tsx bench/report.ts [partial|quick]`: the report again from latest.json (or partial.json, quick.json).
if (import.meta.url === `file://${process.argv[1]}`) {
  const name = process.argv[2] ?? 'latest';
  await writeReport(
    JSON.parse(readFileSync(benchPath(`results/${name}.json`), 'utf8')) as BenchResults,
    name,
  );
}
