import { describe, expect, it } from 'vitest';
import { attribute, decodeExcelEscapes, walkXml } from '../../../src/xlsx/xml';

const events = (xml: string): string[] => {
  const seen: string[] = [];
  walkXml(xml, {
    open: (name, attributes, selfClosing) =>
      seen.push(`<${name}${selfClosing ? '/' : ''}${attributes ? ` ${attributes.trim()}` : ''}>`),
    close: (name) => seen.push(`</${name}>`),
    text: (text) => seen.push(text),
  });
  return seen;
};

describe('the tag reader', () => {
  it('walks tags and text, drops namespace prefixes, declarations and comments', () => {
    expect(events('<?xml version="1.0"?><!-- note --><x:c r="A1"><x:v>1</x:v></x:c>')).toEqual([
      '<c r="A1">',
      '<v>',
      '1',
      '</v>',
      '</c>',
    ]);
  });

  it('decodes entities and reads CDATA as text, and a > inside a quoted value stays in it', () => {
    expect(events('<t a="x>y">&lt;5 &amp; &#x4E07;&#20803;<![CDATA[<b>]]></t><e/>')).toEqual([
      '<t a="x>y">',
      '<5 & 万元',
      '<b>',
      '</t>',
      '<e/>',
      '</e>',
    ]);
  });

  it('reads attributes by local name, entities decoded, either quote', () => {
    expect(attribute(' r:id="rId2" name=\'A &amp; B\'', 'id')).toBe('rId2');
    expect(attribute(' r:id="rId2" name=\'A &amp; B\'', 'name')).toBe('A & B');
    expect(attribute(' sheetId="1"', 'id')).toBeUndefined();
  });

  it("undoes Excel's escapes for characters XML cannot carry", () => {
    expect(decodeExcelEscapes('a_x000D_b')).toBe('a\rb');
  });
});
