import { noChange } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

type Props = Readonly<Record<string, string>>;

/**
 * Sets inline style properties through the CSSOM on every render. Lit's `styleMap` writes a
 * `style` attribute on first render, which a strict Content-Security-Policy blocks.
 */
class StyleProps extends Directive {
  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('styleProps goes on an element.');
  }

  render(_props: Props): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Props]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const [name, value] of Object.entries(props)) {
      style.setProperty(
        name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
        value,
      );
    }
    return noChange;
  }
}

/** `<span ${styleProps({ left: '12%' })}>`: CSP-safe inline styles. */
export const styleProps = directive(StyleProps);
