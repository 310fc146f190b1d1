/**
 * A small reader for the few XML parts of a workbook: it walks the tags in order, with no
 * DOM (Node has none), no entity definitions and no external references. Names lose their
 * namespace prefix (`x:c` is `c`), which is all the workbook parts need.
 */
export interface XmlVisitor {
  open?(name: string, attributes: string, selfClosing: boolean): void;
  close?(name: string): void;
  /** Character data between tags, entities decoded. */
  text?(text: string): void;
}

export function walkXml(xml: string, visitor: XmlVisitor): void {
  walkFrom(xml, visitor, true);
}

/**
 * The same walk over text that comes in pieces (a sheet unpacked chunk by chunk): each
 * piece is walked as far as its last whole tag and text run, the rest kept for the next.
 */
export class XmlWalker {
  #rest = '';

  constructor(private readonly visitor: XmlVisitor) {}

  push(text: string): void {
    const xml = this.#rest === '' ? text : this.#rest + text;
    this.#rest = xml.slice(walkFrom(xml, this.visitor, false));
  }

  end(): void {
    walkFrom(this.#rest, this.visitor, true);
    this.#rest = '';
  }
}

/** Walks `xml`, and returns where it stopped: at its end, or (not `final`) before a cut-off construct. */
function walkFrom(xml: string, visitor: XmlVisitor, final: boolean): number {
  let at = 0;
  const { length } = xml;
  while (at < length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0 && !final) return at;
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > at && visitor.text) visitor.text(decodeEntities(xml.slice(at, textEnd)));
    if (lt < 0) return length;
    const next = xml.charCodeAt(lt + 1);
    if (next !== next && !final) return lt;
    if (next === 0x3f /* ? */) {
      const end = endOf(xml, '?>', lt);
      if (end < 0 && !final) return lt;
      at = end < 0 ? length : end;
    } else if (next === 0x21 /* ! */) {
      if (!final && lt + 9 > length) return lt;
      if (xml.startsWith('<![CDATA[', lt)) {
        const close = xml.indexOf(']]>', lt + 9);
        if (close < 0 && !final) return lt;
        const stop = close < 0 ? length : close;
        visitor.text?.(xml.slice(lt + 9, stop));
        at = close < 0 ? length : close + 3;
      } else {
        const end = endOf(xml, xml.startsWith('<!--', lt) ? '-->' : '>', lt);
        if (end < 0 && !final) return lt;
        at = end < 0 ? length : end;
      }
    } else {
      const gt = tagEnd(xml, lt);
      if (gt === length && !final) return lt;
      at = gt + 1;
      if (next === 0x2f /* / */) {
        visitor.close?.(localName(xml.slice(lt + 2, gt).trim()));
        continue;
      }
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f && gt - 1 > lt;
      const bodyEnd = selfClosing ? gt - 1 : gt;
      let nameEnd = lt + 1;
      while (nameEnd < bodyEnd && !isSpace(xml.charCodeAt(nameEnd))) nameEnd++;
      const name = localName(xml.slice(lt + 1, nameEnd));
      visitor.open?.(name, nameEnd < bodyEnd ? xml.slice(nameEnd, bodyEnd) : '', selfClosing);
      if (selfClosing) visitor.close?.(name);
    }
  }
  return length;
}

/** The `>` closing a tag that opens at `lt`, past any `>` inside quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let at = lt + 1; at < xml.length; at++) {
    const code = xml.charCodeAt(at);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) quote = code;
    else if (code === 0x3e) return at;
  }
  return xml.length;
}

/** Just past the `mark` that ends a construct opening at `from`; -1 when the text has none. */
function endOf(xml: string, mark: string, from: number): number {
  const found = xml.indexOf(mark, from);
  return found < 0 ? -1 : found + mark.length;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute's value (entities decoded) by its local name, or undefined. */
export function attribute(attributes: string, name: string): string | undefined {
  let found: string | undefined;
  eachAttribute(attributes, (key, value) => {
    if (key !== name) return true;
    found = value;
    return false;
  });
  return found;
}

/**
 * Hands each attribute to `visit` in order, by local name with its value (entities
 * decoded), until `visit` returns false or an attribute is malformed.
 */
export function eachAttribute(
  attributes: string,
  visit: (name: string, value: string) => boolean,
): void {
  const { length } = attributes;
  let at = 0;
  while (at < length) {
    while (at < length && isSpace(attributes.charCodeAt(at))) at++;
    const start = at;
    while (
      at < length &&
      attributes.charCodeAt(at) !== 0x3d &&
      !isSpace(attributes.charCodeAt(at))
    ) {
      at++;
    }
    const key = attributes.slice(start, at);
    while (at < length && isSpace(attributes.charCodeAt(at))) at++;
    if (attributes.charCodeAt(at) !== 0x3d /* = */) return;
    at++;
    while (at < length && isSpace(attributes.charCodeAt(at))) at++;
    const quote = attributes[at];
    if (quote !== '"' && quote !== "'") return;
    const end = attributes.indexOf(quote, at + 1);
    if (end < 0) return;
    if (!visit(localName(key), decodeEntities(attributes.slice(at + 1, end)))) return;
    at = end + 1;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? parseInt(entity.slice(2), 16)
          : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[entity] ?? whole;
  });
}

/** Excel's escape for characters XML cannot carry (`_x000D_` for a carriage return). */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
