import { defineConfig } from 'vite';
import { strictBuild } from '../../vite.config.ts';

const strict = strictBuild(import.meta.url);

/**
 * Builds the workbench page into dist/, with the engine's wasm and worker among its assets.
 * The workbench starts the engine at once, so the engine is in its first chunk: the widgets'
 * lazy link to it (which keeps it out of stratex.js's first chunk) has nothing to split here,
 * and only that is not warned about.
 */
export default defineConfig({
  ...strict,
  build: {
    ...strict.build,
    rolldownOptions: {
      onLog(level, log, handler) {
        const engineLink =
          log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' &&
          log.message.includes('packages/data/src/index.ts') &&
          log.message.includes('packages/widgets/src/base/engine-link.ts');
        if (!engineLink) handler(level, log);
      },
    },
  },
});
