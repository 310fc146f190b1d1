import { type MessageCode, type MessageParams, messageText } from '@stratex/core';
import type { CodedFailure } from '../coded-failure';
import { fileLabel } from '../fetch-bytes';
import { assetUrl, type WasmAssets } from './bundled-assets';

/**
 * Why the engine's own files could not be used: `missing` (the server answered an error
 * status), `wasm-type` (the wasm came without the `application/wasm` type, which browsers
 * require to compile it), `unreachable` (no answer at all: network, or a cross-origin
 * server without CORS headers) or `failed` (the files are there and the engine still did
 * not start). Widgets say it in the reader's language from `code`, `file` and the figures.
 */
export type EngineAssetProblem = 'missing' | 'wasm-type' | 'unreachable' | 'failed';

export class EngineAssetError extends Error implements CodedFailure {
  /** The catalogue code of the sentence a widget shows. */
  readonly code: MessageCode;
  readonly params: MessageParams;

  constructor(
    readonly problem: EngineAssetProblem,
    /** The file's name (`duckdb-eh-9ubY-jlA.wasm`). */
    readonly file: string,
    /** Its full URL. */
    readonly url: string,
    readonly status?: number,
    readonly contentType?: string,
    options?: ErrorOptions,
  ) {
    const code = PROBLEM_CODES[problem];
    const params = { file, status: status ?? '', contentType: contentType || 'no type' };
    super(messageText('en', code, params), options);
    this.name = 'EngineAssetError';
    this.code = code;
    this.params = params;
  }

  /** Where the file was looked for, shown beside the sentence. */
  get detail(): string {
    return this.url;
  }
}

const PROBLEM_CODES = {
  missing: 'engineAssetMissing',
  'wasm-type': 'engineAssetWasmType',
  unreachable: 'engineAssetUnreachable',
  failed: 'engineAssetFailed',
} as const satisfies Record<EngineAssetProblem, MessageCode>;

const failures = new WeakMap<Worker, Promise<Event>>();

/** Remembers the worker's first error from its start, so that none is missed while the client loads. */
export function watchWorker(worker: Worker): void {
  failures.set(
    worker,
    new Promise((resolve) => worker.addEventListener('error', resolve, { once: true })),
  );
}

/** Settles with the worker's first error event, if it ever has one. */
export function workerFailure(worker: Worker): Promise<Event> {
  return failures.get(worker) ?? new Promise(() => undefined);
}

/** Asks the server for one file without downloading it, the way the engine will fetch it. */
async function probe(url: string): Promise<{ status: number; type: string } | undefined> {
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      cache: 'no-store',
      credentials: 'same-origin',
    });
    return { status: response.status, type: response.headers.get('content-type') ?? '' };
  } catch {
    return undefined;
  }
}

/**
 * Finds out why the engine's worker or wasm failed: a file missing, the wasm sent with
 * the wrong type, or a server that cannot be reached. `cause` is kept as the error's cause,
 * and is the answer itself when every file is in order.
 */
export async function diagnoseAssets(assets: WasmAssets, cause: unknown): Promise<Error> {
  const files = [assets.boot, assets.worker, assets.threadWorker, assets.wasm].filter(
    (path): path is string => path !== undefined,
  );
  for (const path of files) {
    const url = assetUrl(path);
    const file = fileLabel(url);
    const answer = await probe(url);
    if (!answer)
      return new EngineAssetError('unreachable', file, url, undefined, undefined, { cause });
    if (answer.status >= 400) {
      return new EngineAssetError('missing', file, url, answer.status, undefined, { cause });
    }
    if (path === assets.wasm && !/^application\/wasm\b/i.test(answer.type)) {
      return new EngineAssetError('wasm-type', file, url, answer.status, answer.type, { cause });
    }
  }
  if (cause instanceof Error) return cause;
  const url = assetUrl(assets.wasm);
  return new EngineAssetError('failed', fileLabel(url), url, undefined, undefined, { cause });
}
