import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));

/** Modules may hold this many lines; past it, a module does more than one thing. */
const MOST_LINES = 350;
/** Only words: every sentence the widgets say, in both languages, in one table. */
const EXEMPT = new Set(['packages/core/src/messages/catalogue.ts']);

function modules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory())
      return ['node_modules', 'dist'].includes(entry.name) ? [] : modules(path);
    return /\.(ts|mts|mjs)$/.test(entry.name) && !/\.(test|d)\.[cm]?ts$/.test(entry.name)
      ? [path]
      : [];
  });
}

describe('product modules stay small', () => {
  const roots = [
    'packages/core/src',
    'packages/data/src',
    'packages/widgets/src',
    'packages/embed/src',
    'packages/stratex/src',
    'apps/analyst/src',
  ];
  const files = roots.flatMap((root) => modules(join(repo, root)));

  it('finds the modules', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it(`has no module over ${MOST_LINES} lines but the message catalogue`, () => {
    const long = files
      .map(
        (file) =>
          [relative(repo, file), readFileSync(file, 'utf8').split('\n').length - 1] as const,
      )
      .filter(([file, lines]) => lines > MOST_LINES && !EXEMPT.has(file));
    expect(long).toEqual([]);
  });
});
