import type { PublicElement } from './manifest';

/** Detail type of each event, by name; `sx-data-source` says more about its loads and failures. */
const eventDetails: Record<string, string> = {
  'sx-select': 'SxSelectDetail',
  'sx-data-load': 'SxDataLoadDetail',
  'sx-data-error': 'SxDataErrorDetail',
  'sx-alert': 'SxAlertDetail',
  'sx-alert-cleared': 'SxAlertClearedDetail',
  'sx-what-if': 'SxWhatIfDetail',
  'sx-drill-through': 'SxDrillThroughDetail',
};
const sourceEventDetails: Record<string, string> = {
  'sx-data-load': 'SxSourceLoadDetail',
  'sx-data-error': 'SxSourceErrorDetail',
  'sx-data-progress': 'SxSourceProgressDetail',
};

/** Types any page's TypeScript knows without the package's own words. */
const globalTypes = new Set(['Blob', 'Date', 'File', 'Promise', 'Readonly', 'Record', 'Array']);

export const generatedNote =
  '// Generated from custom-elements.json when the package is built; edit the elements, not this file.';

/** The names a type text refers to (capitalised identifiers outside string literals). */
function namesIn(typeText: string): string[] {
  return typeText.replace(/'[^']*'|"[^"]*"/g, '').match(/\b[A-Z]\w*/g) ?? [];
}

/** The `export interface|type Name` names of the shipped vocabulary. */
export function vocabularyNames(vocabulary: string): Set<string> {
  return new Set([...vocabulary.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]!));
}

/** Fails when an element's type names a word the package does not ship. */
export function checkTypeNames(elements: PublicElement[], vocabulary: Set<string>): void {
  for (const element of elements) {
    const texts = [
      ...element.fields.map((field) => [field.name, field.type]),
      ...element.attributes.map((attribute) => [attribute.name, attribute.type ?? '']),
      ...element.methods.map((method) => [method.name, `${method.parameters} ${method.returns}`]),
    ];
    for (const [name, text] of texts) {
      const unknown = namesIn(text ?? '').filter((n) => !vocabulary.has(n) && !globalTypes.has(n));
      if (unknown.length > 0) {
        throw new Error(
          `${element.tag} ${name} has the type ${text}, naming ${unknown.join(', ')}, which ` +
            'packages/stratex/src/vocabulary.d.ts does not declare.',
        );
      }
    }
  }
}

export function detailType(element: PublicElement, event: string): string {
  const detail =
    (element.tag === 'sx-data-source' ? sourceEventDetails[event] : undefined) ??
    eventDetails[event];
  if (!detail) {
    throw new Error(
      `${element.tag} fires ${event}, which has no detail type in packages/stratex/src/declarations.ts.`,
    );
  }
  return detail;
}

export const definedParts = (type: string): string[] =>
  type
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined');

/** What an attribute accepts as written in a template: its property's type, numbers also as text. */
export function attributeType(type: string | undefined): string {
  if (type === undefined) return 'string | boolean';
  const parts = definedParts(type);
  return (parts.includes('number') ? [...parts, 'string'] : parts).join(' | ');
}

export const doc = (text: string, indent = ''): string =>
  text.trim()
    ? `${indent}/** ${text.trim().replace(/\s+/g, ' ').replace(/\*\//g, '*\\/')} */\n`
    : '';

const listenerSignatures = (className: string, map: string): string =>
  ['addEventListener', 'removeEventListener']
    .map(
      (method) =>
        `  ${method}<K extends keyof ${map}>(type: K, listener: (this: ${className}, event: ${map}[K]) => unknown, options?: boolean | ${method === 'addEventListener' ? 'AddEventListenerOptions' : 'EventListenerOptions'}): void;\n` +
        `  ${method}(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | ${method === 'addEventListener' ? 'AddEventListenerOptions' : 'EventListenerOptions'}): void;\n`,
    )
    .join('');

function elementDeclaration(element: PublicElement): string {
  const map = `${element.className}EventMap`;
  const events = element.events
    .map(
      (event) =>
        `${doc(event.description, '  ')}  '${event.name}': CustomEvent<${detailType(element, event.name)}>;\n`,
    )
    .join('');
  const fields = element.fields
    .map(
      (field) =>
        `${doc(field.description, '  ')}  ${field.readonly ? 'readonly ' : ''}${field.name}: ${field.type};\n`,
    )
    .join('');
  const methods = element.methods
    .map(
      (method) =>
        `${doc(method.description, '  ')}  ${method.name}(${method.parameters}): ${method.returns};\n`,
    )
    .join('');
  const attributes = element.attributes
    .map(
      (attribute) =>
        `${doc(attribute.description, '  ')}  '${attribute.name}'?: ${attributeType(attribute.type)};\n`,
    )
    .join('');
  return (
    `/** The attributes of \`<${element.tag}>\`, as written in HTML or a template. */\n` +
    `export interface ${element.className}Attributes {\n${attributes}}\n\n` +
    `/** The events \`<${element.tag}>\` fires (bubbling and composed). */\n` +
    `export interface ${map} extends HTMLElementEventMap {\n${events}}\n\n` +
    doc(`\`<${element.tag}>\`: ${element.summary}`) +
    `export interface ${element.className} extends HTMLElement {\n${fields}${methods}` +
    `${listenerSignatures(element.className, map)}}\n`
  );
}

/** The shape every page listener of an `sx-` event sees, whichever element fired it. */
function pageEvents(elements: PublicElement[]): string {
  const names = [...new Set(elements.flatMap((element) => element.events.map((e) => e.name)))];
  return names
    .sort()
    .map((name) => `    '${name}': CustomEvent<${eventDetails[name] ?? 'unknown'}>;\n`)
    .join('');
}

/** `types/index.d.ts`: every element's interface, the tag map and the `sx-` event maps. */
export function elementDeclarations(elements: PublicElement[], vocabulary: Set<string>): string {
  checkTypeNames(elements, vocabulary);
  const words = [...vocabulary].sort().join(', ');
  return (
    `${generatedNote}\n` +
    `import type { ${words} } from './vocabulary.js';\n\n` +
    `export type * from './vocabulary.js';\n\n` +
    elements.map(elementDeclaration).join('\n') +
    `\n/** Every tag the package defines, and the interface of each. */\n` +
    `export interface StratexElements {\n` +
    elements.map((element) => `  '${element.tag}': ${element.className};\n`).join('') +
    `}\n\ndeclare global {\n` +
    `  interface HTMLElementTagNameMap {\n` +
    elements.map((element) => `    '${element.tag}': ${element.className};\n`).join('') +
    `  }\n\n  interface GlobalEventHandlersEventMap {\n${pageEvents(elements)}  }\n}\n`
  );
}
