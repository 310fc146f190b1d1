import { describe, expect, it } from 'vitest';
import { assetUrl, bundledAssets, workerUrl } from '../../../src/browser/bundled-assets';
import { startWorker } from '../../../src/browser/trusted-worker';

describe('the worker start under the stratex Trusted Types policy', () => {
  it('starts the worker our build ships', () => {
    const worker = startWorker(workerUrl(bundledAssets));
    expect(worker).toBeInstanceOf(Worker);
    worker.terminate();
  });

  it('passes no other script through the policy', () => {
    expect(() => startWorker('https://cdn.example/duckdb-browser-eh.worker.js')).toThrow(
      'The "stratex" policy passes only Stratex\'s own worker.',
    );
    expect(() => startWorker(assetUrl('elsewhere.js'))).toThrow(/passes only Stratex's own worker/);
    // DuckDB's worker itself is started only through the boot script.
    expect(() => startWorker(assetUrl(bundledAssets.worker))).toThrow(
      /passes only Stratex's own worker/,
    );
  });
});
