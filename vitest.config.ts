import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import type { BrowserConfigOptions } from 'vitest/node';
import { CHROME_PATH, CHROMIUM_ARGS, OPTIMIZE_DEPS_INCLUDE } from './scripts/toolchain.ts';
import { fixtureApi } from './test/fixtures/fixture-api.ts';

/**
 * A FRESH browser config object for every browser project: Vitest mutates `instances`, and an
 * object shared between projects mislabels them.
 */
function chromiumBrowser(): BrowserConfigOptions {
  return {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: {
        executablePath: CHROME_PATH,
        args: [...CHROMIUM_ARGS],
      },
    }),
    instances: [{ browser: 'chromium' }],
    screenshotFailures: false,
  };
}

// Where a test lives decides where it runs (see README "Testing"):
//   core    – Node: DOM-free code (core, adapters, testing, mocks, scripts, test/node)
//   browser – Chromium via Vitest browser mode: anything that touches the DOM or Lit
export default defineConfig({
  optimizeDeps: {
    include: OPTIMIZE_DEPS_INCLUDE,
  },
  test: {
    // Coverage of src/ (V8, every project): `npm test` runs Vitest with --coverage and fails below
    // the thresholds. Report: .test-results/coverage/ (index.html, coverage-summary.json).
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // Tests, stories, and files with types only (framework JSX typings, core's domain types).
      exclude: ['**/*.test.ts', '**/*.stories.ts', 'src/frameworks/**', 'src/core/types.ts'],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: '.test-results/coverage',
      thresholds: {
        lines: 85,
        'src/core/**': { lines: 95, branches: 90 },
      },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: [
            'src/core/**/*.test.ts',
            'src/adapters/**/*.test.ts',
            'src/contract/**/*.test.ts',
            'src/testing/**/*.test.ts',
            'mocks/**/*.test.ts',
            'test/node/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        // REST routes for code that fetches outside the page (the analysis worker).
        plugins: [fixtureApi()],
        test: {
          name: 'browser',
          include: [
            'src/elements/**/*.test.ts',
            'src/data/**/*.test.ts',
            'src/charts/**/*.test.ts',
            'src/controllers/**/*.test.ts',
            'src/i18n/**/*.test.ts',
            'test/browser/**/*.test.ts',
          ],
          browser: chromiumBrowser(),
        },
      },
      {
        // Every story rendered in Chromium, its play function run, axe checked (a11y: 'error'),
        // and no console error allowed (.storybook/vitest.setup.ts).
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: chromiumBrowser(),
          setupFiles: ['.storybook/vitest.setup.ts'],
        },
      },
      {
        // The reference backend against a real PostgreSQL: globalSetup starts a throwaway cluster
        // (initdb + pg_ctl in a temp dir, 127.0.0.1, free port) and removes it at the end.
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts', 'server/**/*.test.ts'],
          globalSetup: ['test/server/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
