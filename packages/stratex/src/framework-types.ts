import { attributeType, definedParts, detailType, doc, generatedNote } from './declarations';
import type { PublicElement } from './manifest';

interface Prop {
  name: string;
  type: string;
  description: string;
}

const camel = (name: string): string =>
  name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
const pascal = (name: string): string => camel(`-${name}`);

/** Attributes every HTML element has, which React's own `HTMLAttributes` already say. */
const reactsOwn = new Set(['class', 'dir', 'hidden', 'id', 'lang', 'style', 'title']);

/** Attributes by their own names, then writable properties a template may set by name. */
function templateProps(
  element: PublicElement,
  name: (attribute: string) => string,
  skip: ReadonlySet<string> = new Set(),
): Prop[] {
  const props = new Map<string, Prop>();
  for (const attribute of element.attributes) {
    if (skip.has(attribute.name)) continue;
    props.set(name(attribute.name), {
      name: name(attribute.name),
      type: attributeType(attribute.type),
      description: attribute.description,
    });
  }
  for (const field of element.fields) {
    if (field.readonly || props.has(field.name)) continue;
    props.set(field.name, {
      name: field.name,
      type: definedParts(field.type).join(' | '),
      description: field.description,
    });
  }
  return [...props.values()];
}

function propLines(props: Prop[]): string {
  return props
    .map((prop) => `${doc(prop.description, '  ')}  '${prop.name}'?: ${prop.type};\n`)
    .join('');
}

function listenerLines(element: PublicElement, prop: (event: string) => string): string {
  return element.events
    .map(
      (event) =>
        `${doc(event.description, '  ')}  '${prop(event.name)}'?: (event: CustomEvent<${detailType(element, event.name)}>) => void;\n`,
    )
    .join('');
}

/**
 * `types/react.d.ts`: React 19's JSX for every element. React sets a prop the element has as
 * a property (`data`, `asOf`), others as attributes, and `on<event name>` listens to the event.
 */
export function reactDeclarations(elements: PublicElement[], vocabulary: Set<string>): string {
  const interfaces = elements
    .map(
      (element) =>
        doc(
          `Props of \`<${element.tag}>\` in React: attributes as written, properties, listeners.`,
        ) +
        `export interface ${element.className}Props {\n` +
        propLines(templateProps(element, (attribute) => attribute, reactsOwn)) +
        listenerLines(element, (event) => `on${event}`) +
        `}\n`,
    )
    .join('\n');
  return (
    `${generatedNote}\n` +
    `import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n` +
    `import type { ${elements.map((element) => element.className).join(', ')} } from './index.js';\n` +
    `import type { ${[...vocabulary].sort().join(', ')} } from './vocabulary.js';\n\n` +
    `type ElementProps<E extends HTMLElement, Own> = Own & Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Own>;\n\n` +
    interfaces +
    `\ndeclare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n` +
    elements
      .map(
        (element) =>
          `      '${element.tag}': ElementProps<${element.className}, ${element.className}Props>;\n`,
      )
      .join('') +
    `    }\n  }\n}\n`
  );
}

/**
 * `types/vue.d.ts`: Vue's `GlobalComponents` for every element, so that templates checked by
 * Vue's tooling know the attributes (`as-of` or `asOf`), properties and `@sx-…` listeners.
 */
export function vueDeclarations(elements: PublicElement[], vocabulary: Set<string>): string {
  const interfaces = elements
    .map(
      (element) =>
        doc(`Props of \`<${element.tag}>\` in Vue templates: attributes, properties, listeners.`) +
        `export interface ${element.className}VueProps {\n` +
        propLines(templateProps(element, camel)) +
        listenerLines(element, (event) => `on${pascal(event)}`) +
        `}\n`,
    )
    .join('\n');
  return (
    `${generatedNote}\n` +
    `import type { DefineComponent } from 'vue';\n` +
    `import type { ${[...vocabulary].sort().join(', ')} } from './vocabulary.js';\n\n` +
    interfaces +
    `\ndeclare module 'vue' {\n  interface GlobalComponents {\n` +
    elements
      .map((element) => `    '${element.tag}': DefineComponent<${element.className}VueProps>;\n`)
      .join('') +
    `  }\n}\n`
  );
}
