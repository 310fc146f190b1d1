// A `fetch` for the connectors that counts what comes over the wire: each answer's body as
// the server sent it (gzip where it compresses), and as decoded. It asks for compression as
// Chromium does, and keeps connections alive as a page does.
import { Agent, request } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export interface Traffic {
  answers: number;
  /** Response body bytes as sent (after any Content-Encoding). */
  wire: number;
  /** The same bodies decoded. */
  decoded: number;
}

const CHROMIUM_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding && encoding !== 'identity')
    throw new Error(
      `The server answered with a content encoding this bench cannot read: ${encoding}`,
    );
  return body;
}

/**
 * A fetch over node:http (POST with a text body, as the connectors send) that adds to
 * `traffic`; `close` ends its kept-alive connections.
 */
export function countingFetch(traffic: Traffic): { fetch: typeof fetch; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const counted: typeof fetch = (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const headers: Record<string, string> = {
        ...Object.fromEntries(new Headers(init.headers).entries()),
        'accept-encoding': CHROMIUM_ACCEPT_ENCODING,
      };
      const body = typeof init.body === 'string' ? init.body : '';
      const call = request(url, { method: init.method ?? 'GET', headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          try {
            const raw = Buffer.concat(chunks);
            const encoding = response.headers['content-encoding'];
            const decoded = decode(raw, encoding);
            traffic.answers++;
            traffic.wire += raw.byteLength;
            traffic.decoded += decoded.byteLength;
            const kept = new Headers();
            for (const [name, value] of Object.entries(response.headers))
              if (typeof value === 'string' && !/^content-(encoding|length)$/i.test(name))
                kept.set(name, value);
            resolve(
              new Response(new Uint8Array(decoded), {
                status: response.statusCode ?? 500,
                headers: kept,
              }),
            );
          } catch (cause) {
            reject(cause instanceof Error ? cause : new Error(String(cause)));
          }
        });
      });
      call.on('error', reject);
      call.end(body);
    });
  return { fetch: counted, close: () => agent.destroy() };
}
