/** What the hostile-data tests check after each widget: nothing ran, nothing was made from data. */
export const page = globalThis as typeof globalThis & { __sxHostileRan?: unknown };
export const pageErrors: string[] = [];
addEventListener('error', (event) => pageErrors.push(`error: ${event.message}`));
addEventListener('unhandledrejection', (event) =>
  pageErrors.push(`unhandled rejection: ${String(event.reason)}`),
);

/** Elements no widget makes: finding one means data became markup. */
const neverMade =
  'script, img, iframe, object, embed, style, link, meta, base, form, a, video, audio';

/** Every element inside `root`, through shadow roots. */
function allElements(root: ParentNode, found: Element[] = []): Element[] {
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) allElements(element.shadowRoot, found);
  }
  return found;
}

/** What data would have made, had any of it become markup. */
export function madeFromData(): string[] {
  const made: string[] = [];
  for (const element of allElements(document.body)) {
    if (element.matches(neverMade)) made.push(`<${element.localName}>`);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) made.push(`${element.localName}[${attribute.name}]`);
      if (
        /^(href|src|action|formaction|xlink:href)$/i.test(attribute.name) &&
        /^\s*javascript:/i.test(attribute.value)
      )
        made.push(`${element.localName}[${attribute.name}=${attribute.value}]`);
    }
  }
  return made;
}

export const normal = (text: string): string => text.replace(/\s+/g, ' ').trim();
