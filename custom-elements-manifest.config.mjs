// Custom Elements Manifest (custom-elements.json): generated from the elements' JSDoc by
// `npm run manifest` (and the library build); Storybook and editors read it.
export default {
  // The elements, their base class (inherited members) and their strings: nothing else, so the
  // committed manifest changes only when an element's API or docs do.
  globs: ['src/elements/**/*.ts'],
  // define.ts and emit.ts are helpers of the elements, not part of any element's API.
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/elements/define.ts', 'src/elements/emit.ts'],
  litelement: true,
  dependencies: false,
  // package.json names the manifest itself; the analyzer must not rewrite it (the freshness
  // test analyzes into another folder).
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in file-system order, which varies between machines and
      // runs: sort them so the committed file only changes when an element does.
      name: 'odw-stable-module-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
