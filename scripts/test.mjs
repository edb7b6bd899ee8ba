#!/usr/bin/env node
// `npm test`: runs every test layer in order, prints each layer's wall time, and ends with the
// single line `N passed, N failed` (`, N skipped` appended only when something was skipped).
// Exits non-zero when anything failed.
//
// Counting: type check and lint are one check each. Vitest and @web/test-runner report their
// own counts through JSON files. A layer that exits non-zero without a counted failure (a crash,
// an unhandled error, a config error) counts as one failure.
//
// To add a layer, append a descriptor to LAYERS below. Run a subset: `npm test -- lint vitest`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, '.test-results');

/**
 * @typedef {{ passed: number, failed: number, skipped: number }} Counts
 * @typedef {object} Layer
 * @property {string} name             short name, also used to select layers on the command line
 * @property {string} [pkg]            package whose `bin` runs the layer
 * @property {string} [script]         or: a script of this repo run with this Node (e.g. scripts/size.ts)
 * @property {string} [bin]            which of the package's bins (default: the first)
 * @property {string[]} args           arguments
 * @property {string} [resultFile]     JSON file the layer writes; deleted before the run
 * @property {(exitCode: number, resultFile: string | undefined) => Counts} count
 */

/** One check: passed when the tool exited 0. */
const oneCheck = exitCode => ({ passed: exitCode === 0 ? 1 : 0, failed: exitCode === 0 ? 0 : 1, skipped: 0 });

/** @type {Layer[]} */
const LAYERS = [
  {
    name: 'typecheck',
    pkg: 'typescript',
    bin: 'tsc',
    args: ['--noEmit', '-p', 'tsconfig.json'],
    count: oneCheck,
  },
  {
    name: 'lint',
    pkg: 'eslint',
    args: ['.'],
    count: oneCheck,
  },
  {
    name: 'vitest',
    pkg: 'vitest',
    // --coverage: src/ coverage with the thresholds of vitest.config.ts (below them the run fails).
    args: ['run', '--coverage', '--reporter=default', '--reporter=json', '--outputFile=.test-results/vitest.json'],
    resultFile: '.test-results/vitest.json',
    count: (_exitCode, file) => {
      const report = readJson(file);
      if (!report) return { passed: 0, failed: 0, skipped: 0 };
      // Test files that failed to import or collect have no failed assertion of their own.
      const brokenFiles = (report.testResults ?? []).filter(
        result => result.status === 'failed' && !(result.assertionResults ?? []).some(a => a.status === 'failed'),
      ).length;
      return {
        passed: report.numPassedTests ?? 0,
        failed: (report.numFailedTests ?? 0) + brokenFiles,
        skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
      };
    },
  },
  {
    name: 'wtr',
    pkg: '@web/test-runner',
    bin: 'web-test-runner',
    args: [],
    resultFile: '.test-results/wtr.json',
    count: (_exitCode, file) => {
      const report = readJson(file);
      return { passed: report?.passed ?? 0, failed: report?.failed ?? 0, skipped: report?.skipped ?? 0 };
    },
  },
  {
    // Size budgets (docs/size.md): fails when an entry is over its budget, or, while an entry
    // is still over it, when it grows past its recorded ceiling.
    name: 'size',
    script: 'scripts/size.ts',
    args: [],
    resultFile: '.test-results/size.json',
    count: (_exitCode, file) => {
      const report = readJson(file);
      return { passed: report?.passed ?? 0, failed: report?.failed ?? 1, skipped: 0 };
    },
  },
  {
    name: 'package',
    script: 'scripts/package-check.ts',
    args: [],
    resultFile: '.test-results/package.json',
    count: (_exitCode, file) => {
      const report = readJson(file);
      return { passed: report?.passed ?? 0, failed: report?.failed ?? 0, skipped: 0 };
    },
  },
  {
    // The React, Vue and Angular apps in examples/, built by their own toolchains against the
    // packed tarball and driven in Chromium, plus a React server render and the README's
    // framework snippets (scripts/framework-apps.ts). Installs each app's dependencies into
    // examples/<app>/node_modules on the first run and reuses them afterwards.
    name: 'frameworks',
    script: 'scripts/framework-apps.ts',
    args: [],
    resultFile: '.test-results/frameworks.json',
    count: (_exitCode, file) => {
      const report = readJson(file);
      return { passed: report?.passed ?? 0, failed: report?.failed ?? 0, skipped: 0 };
    },
  },
];

function readJson(file) {
  if (!file || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Path of a package's bin script, run with this script's Node (Node 24 under `npm test`). */
function binPath(pkg, bin) {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8'));
  const bins = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : manifest.bin;
  const rel = bin ? bins[bin] : Object.values(bins)[0];
  if (!rel) throw new Error(`package ${pkg} has no bin ${bin ?? ''}`);
  return join(root, 'node_modules', pkg, rel);
}

function run(command, args) {
  return new Promise(resolvePromise => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
    child.on('error', error => {
      console.error(error);
      resolvePromise(1);
    });
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
  });
}

const seconds = ms => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  // The layers need Node >= 22.12. Started with an older Node (e.g. `node scripts/test.mjs` on the
  // system Node 20)? Re-run with the Node 24 that the `node` devDependency installed.
  const [major, minor] = process.versions.node.split('.').map(Number);
  const localNode = join(root, 'node_modules', 'node', 'bin', 'node');
  if ((major < 22 || (major === 22 && minor < 12)) && existsSync(localNode)) {
    process.exitCode = await run(localNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)]);
    return;
  }

  const wanted = process.argv.slice(2);
  const unknown = wanted.filter(name => !LAYERS.some(layer => layer.name === name));
  if (unknown.length > 0) {
    console.error(`unknown layer(s): ${unknown.join(', ')}; known: ${LAYERS.map(l => l.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const layers = wanted.length > 0 ? LAYERS.filter(layer => wanted.includes(layer.name)) : LAYERS;

  mkdirSync(resultsDir, { recursive: true });
  const rows = [];
  const started = Date.now();
  for (const layer of layers) {
    const resultFile = layer.resultFile ? join(root, layer.resultFile) : undefined;
    if (resultFile) rmSync(resultFile, { force: true });
    console.log(`\n━━ ${layer.name} ━━`);
    const t0 = Date.now();
    let exitCode;
    try {
      const entry = layer.script ? join(root, layer.script) : binPath(layer.pkg, layer.bin);
      exitCode = await run(process.execPath, [entry, ...layer.args]);
    } catch (error) {
      console.error(error);
      exitCode = 1;
    }
    const ms = Date.now() - t0;
    const counts = layer.count(exitCode, resultFile);
    if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
    rows.push({ name: layer.name, ms, exitCode, ...counts });
    console.log(`━━ ${layer.name}: ${seconds(ms)}, exit ${exitCode}`);
  }

  const total = rows.reduce(
    (sum, row) => ({ passed: sum.passed + row.passed, failed: sum.failed + row.failed, skipped: sum.skipped + row.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );

  console.log(`\nLayer        time      passed  failed  skipped  (Node ${process.versions.node})`);
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(12)} ${seconds(row.ms).padStart(7)}  ${String(row.passed).padStart(7)} ${String(row.failed).padStart(7)} ${String(row.skipped).padStart(8)}`,
    );
  }
  console.log(`${'total'.padEnd(12)} ${seconds(Date.now() - started).padStart(7)}`);

  process.exitCode = total.failed > 0 ? 1 : 0;
  // The very last line: read by CI.
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`);
}

await main();
