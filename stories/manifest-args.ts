import { nothing } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

/** Attributes an element reflects to say how it is, not settings: a control for them would do nothing. */
export const OUTPUT_ATTRIBUTES = new Set(['state']);

/**
 * The attributes an element takes (those Storybook offers as controls from the manifest, which
 * the element's JSDoc writes), as the defined element itself lists them.
 */
export function settingAttributes(tag: string): string[] {
  const element = customElements.get(tag) as { observedAttributes?: string[] } | undefined;
  const observed = element?.observedAttributes ?? [];
  // A widget (it follows `lang`) also reads `show-table` in its styles and `theme` in its theme
  // controller, neither through a property of its own.
  const styled = observed.includes('lang') ? ['show-table', 'theme'] : [];
  return [...new Set([...observed, ...styled])].filter((name) => !OUTPUT_ATTRIBUTES.has(name));
}

/**
 * Sets every attribute of the element that the story's args name by the attribute's own name
 * (the controls Storybook adds from the manifest), but those in `skip`; an arg taken away
 * removes the attribute it set. Placed last in the tag, it has the last word.
 */
class ManifestArgs extends Directive {
  readonly #set = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('manifestArgs goes inside a tag.');
  }

  render(_args: object, _skip?: readonly string[]): typeof nothing {
    return nothing;
  }

  override update(
    part: ElementPart,
    [args, skip = []]: [object, (readonly string[])?],
  ): typeof nothing {
    const element = part.element;
    for (const name of settingAttributes(element.localName)) {
      if (skip.includes(name)) continue;
      const value = (args as Readonly<Record<string, unknown>>)[name];
      if (value === undefined || value === null || value === false) {
        if (this.#set.delete(name)) element.removeAttribute(name);
      } else {
        element.setAttribute(name, value === true ? '' : String(value));
        this.#set.add(name);
      }
    }
    return nothing;
  }
}

export const manifestArgs = directive(ManifestArgs);
