import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Builds the hand-written contestant pages the benchmark drives beside Stratex. */
export default defineConfig({
  root: here('.'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: here('../dist/contestants'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 8192,
    cssMinify: false,
    rollupOptions: {
      input: {
        'duckdb-wasm-raw': here('./duckdb-wasm-raw.html'),
        perspective: here('./perspective.html'),
        arquero: here('./arquero.html'),
      },
    },
  },
});
