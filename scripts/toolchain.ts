/**
 * Settings shared by the Vite, Vitest and @web/test-runner configs.
 * Plain, erasable TypeScript: Node 24 loads it directly (web-test-runner.config.mjs imports it).
 */
import type { BuildOptions } from 'esbuild';

/** Debian's Chromium; override with CHROME_PATH. No browser download works on these machines. */
export const CHROME_PATH: string = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

/**
 * Flags for headless Chromium here: runs as root (--no-sandbox) on a closed network
 * (without the networking flags every start is slowed by refused connections).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Dependencies Vite must pre-bundle up front. Listing every Lit entry point we import keeps one
 * copy of Lit in the dependency graph ("Multiple versions of Lit loaded" otherwise) and avoids
 * a mid-test re-optimization reload. Add new lit/* entry points here when you start using them.
 */
export const OPTIMIZE_DEPS_INCLUDE: string[] = [
  'lit',
  'lit/decorators.js',
  'lit/directive.js',
  'lit/directive-helpers.js',
  'lit/async-directive.js',
  'lit/static-html.js',
  'lit/directives/class-map.js',
  'lit/directives/if-defined.js',
  'lit/directives/live.js',
  'lit/directives/map.js',
  'lit/directives/ref.js',
  'lit/directives/repeat.js',
  'lit/directives/when.js',
  '@lit/context',
  'd3-array',
  'msw',
  'msw/browser',
  // Stories composed in browser tests (test/browser/stories-docs-page.test.ts).
  '@storybook/web-components-vite',
  'storybook/preview-api',
  'storybook/test',
];

/**
 * esbuild options for bundling as a consumer's production build would: ESM for browsers,
 * Lit's production build (the `production` export condition and NODE_ENV). Used by the size
 * budget, the packaging test, the render benchmark and the strict-CSP harness.
 */
export const CONSUMER_BUILD: BuildOptions = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
};
