import { expect, it } from 'vitest';

let workersStarted = 0;
const PageWorker = globalThis.Worker;
globalThis.Worker = class extends PageWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    workersStarted++;
  }
};

const { pageEngine } = await import('@stratex/data');
await import('@stratex/widgets/define');

it('ten widgets on one source share one load, one table and one worker, started only for SQL', async () => {
  const loads: Event[] = [];
  const source = document.createElement('sx-data-source');
  source.setAttribute('name', 'evaluation');
  source.setAttribute('src', '/fixtures/template/evaluation.csv');
  source.addEventListener('sx-data-load', (event) => loads.push(event));
  const widgets = Array.from({ length: 10 }, () => {
    const widget = document.createElement('sx-scorecard');
    widget.setAttribute('source', 'evaluation');
    return widget;
  });
  const ready = widgets.map(
    (widget) =>
      new Promise((resolve) => widget.addEventListener('sx-data-load', resolve, { once: true })),
  );
  document.body.append(...widgets, source);
  await Promise.all(ready);

  expect(loads).toHaveLength(1);
  // A small CSV is read and answered in JS: no worker yet, and one once SQL needs the table.
  expect(workersStarted).toBe(0);
  await pageEngine().allInDatabase();
  expect(workersStarted).toBe(1);
  const tables = await pageEngine().records(
    "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_name LIKE 'sx_evaluation%' AND table_name NOT LIKE '%_typed'",
  );
  expect(tables).toEqual([{ table_name: 'sx_evaluation' }]);
  expect(await pageEngine().readOnlyRecords('SELECT count(*)::INT AS n FROM evaluation')).toEqual([
    { n: 3 },
  ]);
});
