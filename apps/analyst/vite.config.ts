import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { alias } from '../../vite.config.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Builds the workbench page into dist/, with the engine's wasm and worker among its assets. */
export default defineConfig({
  root: here('.'),
  base: './',
  resolve: { alias },
  logLevel: 'warn',
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    // No inline preload helper: the page runs under `script-src 'self'`.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2048,
  },
});
