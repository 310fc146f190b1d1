// Passes the variance alerts' events from a portal's pages on to a webhook (a WeCom or DingTalk
// group robot, a mail gateway, a ticket system). The page posts each `sx-alert` and
// `sx-alert-cleared` it hears to this server; the server forwards an alert once per level and a
// clearing once, however many readers have the page open, retrying a failed delivery a bounded
// number of times. Node 20 or later, nothing to install:
//
//   ALERT_WEBHOOK_URL=https://hooks.example.internal/stratex node forwarder.mjs [--port 8787]
//
// It listens on 127.0.0.1 only: put it behind the portal's own web server (same origin, so a
// strict page's `connect-src 'self'` allows it), e.g. `/stratex-alerts` → 127.0.0.1:8787/alerts.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const LEVELS = new Set(['warning', 'critical']);
const TYPES = new Set(['sx-alert', 'sx-alert-cleared']);
/** An event is a few hundred bytes; anything much larger is not one. */
const MAX_BODY = 16 * 1024;

/** The event posted by a page, checked field by field; a string saying what is wrong otherwise. */
export function readEvent(value) {
  if (typeof value !== 'object' || value === null) return 'the body is not a JSON object';
  const { type, detail } = value;
  if (!TYPES.has(type)) return 'type must be sx-alert or sx-alert-cleared';
  if (typeof detail !== 'object' || detail === null) return 'detail is missing';
  const text = (field, max) => typeof detail[field] === 'string' && detail[field].length <= max;
  if (!text('id', 500) || detail.id === '') return 'detail.id must be a short text';
  if (!text('metric', 500) || !text('period', 100))
    return 'detail.metric and detail.period must be texts';
  if (!Array.isArray(detail.path) || !detail.path.every((part) => typeof part === 'string')) {
    return 'detail.path must be a list of texts';
  }
  if (type === 'sx-alert' && (!LEVELS.has(detail.level) || !text('message', 2000))) {
    return 'an sx-alert needs a level (warning or critical) and a message';
  }
  return { type, detail };
}

/** What the webhook receives: the event as JSON, or a group robot's text message. */
export function webhookBody(event, format = 'json') {
  if (format !== 'text') return { event: event.type, alert: event.detail };
  const { detail } = event;
  const where = [detail.metric, ...detail.path].join(' › ');
  const content =
    event.type === 'sx-alert'
      ? `[${detail.level}] ${detail.message}`
      : `[cleared] ${where} (${detail.period})`;
  return { msgtype: 'text', text: { content } };
}

/**
 * Starts the forwarder. Options: `webhook` (URL, required), `port` (default 8787; 0 picks one),
 * `host` (default 127.0.0.1), `format` (`json` or `text`), `attempts` (default 4), `retryDelayMs`
 * (default 1000, doubled after each failure), `timeoutMs` (per attempt, default 10000),
 * `allowOrigin` (a page origin allowed to post across origins), `log` (default console.log).
 * Resolves to `{ url, close(), idle() }` once listening; `idle()` waits for every delivery queued.
 */
export async function startForwarder(options) {
  const webhook = new URL(options.webhook);
  if (webhook.protocol !== 'http:' && webhook.protocol !== 'https:') {
    throw new Error(`The webhook must be an http or https URL, not ${webhook.protocol}`);
  }
  const settings = {
    format: options.format ?? 'json',
    attempts: Math.max(1, options.attempts ?? 4),
    retryDelayMs: options.retryDelayMs ?? 1000,
    timeoutMs: options.timeoutMs ?? 10_000,
    log: options.log ?? console.log,
  };
  /** The level forwarded last for each alert that stands. */
  const standing = new Map();
  let queue = Promise.resolve();

  async function deliver(event) {
    const body = JSON.stringify(webhookBody(event, settings.format));
    for (let attempt = 1; attempt <= settings.attempts; attempt++) {
      const status = await fetch(webhook, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        redirect: 'error',
        body,
        signal: globalThis.AbortSignal.timeout(settings.timeoutMs),
      }).then(
        async (response) => {
          await response.body?.cancel();
          return response.status;
        },
        () => 0,
      );
      if (status >= 200 && status < 300) {
        settings.log(`forwarded ${event.type} ${event.detail.id}`);
        return true;
      }
      // A refusal (400, 401, 404 …) will not change by asking again; a failure (5xx, 429, no answer) may.
      const retryable = status === 0 || status === 429 || status >= 500;
      if (!retryable || attempt === settings.attempts) {
        settings.log(
          `could not forward ${event.type} ${event.detail.id} (${status || 'no answer'})`,
        );
        return false;
      }
      await sleep(settings.retryDelayMs * 2 ** (attempt - 1));
    }
    return false;
  }

  /** Queues an event unless it says nothing new; the answer says which. */
  function accept(event) {
    const { id, level } = event.detail;
    const before = standing.get(id);
    if (event.type === 'sx-alert' ? before === level : before === undefined) return false;
    if (event.type === 'sx-alert') standing.set(id, level);
    else standing.delete(id);
    queue = queue.then(async () => {
      if (await deliver(event)) return;
      // Not delivered: as if it had not come, so the next page that fires it tries again.
      if (event.type === 'sx-alert' && standing.get(id) === level) standing.delete(id);
      if (event.type === 'sx-alert-cleared' && !standing.has(id)) standing.set(id, before);
    });
    return true;
  }

  const server = createServer((request, response) => {
    const answer = (status, message) => {
      const headers = { 'content-type': 'text/plain; charset=utf-8' };
      if (options.allowOrigin) {
        headers['access-control-allow-origin'] = options.allowOrigin;
        headers['access-control-allow-headers'] = 'content-type';
      }
      response.writeHead(status, headers).end(message);
    };
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== '/alerts') return answer(404, 'not found');
    if (request.method === 'OPTIONS' && options.allowOrigin) return answer(204, '');
    if (request.method !== 'POST') return answer(405, 'POST an event to /alerts');
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY) return answer(413, 'an event is at most 16 KiB');
      let event;
      try {
        event = readEvent(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        event = 'the body is not JSON';
      }
      if (typeof event === 'string') return answer(400, event);
      const queued = accept(event);
      answer(queued ? 202 : 200, queued ? 'queued' : 'nothing new');
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address();
  return {
    url: `http://${address}:${port}/alerts`,
    idle: () => queue,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** `node forwarder.mjs --webhook URL --port 8787 --format json|text --allow-origin ORIGIN`, or the ALERT_* variables. */
async function main() {
  const { values } = parseArgs({
    options: {
      webhook: { type: 'string' },
      port: { type: 'string' },
      format: { type: 'string' },
      'allow-origin': { type: 'string' },
    },
  });
  const webhook = values.webhook ?? process.env.ALERT_WEBHOOK_URL;
  if (!webhook) {
    console.error('Say where to forward: ALERT_WEBHOOK_URL=https://… or --webhook https://…');
    process.exit(2);
  }
  const forwarder = await startForwarder({
    webhook,
    port: Number(values.port ?? process.env.ALERT_FORWARDER_PORT ?? 8787),
    format: values.format ?? process.env.ALERT_WEBHOOK_FORMAT ?? 'json',
    allowOrigin: values['allow-origin'] ?? process.env.ALERT_ALLOW_ORIGIN,
  });
  console.log(`listening on ${forwarder.url}`);
  const stop = () =>
    void forwarder
      .idle()
      .then(forwarder.close)
      .then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
