import { defineConfig } from 'vite';
import { strictBuild } from '../../vite.config.ts';

/** Builds the workbench page into dist/, with the engine's wasm and worker among its assets. */
export default defineConfig(strictBuild(import.meta.url));
