// A @web/test-runner reporter that writes pass/fail/skip counts to a JSON file, for scripts/test.mjs.
// A session (one test file in one browser) that failed without any failed test — e.g. the file
// did not load, or an error escaped after the tests — counts as one failure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** @param {{ tests?: { passed: boolean; skipped: boolean }[]; suites?: unknown[] } | undefined} suite */
function countSuite(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite?.suites ?? []) countSuite(child, counts);
}

/**
 * @param {{ outputFile?: string }} [options]
 * @returns {import('@web/test-runner').Reporter}
 */
export function jsonCountsReporter({ outputFile = '.test-results/wtr.json' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, erroredFiles: 0 };
      const files = [];
      for (const session of sessions) {
        const own = { passed: 0, failed: 0, skipped: 0 };
        countSuite(session.testResults, own);
        if (!session.passed && own.failed === 0) {
          own.failed = 1;
          counts.erroredFiles += 1;
        }
        counts.passed += own.passed;
        counts.failed += own.failed;
        counts.skipped += own.skipped;
        files.push({
          file: session.testFile,
          browser: session.browser?.name,
          ok: session.passed === true,
          ...own,
          errors: (session.errors ?? []).map(error => error.message),
        });
      }
      mkdirSync(dirname(outputFile), { recursive: true });
      writeFileSync(outputFile, `${JSON.stringify({ ...counts, files }, null, 2)}\n`);
    },
  };
}
