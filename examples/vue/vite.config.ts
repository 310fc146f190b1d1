import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the Vue example; stratex.js is served beside it under /stratex/, not bundled. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('sx-') } } }),
  ],
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true },
});
