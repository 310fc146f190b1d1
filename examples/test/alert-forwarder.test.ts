import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AlertEvent, type Forwarder, startForwarder } from '../alert-forwarder/forwarder.mjs';

const script = fileURLToPath(new URL('../alert-forwarder/forwarder.mjs', import.meta.url));

/** A webhook on this machine: it records what arrives and answers with the statuses it is given, then 200. */
let webhook: Server;
let webhookUrl: string;
let arrived: unknown[];
let replies: number[];

beforeAll(async () => {
  webhook = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      arrived.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.writeHead(replies.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;
});

afterAll(() => new Promise((resolve) => webhook.close(resolve)));

const revenue = {
  id: 'kpi:销售额@2024-07-01/2024-09-30',
  source: 'live_kpis',
  kind: 'kpi',
  metric: '销售额',
  path: [],
  period: '2024-07-01/2024-09-30',
} as const;

function raised(level: 'warning' | 'critical'): Extract<AlertEvent, { type: 'sx-alert' }> {
  return {
    type: 'sx-alert',
    detail: {
      ...revenue,
      path: [],
      level,
      previous: null,
      asOf: '2024-08-15',
      value: 2_420_000,
      expected: 2_500_000,
      ratio: 0.968,
      unit: 'money',
      message: '销售额 仅达进度的 96.8%：242万 对比应达 250万',
    },
  };
}
const cleared: AlertEvent = { type: 'sx-alert-cleared', detail: { ...revenue, path: [] } };

let forwarder: Forwarder;
let logged: string[];

beforeEach(async () => {
  arrived = [];
  replies = [];
  logged = [];
  forwarder = await startForwarder({
    webhook: webhookUrl,
    port: 0,
    retryDelayMs: 5,
    log: (line) => logged.push(line),
  });
});

afterEach(() => forwarder.close());

const post = async (body: unknown): Promise<number> => {
  const response = await fetch(forwarder.url, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return response.status;
};

describe('the alert forwarder', () => {
  it('listens on this machine only', () => {
    expect(forwarder.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/alerts$/);
  });

  it('forwards an alert once per level and its clearing once, however many pages post them', async () => {
    expect(await post(raised('warning'))).toBe(202);
    expect(await post(raised('warning'))).toBe(200);
    expect(await post(raised('critical'))).toBe(202);
    expect(await post(raised('critical'))).toBe(200);
    expect(await post(cleared)).toBe(202);
    expect(await post(cleared)).toBe(200);
    await forwarder.idle();
    expect(arrived).toEqual([
      { event: 'sx-alert', alert: raised('warning').detail },
      { event: 'sx-alert', alert: raised('critical').detail },
      { event: 'sx-alert-cleared', alert: cleared.detail },
    ]);
    // Raised again after it cleared: news again.
    expect(await post(raised('warning'))).toBe(202);
    await forwarder.idle();
    expect(arrived).toHaveLength(4);
  });

  it('retries a failing webhook a bounded number of times, then lets the next page try again', async () => {
    replies = [503, 502];
    await post(raised('warning'));
    await forwarder.idle();
    expect(arrived).toHaveLength(3);
    expect(logged).toEqual([`forwarded sx-alert ${revenue.id}`]);

    replies = [500, 500, 500, 500];
    await post(raised('critical'));
    await forwarder.idle();
    expect(arrived).toHaveLength(3 + 4);
    expect(logged.at(-1)).toBe(`could not forward sx-alert ${revenue.id} (500)`);
    // Not delivered, so not remembered: the same event from the next page goes out.
    expect(await post(raised('critical'))).toBe(202);
    await forwarder.idle();
    expect(arrived).toHaveLength(8);

    // A refusal is not asked again.
    replies = [400];
    await post(cleared);
    await forwarder.idle();
    expect(arrived).toHaveLength(9);
  });

  it('refuses what is not an alert event', async () => {
    expect(await post('not json')).toBe(400);
    expect(await post({ type: 'sx-select', detail: revenue })).toBe(400);
    expect(await post({ type: 'sx-alert', detail: { ...revenue, level: 'panic' } })).toBe(400);
    expect(await post({ ...raised('warning'), detail: { ...revenue, id: '' } })).toBe(400);
    expect(await post({ type: 'sx-alert', detail: 'x'.repeat(20_000) })).toBe(413);
    expect((await fetch(forwarder.url)).status).toBe(405);
    expect(
      (await fetch(forwarder.url.replace('/alerts', '/other'), { method: 'POST' })).status,
    ).toBe(404);
    await forwarder.idle();
    expect(arrived).toEqual([]);
  });

  it('speaks to a group robot in its text message format', async () => {
    await forwarder.close();
    forwarder = await startForwarder({
      webhook: webhookUrl,
      port: 0,
      format: 'text',
      log: () => {},
    });
    await post(raised('critical'));
    await post(cleared);
    await forwarder.idle();
    expect(arrived).toEqual([
      { msgtype: 'text', text: { content: `[critical] ${raised('critical').detail.message}` } },
      { msgtype: 'text', text: { content: '[cleared] 销售额 (2024-07-01/2024-09-30)' } },
    ]);
  });

  it('runs as a script with Node alone, the webhook from the environment', async () => {
    const child = spawn(process.execPath, [script, '--port', '0'], {
      env: { PATH: process.env.PATH ?? '', ALERT_WEBHOOK_URL: webhookUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let said = '';
      const saying = (pattern: RegExp): Promise<string> =>
        new Promise((resolve, reject) => {
          const look = (): void => {
            const found = pattern.exec(said)?.[1];
            if (found) resolve(found);
          };
          child.stdout.on('data', look);
          child.once('exit', (code) => reject(new Error(`the forwarder stopped (${code})`)));
          look();
        });
      child.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
      const url = await saying(/listening on (\S+)/);
      const response = await fetch(url, {
        method: 'POST',
        body: JSON.stringify(raised('warning')),
      });
      expect(response.status).toBe(202);
      await saying(/(forwarded sx-alert)/);
      expect(arrived).toEqual([{ event: 'sx-alert', alert: raised('warning').detail }]);
    } finally {
      const stopped = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await stopped;
    }
  });

  it('says what is missing when no webhook is named', async () => {
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    child.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(said).toContain('ALERT_WEBHOOK_URL');
  });
});
