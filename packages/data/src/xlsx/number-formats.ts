import { attribute, walkXml } from './xml';

/**
 * How a cell's number is shown, as far as its meaning goes: a date or time, a percent, or a
 * number with the words or symbols its format writes around it (`¥`, `万元`).
 */
export type NumberFormat =
  | { kind: 'date'; date: boolean; time: boolean }
  | { kind: 'percent' }
  | { kind: 'number'; prefix: string; suffix: string };

const PLAIN: NumberFormat = { kind: 'number', prefix: '', suffix: '' };

/** Excel's built-in formats by id that are not plain numbers (the rest are). */
function builtIn(id: number): NumberFormat {
  if (id === 9 || id === 10) return { kind: 'percent' };
  if ((id >= 14 && id <= 17) || id === 22) return { kind: 'date', date: true, time: id === 22 };
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) {
    return { kind: 'date', date: false, time: true };
  }
  // The East Asian built-ins (年/月/日 and era dates).
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
    return { kind: 'date', date: true, time: false };
  }
  return PLAIN;
}

/** A format code's meaning: what it shows of a number, read from its first (positive) section. */
export function readFormatCode(code: string): NumberFormat {
  const section = firstSection(code);
  // Quoted text, escaped characters, paddings and fills say nothing about the kind.
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  if (/general/i.test(bare)) return affixes(section);
  if (/[ymdhs]/i.test(bare) || /[年月日时分秒]/.test(bare)) {
    const date = /[yd]/i.test(bare) || /m/i.test(bare.replace(/h+[^a-z]*m+|m+[^a-z]*s+/gi, ''));
    return { kind: 'date', date, time: /[hs]/i.test(bare) };
  }
  if (bare.includes('%')) return { kind: 'percent' };
  if (/E[+-]/i.test(bare)) return PLAIN;
  return affixes(section);
}

function firstSection(code: string): string {
  let quoted = false;
  for (let at = 0; at < code.length; at++) {
    const ch = code[at];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\') at++;
    else if (ch === ';' && !quoted) return code.slice(0, at);
  }
  return code;
}

/** The literal text a format writes before and after the digits (`[$¥-804]#,##0` → `¥`). */
function affixes(section: string): NumberFormat {
  const tokens = section.match(/"[^"]*"|\\.|\[[^\]]*\]|[_*].|[0#?.,]+|general|./gi) ?? [];
  let prefix = '';
  let suffix = '';
  let seenDigits = false;
  for (const token of tokens) {
    if (/^[0#?.,]+$/.test(token) || /^general$/i.test(token)) {
      seenDigits = true;
      continue;
    }
    const literal = literalOf(token);
    if (seenDigits) suffix += literal;
    else prefix += literal;
  }
  return { kind: 'number', prefix: prefix.trim(), suffix: suffix.trim() };
}

function literalOf(token: string): string {
  // A sign, even escaped or quoted (`[<0]\-#,##0;\+#,##0`), is the number's own, not a word.
  if (/^(?:\\|")?[+-]"?$/.test(token)) return '';
  if (token.startsWith('"')) return token.slice(1, -1);
  if (token.startsWith('\\')) return token.slice(1);
  if (token.startsWith('[$')) return /^\[\$([^-\]]*)/.exec(token)?.[1] ?? '';
  if (token.startsWith('[') || token.startsWith('_') || token.startsWith('*')) return '';
  if (/^[¥$€£￥元]$/.test(token)) return token;
  return /^[()+\- ]$/.test(token) ? '' : token;
}

/** The number format of every cell style (`s` on a cell) of `xl/styles.xml`. */
export function readStyles(xml: string): NumberFormat[] {
  const custom = new Map<number, NumberFormat>();
  const styles: NumberFormat[] = [];
  let inCellXfs = false;
  walkXml(xml, {
    open(name, attributes) {
      if (name === 'numFmt') {
        const id = Number(attribute(attributes, 'numFmtId'));
        custom.set(id, readFormatCode(attribute(attributes, 'formatCode') ?? ''));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(attributes, 'numFmtId') ?? 0);
        styles.push(custom.get(id) ?? builtIn(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

export const PLAIN_NUMBER_FORMAT = PLAIN;
