import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { strictBuild } from '../../vite.config.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const strict = strictBuild(import.meta.url);

/**
 * `STRATEX_THREADS=1` also ships DuckDB's threaded build, which a cross-origin isolated page
 * then runs (34 MB more; docs/deployment.md says why the default build has none).
 */
const threads = process.env.STRATEX_THREADS === '1';
const threadedBuild = here('../data/src/browser/threaded-build.ts');

/** Builds dist/stratex.js with its wasm and worker beside it, addressed relative to the script. */
export default defineConfig({
  ...strict,
  resolve: {
    alias: threads
      ? { ...strict.resolve.alias, './no-threaded-build': threadedBuild }
      : strict.resolve.alias,
  },
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
