// Where a what-if edit's time goes on the 1,000-leaf plan of the what-if case: the page's
// main thread over 40 edits typed in the treemap's panel, split into script (by function,
// self time), style, layout, paint and the rest, per edit.
//   npx tsx bench/profile-what-if.ts [edits]     (after `pnpm bench --only what-if` built the site;
//   an embed build with `--minify false` keeps the functions' names)
// SX_PROFILE_STYLE='<css>' tries a style in the widgets named by SX_PROFILE_IN (default all three).
import { readFileSync, writeFileSync } from 'node:fs';
import { launch, VIEWPORT } from './lib/browser.ts';
import { benchPath, serveSite } from './lib/site.ts';
import { whatIfPlan } from './cases/what-if.ts';
import type { TraceEvent as AnyTraceEvent } from './lib/trace.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
/** A trace event with what a layout event says of its work. */
type TraceEvent = AnyTraceEvent<{
  beginData?: {
    dirtyObjects?: number;
    totalObjects?: number;
    stackTrace?: { functionName: string; url: string }[];
  };
}>;

/** The edits, as the case's probe makes them, run in the page once its widgets are drawn (plain JS: it runs as written). */
const RUN_EDITS = `async (count) => {
  const widgets = ['treemap', 'scorecard', 'alerts'].map((id) => document.getElementById(id));
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const drawn = async () => {
    for (;;) {
      await Promise.all(widgets.map((widget) => widget.updateComplete));
      if (widgets.every((widget) => !widget.isUpdatePending)) return;
    }
  };
  const root = widgets[0].shadowRoot;
  for (let index = 0; index < count; index++) {
    const tiles = root.querySelectorAll('g.tile');
    tiles[index % tiles.length].focus();
    await widgets[0].updateComplete;
    const input = root.querySelector('input[name="target"]');
    input.value = String(Math.round(Number(input.value) * (index % 2 === 0 ? 1.05 : 0.96)));
    root.querySelector('form.what-if-edit').requestSubmit();
    await drawn();
    await frame();
  }
  await Promise.all(widgets.map((widget) => widget.tableComplete));
}`;

