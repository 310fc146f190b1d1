import type { Preview } from '@storybook/web-components-vite';
import '@stratex/widgets/define';

const preview: Preview = {
  parameters: { layout: 'padded' },
};

export default preview;
