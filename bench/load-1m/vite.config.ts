import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { alias } from '../../vite.config.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Builds the two pages the 1M-row load benchmark drives: our engine, and DuckDB-WASM by hand. */
export default defineConfig({
  root: here('.'),
  base: './',
  resolve: { alias },
  logLevel: 'warn',
  build: {
    outDir: here('../dist/load-1m'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: { ours: here('./ours.html'), 'by-hand': here('./by-hand.html') } },
  },
});
