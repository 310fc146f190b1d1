import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { strictBuild } from '../../vite.config.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const strict = strictBuild(import.meta.url);

/** Builds dist/stratex.js with its wasm and worker beside it, addressed relative to the script. */
export default defineConfig({
  ...strict,
  build: {
    ...strict.build,
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
