import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Builds the hand-written DuckDB-WASM baseline page the benchmarks compare against. */
export default defineConfig({
  root: here('./baseline'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: here('./dist/baseline'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2048,
  },
});
