import type { StorybookConfig } from '@storybook/web-components-vite';
import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mergeConfig, type Plugin } from 'vite';
import { alias } from '../../vite.config.ts';

const generated = fileURLToPath(new URL('../../fixtures/generated/', import.meta.url));

/**
 * `storybook dev` serves the generated sales files (`npx tsx fixtures/generate.ts`) at
 * `/fixtures/generated/`, for the stories at scale. Only those files: the folder also holds
 * the scale-out databases' working folders. The static build does not carry them.
 */
const generatedSales: Plugin = {
  name: 'stratex-generated-sales',
  configureServer(server) {
    server.middlewares.use('/fixtures/generated', (request, response, next) => {
      const name = /^\/(sales_\d+\.(?:csv|parquet))$/.exec(request.url ?? '')?.[1];
      if (!name || !existsSync(generated + name)) return next();
      response.setHeader(
        'Content-Type',
        name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream',
      );
      createReadStream(generated + name).pipe(response);
    });
  },
};

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  staticDirs: [{ from: '../../fixtures/template', to: '/fixtures/template' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      resolve: { alias },
      build: { chunkSizeWarningLimit: 4096 },
      plugins: [generatedSales],
    }),
};

export default config;
