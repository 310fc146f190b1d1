// Builds the workbench into dist/ and puts the embed build beside it under stratex/, so that a
// snippet copied from the workbench can be tried on the same server.
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const embed = here('../../packages/embed/dist/');

if (!existsSync(`${embed}stratex.js`)) {
  console.error('packages/embed/dist/stratex.js is missing: run `pnpm run build:embed` first.');
  process.exit(1);
}
await build({ configFile: here('./vite.config.ts') });
cpSync(embed, here('./dist/stratex/'), { recursive: true });
console.log(`analyst workbench built in ${here('./dist/')}`);
