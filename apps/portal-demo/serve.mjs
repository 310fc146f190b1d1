// Serves the assembled portal demo on localhost: `PORT` (default 4173). While a page is open
// (it polls the live KPI export), one more day of KPIs is appended every `FEED_SECONDS`
// (default 6) to the working copy in dist/live/; the committed fixtures are never written.
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { liveFiles } from './live-feed.mjs';
import { startStaticServer } from './static-server.mjs';

const root = fileURLToPath(new URL('./dist/', import.meta.url));
const port = Number(process.env.PORT ?? 4173);
const everySeconds = Number(process.env.FEED_SECONDS ?? 6);

const feed = liveFiles(`${root}live/`);
feed.reset();
let lastPoll = 0;

const server = await startStaticServer(root, port);
server.on('request', (request) => {
  if (request.url?.startsWith('/live/')) lastPoll = Date.now();
});
setInterval(() => {
  // Nobody watching: the export stays as it is until a page polls it again.
  if (Date.now() - lastPoll > 3 * everySeconds * 1000) return;
  const day = feed.append();
  console.log(`live export: KPIs of ${day.date} appended`);
}, everySeconds * 1000).unref();
console.log(`Stratex portal demo: http://localhost:${server.address().port}/`);
console.log(`print report: http://localhost:${server.address().port}/report.html`);
