import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const docs = join(repo, 'docs');
const pages = [
  join(repo, 'README.md'),
  ...readdirSync(docs)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(docs, name)),
];

/** The text a reader sees: fenced blocks and inline code hold examples, not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Every link target of a page: Markdown links and images, and HTML `src` / `href`. */
function targets(markdown: string): string[] {
  const text = prose(markdown);
  const markdownLinks = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)];
  const htmlLinks = [...text.matchAll(/\b(?:src|href)="([^"]+)"/g)];
  return [...markdownLinks, ...htmlLinks].map((match) => match[1] ?? '');
}

/** The anchors GitHub gives a page's headings (lower case, punctuation dropped, `-n` on repeats). */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, heading = ''] of markdown
    .replace(/^```[\s\S]*?^```/gm, '')
    .matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const words = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*_]/g, (mark) => (mark === '_' ? '_' : ''));
    const slug = words
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return found;
}

/** What is wrong with one relative link of `page`, or undefined when it leads somewhere. */
function brokenBecause(page: string, target: string): string | undefined {
  if (/^[a-z][a-z\d+.-]*:/i.test(target)) return undefined;
  const [path = '', anchor] = target.split('#');
  const file = path === '' ? page : resolve(dirname(page), decodeURI(path));
  if (!existsSync(file)) return `${relative(repo, file)} does not exist`;
  if (anchor === undefined) return undefined;
  if (statSync(file).isDirectory() || !file.endsWith('.md')) {
    return `#${anchor} points into ${relative(repo, file)}, which has no headings`;
  }
  if (!anchors(readFileSync(file, 'utf8')).has(decodeURIComponent(anchor))) {
    return `${relative(repo, file)} has no heading #${anchor}`;
  }
  return undefined;
}

describe('the README and docs/', () => {
  it.each(pages.map((page) => [relative(repo, page), page]))(
    '%s: every relative link and anchor leads somewhere',
    (_name, page) => {
      const broken = targets(readFileSync(page, 'utf8'))
        .map((target) => [target, brokenBecause(page, target)])
        .filter(([, reason]) => reason !== undefined);
      expect(broken).toEqual([]);
    },
  );

  it('links every page of docs/ from the README', () => {
    const linked = new Set(
      targets(readFileSync(join(repo, 'README.md'), 'utf8')).map((target) =>
        resolve(repo, target.split('#')[0] ?? ''),
      ),
    );
    const orphans = pages.filter((page) => page.startsWith(docs) && !linked.has(page));
    expect(orphans.map((page) => relative(repo, page))).toEqual([]);
  });

  it('keeps the README to 250 lines', () => {
    const lines = readFileSync(join(repo, 'README.md'), 'utf8').trimEnd().split('\n').length;
    expect(lines).toBeLessThanOrEqual(250);
  });
});
