import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMessageCode, MESSAGES, messageText } from '@stratex/core';
import type { MessageCode } from '@stratex/core';

const codes = Object.keys(MESSAGES) as MessageCode[];
const blanks = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');

describe('the message catalogue', () => {
  it.each(codes)('%s has its zh-CN and en text, with the same blanks', (code) => {
    const entry = MESSAGES[code];
    expect(Object.keys(entry).sort()).toEqual(['en', 'zh-CN']);
    expect(entry.en.trim()).not.toBe('');
    expect(entry['zh-CN'].trim()).not.toBe('');
    expect(entry['zh-CN']).not.toBe(entry.en);
    expect(blanks(entry['zh-CN']).sort()).toEqual(blanks(entry.en).sort());
  });

  it('fills blanks from the values given, by name, in either language', () => {
    expect(messageText('en', 'loadEmpty', { file: 'targets.csv' })).toBe('targets.csv is empty.');
    expect(messageText('zh-CN', 'loadEmpty', { file: 'targets.csv' })).toBe(
      'targets.csv 是空文件。',
    );
    expect(messageText('zh-CN', 'encodingNeither', { file: 'a$&.csv', line: 3 })).toContain(
      'a$&.csv 既不是 UTF-8 也不是 GBK 文本：第 3 行',
    );
    expect(messageText('en', 'guardWrites', {})).toContain('uses {word}');
  });
});

/** Every TypeScript source file of the packages, by path. */
function sources(): Map<string, string> {
  const files = new Map<string, string>();
  const root = new URL('../../../', import.meta.url);
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
        files.set(path, readFileSync(path, 'utf8'));
    }
  };
  for (const pkg of readdirSync(root, { withFileTypes: true })) {
    if (pkg.isDirectory()) walk(join(root.pathname, pkg.name, 'src'));
  }
  return files;
}

/** The text of the call's arguments that starts at `open` (the index of its `(`). */
function argumentsAt(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === "'" || char === '"' || char === '`') {
      for (i++; i < text.length && text[i] !== char; i++) if (text[i] === '\\') i++;
    } else if (char === '(' || char === '{' || char === '[') {
      depth++;
    } else if (char === ')' || char === '}' || char === ']') {
      if (--depth === 0) {
        args.push(text.slice(start, i));
        return args;
      }
    } else if (char === ',' && depth === 1) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return args;
}

/** Calls that name a message, and which of their arguments is the code. */
const CALLS: [RegExp, number][] = [
  [/(?<![\w$])(?:this\.)?(?:t|say)\(/g, 0],
  [/(?<![\w$.])(?:message|messageText)\(/g, 1],
  [/(?<![\w$.])loadError\(/g, 0],
  [/new UnsafeQueryError\(/g, 0],
];

/** Codes written in the sources (literals, and the fixed start of template literals). */
function codesInSources(): { literal: Set<string>; prefixes: Set<string>; calls: number } {
  const literal = new Set<string>();
  const prefixes = new Set<string>();
  let calls = 0;
  for (const [path, text] of sources()) {
    if (path.endsWith(join('messages', 'catalogue.ts'))) continue;
    const found: string[] = [];
    for (const [pattern, position] of CALLS) {
      for (const match of text.matchAll(pattern)) {
        const argument = argumentsAt(text, (match.index ?? 0) + match[0].length - 1)[position];
        if (argument !== undefined) found.push(argument);
      }
    }
    // `const code: MessageCode = a ? 'x' : 'y'` names codes too.
    for (const match of text.matchAll(/:\s*(?:MessageCode|MessageKey)\s*=\s*([^;]+);/g))
      found.push(match[1] ?? '');
    for (const argument of found) {
      calls++;
      for (const m of argument.matchAll(/'([A-Za-z][\w-]*)'/g)) literal.add(m[1] ?? '');
      for (const m of argument.matchAll(/`([A-Za-z][\w-]*)\$\{/g)) prefixes.add(m[1] ?? '');
    }
  }
  return { literal, prefixes, calls };
}

describe('codes used in the sources', () => {
  const used = codesInSources();

  it('are found where messages are named', () => {
    expect(used.calls).toBeGreaterThan(100);
    for (const code of [
      'loadEmpty',
      'guardSeveral',
      'columnUnknownNear',
      'treemapTitle',
      'errorTitle',
    ])
      expect(used.literal).toContain(code);
    expect(used.prefixes).toContain('task-');
  });

  it('all exist in the catalogue', () => {
    expect([...used.literal].filter((code) => !isMessageCode(code))).toEqual([]);
    const missingPrefixes = [...used.prefixes].filter(
      (prefix) => !codes.some((code) => code.startsWith(prefix)),
    );
    expect(missingPrefixes).toEqual([]);
  });
});
