import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';
import { alias } from '../../vite.config.ts';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  staticDirs: [{ from: '../../fixtures/template', to: '/fixtures/template' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, { resolve: { alias }, build: { chunkSizeWarningLimit: 4096 } }),
};

export default config;
