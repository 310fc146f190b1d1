import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attribute,
  decodeExcelEscapes,
  walkXml,
  XmlWalker,
  type XmlVisitor,
} from '../../../src/xlsx/xml';

const recorder = (seen: string[]): XmlVisitor => ({
  open: (name, attributes, selfClosing) =>
    seen.push(`<${name}${selfClosing ? '/' : ''}${attributes ? ` ${attributes.trim()}` : ''}>`),
  close: (name) => seen.push(`</${name}>`),
  text: (text) => seen.push(text),
});
const events = (xml: string): string[] => {
  const seen: string[] = [];
  walkXml(xml, recorder(seen));
  return seen;
};
/** The events of the same XML handed over in pieces, cut at `cuts`. */
const eventsInPieces = (xml: string, cuts: number[]): string[] => {
  const seen: string[] = [];
  const walker = new XmlWalker(recorder(seen));
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    walker.push(xml.slice(from, cut));
    from = cut;
  }
  walker.push(xml.slice(from));
  walker.end();
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

describe('the tag reader over pieces', () => {
  const sheet =
    '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a > b --><worksheet><sheetData>' +
    '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> 华东 &amp; 华南 </t></is></c>' +
    '<c r="B1" t="str" s="2"><f>A1&amp;"&gt;"</f><v>a&gt;b</v></c></row>' +
    '<row r="3" spans="1:2"><c r="A3"><v>45444</v></c><c r="B3" t="s"><v>0</v></c></row>' +
    '<x:row r="4"/><c t="inlineStr"><is><t><![CDATA[<b>]]></t></is></c></sheetData></worksheet>';

  it('gives the same tags and text wherever the pieces are cut', () => {
    const whole = events(sheet);
    for (let cut = 0; cut <= sheet.length; cut++) {
      expect(eventsInPieces(sheet, [cut])).toEqual(whole);
    }
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: sheet.length }), { maxLength: 30 }),
        (cuts) => {
          expect(eventsInPieces(sheet, cuts)).toEqual(whole);
        },
      ),
    );
  });
});