const edits = Number(process.argv[2] ?? 40);
const site = await serveSite();
writeFileSync(benchPath('dist/site/what-if-1000.csv'), whatIfPlan());
// The case's page without its probe: the edits are run from here, between the profiler's start and stop.
const page = readFileSync(benchPath('pages/what-if.html'), 'utf8').replace(
  /\s*<script type="module" src="what-if-probe.js"><\/script>/,
  '',
);
writeFileSync(benchPath('dist/site/what-if-profile.html'), page);
const browser = await launch();
try {
  const tab = await browser.newPage({ viewport: VIEWPORT });
  await tab.goto(`${site.origin}/what-if-profile.html`);
  await tab.waitForFunction(
    () =>
      ['treemap', 'scorecard', 'alerts'].every((id) => {
        const widget = document.getElementById(id) as unknown as {
          state?: string;
          isBusy?: boolean;
        };
        return widget.state === 'ready' && !widget.isBusy;
      }),
    undefined,
    { timeout: 120_000, polling: 100 },
  );
  await tab.waitForTimeout(1000);
  const tryStyle = process.env.SX_PROFILE_STYLE;
  if (tryStyle)
    await tab.evaluate(`for (const id of ${JSON.stringify((process.env.SX_PROFILE_IN ?? 'treemap,scorecard,alerts').split(','))}) {
      const style = document.createElement('style');
      style.textContent = ${JSON.stringify(tryStyle)};
      document.getElementById(id).shadowRoot.append(style);
    }`);
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await browser.startTracing(tab, { categories: ['devtools.timeline', 'toplevel'] });
  await cdp.send('Profiler.start');
  await tab.evaluate(`(${RUN_EDITS})(${edits})`);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };

  const selfMs = new Map<string, number>();
  const totalMs = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = (id: number): string => {
    const frame = byId.get(id)?.callFrame;
    const file = frame?.url.split('/').pop() ?? '';
    return `${frame?.functionName || '(anonymous)'} ${file}:${frame?.lineNumber ?? 0}`;
  };
  profile.samples.forEach((id, at) => {
    const ms = (profile.timeDeltas[at] ?? 0) / 1000;
    selfMs.set(keyOf(id), (selfMs.get(keyOf(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const key = keyOf(node);
      if (seen.has(key)) continue;
      seen.add(key);
      totalMs.set(key, (totalMs.get(key) ?? 0) + ms);
    }
  });
  const main = trace.traceEvents.find(
    (event) => event.name === 'UpdateLayoutTree' || event.name === 'Layout',
  );
  const phases = new Map<string, number>();
  for (const event of trace.traceEvents)
    if (event.ph === 'X' && main && event.pid === main.pid && event.tid === main.tid)
      for (const [phase, names] of Object.entries({
        style: ['UpdateLayoutTree'],
        layout: ['Layout'],
        'pre-paint and paint': ['PrePaint', 'Paint', 'Layerize', 'UpdateLayer'],
        'task (all)': ['ThreadControllerImpl::RunTask'],
      }))
        if (names.includes(event.name))
          phases.set(phase, (phases.get(phase) ?? 0) + (event.tdur ?? event.dur ?? 0) / 1000);
  const layouts = trace.traceEvents
    .filter((event) => event.ph === 'X' && event.name === 'Layout')
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  console.log(
    `layouts: ${layouts.length}; the longest (ms, objects dirty / all): ${layouts
      .slice(0, 8)
      .map(
        (event) =>
          `${((event.dur ?? 0) / 1000).toFixed(1)} (${event.args?.beginData?.dirtyObjects} / ${event.args?.beginData?.totalObjects})`,
      )
      .join(', ')}`,
  );
  // What asked for each layout: the script that read a box (forced), or the frame (no stack).
  const askedBy = new Map<string, { count: number; ms: number }>();
  for (const event of layouts) {
    const stack = event.args?.beginData?.stackTrace ?? [];
    const who =
      stack.length > 0
        ? stack
            .slice(0, 3)
            .map((frame) => frame.functionName || '?')
            .join(' < ')
        : 'frame';
    const entry = askedBy.get(who) ?? { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += (event.tdur ?? event.dur ?? 0) / 1000;
    askedBy.set(who, entry);
  }
  console.log('layouts by what asked for them (count, thread ms per edit):');
  for (const [who, { count, ms }] of [...askedBy].sort((a, b) => b[1].ms - a[1].ms))
    console.log(`  ${String(count).padStart(4)} ${(ms / edits).toFixed(2).padStart(6)}  ${who}`);
  console.log(`main thread per edit over ${edits} edits (ms):`);
  for (const [phase, ms] of phases) console.log(`  ${phase.padEnd(20)} ${(ms / edits).toFixed(1)}`);
  const idle = ['(idle)', '(program)', '(garbage collector)'];
  const script = [...selfMs].filter(([key]) => !idle.some((name) => key.startsWith(name)));
  const total = script.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`  ${'script (sampled)'.padEnd(20)} ${(total / edits).toFixed(1)}`);
  for (const name of idle)
    console.log(`  ${name.padEnd(20)} ${((selfMs.get(`${name} :0`) ?? 0) / edits).toFixed(1)}`);
  console.log('\nscript time per edit with what it calls, top 150 (ms):');
  for (const [key, ms] of [...totalMs].sort((a, b) => b[1] - a[1]).slice(0, 150))
    console.log(`  ${(ms / edits).toFixed(2).padStart(6)}  ${key}`);
  console.log('\nscript self time per edit, top 40 (ms):');
  for (const [key, ms] of script.sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`  ${(ms / edits).toFixed(2).padStart(6)}  ${key}`);
} finally {
  await browser.close();
  site.close();
}
