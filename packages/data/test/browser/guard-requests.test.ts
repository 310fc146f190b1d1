import { expect, it } from 'vitest';

/**
 * DuckDB-WASM reads URLs from its worker, out of the page's sight. Each worker here starts
 * with a watcher that reports every URL it requests on a broadcast channel, then runs the
 * real worker script.
 */
const requested: string[] = [];
const channelName = 'sx-guard-requests';
new BroadcastChannel(channelName).addEventListener('message', (event: MessageEvent) =>
  requested.push(String(event.data)),
);
const PageWorker = globalThis.Worker;
globalThis.Worker = class extends PageWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    // Stratex starts DuckDB's worker through a boot script that names it after the '#'.
    const target = new URL(String(url), document.baseURI);
    const script = target.hash ? decodeURIComponent(target.hash.slice(1)) : target.href;
    const watcher = `
      const channel = new BroadcastChannel(${JSON.stringify(channelName)});
      const open = XMLHttpRequest.prototype.open;
      XMLHttpRequest.prototype.open = function (method, target, ...rest) {
        channel.postMessage(String(target));
        return open.call(this, method, target, ...rest);
      };
      const workerFetch = self.fetch.bind(self);
      self.fetch = (input, init) => {
        channel.postMessage(input instanceof Request ? input.url : String(input));
        return workerFetch(input, init);
      };
      importScripts(${JSON.stringify(script)});`;
    super(URL.createObjectURL(new Blob([watcher], { type: 'text/javascript' })), options);
  }
};

const { pageEngine, UnsafeQueryError } = await import('@stratex/data');
await import('@stratex/widgets/define');

/** A file the page serves but never registered: nothing may ask for it. */
const bait = new URL('/fixtures/template/evaluation.csv?guard-bait', document.baseURI).href;
const baitRequests = (): string[] => requested.filter((url) => url.includes('guard-bait'));
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

it.each([
  ['ARRAY(FROM url)', `SELECT ARRAY(FROM '${bait}') AS x`],
  [
    'a CTE named after the url, used out of its scope',
    `SELECT * FROM (WITH "${bait}" AS (SELECT 1 AS a) SELECT 1 AS b) t, "${bait}"`,
  ],
  [
    'a CTE named after the url, reading itself',
    `WITH "${bait}" AS (FROM "${bait}") SELECT * FROM "${bait}"`,
  ],
  ['EXISTS (FROM url)', `SELECT 1 AS x WHERE EXISTS (FROM '${bait}')`],
])('refuses %s without requesting the url', async (_shape, sql) => {
  await expect(pageEngine().readOnlyRecords(sql)).rejects.toBeInstanceOf(UnsafeQueryError);
  await settle();
  expect(baitRequests()).toEqual([]);
});

it('the engine itself refuses the url, even to SQL that skips the guard', async () => {
  await expect(pageEngine().records(`SELECT ARRAY(FROM '${bait}') AS x`)).rejects.toThrow(
    /Permission Error/,
  );
  await settle();
  expect(baitRequests()).toEqual([]);
});

it('a scorecard with such a query shows the refusal and requests nothing', async () => {
  const scorecard = document.createElement('sx-scorecard');
  scorecard.setAttribute('query', `SELECT ARRAY(FROM '${bait}') AS x`);
  const failed = new Promise<CustomEvent>((resolve) =>
    scorecard.addEventListener('sx-data-error', (event) => resolve(event as CustomEvent), {
      once: true,
    }),
  );
  document.body.append(scorecard);
  const event = await failed;
  expect(JSON.stringify(event.detail)).toContain("is not one of this page's sources");
  await settle();
  expect(baitRequests()).toEqual([]);
  scorecard.remove();
});
