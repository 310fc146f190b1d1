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
