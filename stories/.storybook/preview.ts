import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../../packages/widgets/custom-elements.json';
import '@stratex/widgets/define';

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: { layout: 'padded', controls: { expanded: true } },
};

export default preview;
