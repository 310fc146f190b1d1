import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { createLogger } from 'vite';
import { defineConfig } from 'vitest/config';
import * as egress from './packages/data/test/browser/setup/egress-commands.ts';
import { faultServer } from './packages/data/test/browser/setup/fault-server.ts';
import { clickhouseCommands } from './packages/data/test/browser/clickhouse-commands.ts';
import { emulateColourScheme } from './packages/widgets/test/setup/colour-scheme-commands.ts';
import { accessibleRowHeaders } from './packages/widgets/test/setup/accessibility-commands.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Each package resolves to its sources, so tests and apps never need a prior build. */
export const alias = {
  '@stratex/core': here('./packages/core/src/index.ts'),
  '@stratex/data/node': here('./packages/data/src/node/index.ts'),
  '@stratex/data/wasm': here('./packages/data/src/browser/wasm-connector.ts'),
  '@stratex/data/light': here('./packages/data/src/light.ts'),
  '@stratex/data/early-worker': here('./packages/data/src/browser/early-worker.ts'),
  '@stratex/data': here('./packages/data/src/index.ts'),
  '@stratex/widgets/define': here('./packages/widgets/src/define.ts'),
  '@stratex/widgets/early': here('./packages/widgets/src/early.ts'),
  '@stratex/widgets': here('./packages/widgets/src/index.ts'),
};

/** Flags that keep Debian's Chromium quiet on a machine with no outside network. */
/**
 * How a page of ours is built for strict pages: relative addresses (any path prefix), files
 * never inlined as data: URLs, no inline preload helper (`script-src 'self'`), into `dist/`
 * beside the config. Each build adds its own entry and names.
 */
export function strictBuild(folderUrl: string) {
  const folder = (path: string): string => fileURLToPath(new URL(path, folderUrl));
  return {
    root: folder('.'),
    base: './',
    resolve: { alias },
    logLevel: 'warn' as const,
    build: {
      outDir: folder('./dist'),
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: 0,
      // Also: a lazily loaded chunk's own imports are fetched alongside it, not one after another.
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 2048,
    },
  };
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** DuckDB's worker ships source maps that point outside its package; Vite warns per file. */
const logger = createLogger();
const warn = logger.warn.bind(logger);
const warnOnce = logger.warnOnce.bind(logger);
logger.warn = (text, options) => {
  if (!text.startsWith('Sourcemap for ')) warn(text, options);
};
logger.warnOnce = (text, options) => {
  if (!text.startsWith('Sourcemap for ')) warnOnce(text, options);
};

export default defineConfig({
  customLogger: logger,
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'packages/core/test/**/*.test.ts',
            'packages/data/test/node/**/*.test.ts',
            'fixtures/test/**/*.test.ts',
            'apps/*/test/**/*.test.ts',
            'examples/test/**/*.test.ts',
            'bench/test/**/*.test.ts',
            'docs/test/**/*.test.ts',
            'packages/stratex/test/**/*.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        customLogger: logger,
        plugins: [faultServer()],
        optimizeDeps: {
          include: ['@duckdb/duckdb-wasm', 'apache-arrow', 'lit', 'axe-core'],
        },
        test: {
          name: 'browser',
          include: [
            'packages/widgets/test/**/*.test.ts',
            'packages/data/test/browser/**/*.test.ts',
            'stories/test/**/*.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          setupFiles: ['packages/data/test/browser/setup/no-egress.ts'],
          browser: {
            enabled: true,
            commands: {
              ...egress,
              ...clickhouseCommands,
              emulateColourScheme,
              accessibleRowHeaders,
            },
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
