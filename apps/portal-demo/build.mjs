// Assembles the portal demo: the page, the embed build under stratex/, the template and pacing fixtures.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { liveFiles } from './live-feed.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const out = here('./dist/');
const embed = here('../../packages/embed/dist/');

if (!existsSync(`${embed}stratex.js`)) {
  console.error('packages/embed/dist/stratex.js is missing: run `pnpm run build:embed` first.');
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(here('./public/'), out, { recursive: true });
cpSync(embed, `${out}stratex/`, { recursive: true });
cpSync(here('../../fixtures/template/'), `${out}fixtures/template/`, { recursive: true });
cpSync(here('../../fixtures/pacing/'), `${out}fixtures/pacing/`, { recursive: true });
// The live KPI export as it stands before the feed appends anything (serve.mjs then grows it).
liveFiles(`${out}live/`).reset();
console.log(`portal demo assembled in ${out}`);
