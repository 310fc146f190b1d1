import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { alias } from '../../vite.config.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Builds dist/stratex.js with its wasm and worker beside it, addressed relative to the script. */
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
    // Fetches a lazily loaded chunk's own imports alongside it, not one after the other.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      input: here('./src/stratex.ts'),
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: 'stratex.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
