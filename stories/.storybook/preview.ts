import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../../packages/widgets/custom-elements.json';
import '@stratex/widgets/define';

setCustomElementsManifest(manifest);

interface ElementDeclaration {
  tagName?: string;
  summary?: string;
  description?: string;
}

/** Each element's JSDoc summary and description, as its Docs page opens. */
const descriptions = new Map(
  manifest.modules
    .flatMap((module) => (module.declarations ?? []) as ElementDeclaration[])
    .filter((declaration) => declaration.tagName !== undefined)
    .map((declaration) => [
      declaration.tagName,
      [declaration.summary, declaration.description].filter(Boolean).join('\n\n'),
    ]),
);

const preview: Preview = {
  // A Docs page per element, from the manifest that its JSDoc writes.
  tags: ['autodocs'],
  // The manifest lists each setting twice, as an attribute and as the property behind it; the
  // stories set attributes (see manifest-args.ts), so the property rows are shown, not edited.
  argTypesEnhancers: [
    (context) =>
      Object.fromEntries(
        Object.entries(context.argTypes).map(([name, argType]) => [
          name,
          argType.table?.category === 'properties' ? { ...argType, control: false } : argType,
        ]),
      ),
  ],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    docs: {
      extractComponentDescription: (component: unknown) =>
        (typeof component === 'string' && descriptions.get(component)) || null,
    },
  },
};

export default preview;
