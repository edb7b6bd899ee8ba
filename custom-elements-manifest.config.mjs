// Custom Elements Manifest (custom-elements.json): generated from the elements' JSDoc by
// `npm run build` (and `npm run manifest`); Storybook and editors read it.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/core/**', 'src/adapters/**', 'src/testing/**'],
  litelement: true,
  dependencies: false,
};
