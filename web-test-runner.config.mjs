// @web/test-runner: the layer for tests written against @open-wc/testing (mocha + chai) in a
// real Chromium. Test files: test/wtr/**/*.test.ts. Run with `npm run test:wtr`.
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter, summaryReporter } from '@web/test-runner';
import { jsonCountsReporter } from './scripts/wtr-json-reporter.mjs';
// Node 24 (the `node` devDependency, used by every npm script) loads this .ts file natively.
import { CHROME_PATH, CHROMIUM_ARGS } from './scripts/toolchain.ts';

const mockServiceWorker = fileURLToPath(new URL('./public/mockServiceWorker.js', import.meta.url));

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/wtr/**/*.test.ts'],
  rootDir: '.',
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1, // 2 cores
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 5000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROME_PATH,
        headless: true,
        args: [...CHROMIUM_ARGS],
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  middleware: [
    // MSW's worker must be served from the site root to control the whole page.
    function serveMockServiceWorker(context, next) {
      if (context.path === '/mockServiceWorker.js') {
        context.type = 'application/javascript';
        context.body = createReadStream(mockServiceWorker);
        return undefined;
      }
      return next();
    },
  ],
  // summaryReporter lists every test; defaultReporter prints logs, errors and progress.
  reporters: [
    summaryReporter({ reportTestLogs: false, reportTestErrors: false }),
    defaultReporter(),
    jsonCountsReporter(),
  ],
};
