// Manifest of the public elements for editors and Storybook. Reactive state that is not
// public (protected or private fields) is not an attribute, whatever Lit's declaration says.
const hideInternalState = {
  name: 'stratex-hide-internal-state',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        const hidden = new Set(
          (declaration.members ?? [])
            .filter((member) => member.privacy === 'protected' || member.privacy === 'private')
            .map((member) => member.name),
        );
        if (declaration.attributes) {
          declaration.attributes = declaration.attributes.filter(
            (attribute) => !hidden.has(attribute.fieldName ?? attribute.name),
          );
        }
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [hideInternalState],
};
