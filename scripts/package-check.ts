/*
 * Packaging test (a layer of `npm test`): packs the package as npm would publish it, installs the
 * tarball into an empty project, and uses it the way adopters do — each subpath imported in Node,
 * the plain-HTML example bundled from the installed package and rendered in Chromium, a consumer
 * file type-checked against the shipped types, and tree-shaking checked (./core pulls in no Lit,
 * one widget does not pull in the others). Prints one line per check; writes counts for the summary.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import type { Page } from 'playwright';
import { REFERENCE_NOW } from '../mocks/generate.ts';
import { mockRestApi } from '../test/fixtures/mock-rest-api.ts';
import { serveFolder } from '../test/fixtures/static-server.ts';
import { CHROME_PATH, CHROMIUM_ARGS, CONSUMER_BUILD } from './toolchain.ts';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'odw-package-'));
const results: { name: string; ok: boolean; detail?: string }[] = [];

async function check(name: string, run: () => unknown): Promise<void> {
  try {
    await run();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    results.push({ name, ok: false, detail });
    console.log(`  ✗ ${name}\n      ${detail.split('\n').join('\n      ')}`);
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/**
 * Opens `url` in Chromium, waits until the statistics card shows a value, runs `use` on the tab,
 * and fails on any console error, page error or failed response.
 */
async function withStatisticsShown(url: string, use: (tab: Page) => Promise<void>): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] });
  try {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    tab.on('pageerror', (error) => errors.push(String(error)));
    tab.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
    await tab.goto(url);
    await tab.waitForFunction(() => document.querySelector('odw-on-demand-statistics')?.shadowRoot?.querySelector('.value') !== null, undefined, { timeout: 20_000 });
    await use(tab);
    assert(errors.length === 0, `console errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
  }
}

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

try {
  console.log('Building the library and packing…');
  npm(['run', 'build:lib'], root);
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root)) as { filename: string; files: { path: string }[] }[];
  assert(packed, 'npm pack reported nothing');
  const tarball = join(work, packed.filename);
  const consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.msw as string;
  console.log('Installing the tarball into an empty project…');
  npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball, `msw@${version}`], consumer);

  await check('the tarball ships built code, types and the manifest, no sources or tests', () => {
    const paths = packed.files.map((file) => file.path);
    for (const needed of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/core/index.js', 'custom-elements.json', 'README.md']) {
      assert(paths.includes(needed), `missing ${needed}`);
    }
    const stray = paths.filter((path) => path.endsWith('.test.js') || path.startsWith('src/') || path.startsWith('node_modules/'));
    assert(stray.length === 0, `should not ship: ${stray.slice(0, 5).join(', ')}`);
  });

  await check('every relative import in the shipped code names a .js file (no .ts left by tsc)', () => {
    const installed = join(consumer, 'node_modules', 'on-demand-webinar-widgets');
    const shipped = packed.files.map((file) => file.path).filter((path) => path.endsWith('.js'));
    // Static `from '…'`, side-effect `import '…'` and dynamic `import('…')`: code splitting hides the last kind from Node's own import test.
    const specifiers = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
    const wrong = shipped.flatMap((path) =>
      [...readFileSync(join(installed, path), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').matchAll(specifiers)].map((match) => match[1] as string).filter((specifier) => !specifier.endsWith('.js')).map((specifier) => `${path}: ${specifier}`),
    );
    assert(wrong.length === 0, `imports that do not exist once shipped: ${wrong.slice(0, 5).join(', ')}`);
  });

  await check('each subpath imports in Node (core computes; contract parses; adapters, testing, mocks load)', () => {
    const script = `
      const core = await import('on-demand-webinar-widgets/core');
      const window = core.onDemandWindow({ id: 'e', name: 'n', startsAt: '2026-03-20T15:00:00Z', endsAt: '2026-03-20T16:00:00Z', timeZone: 'Europe/Amsterdam' });
      if (window.lastDay !== '2026-04-19') throw new Error('core computed ' + window.lastDay);
      const adapters = await import('on-demand-webinar-widgets/adapters');
      if (typeof adapters.createRestAdapter !== 'function' || 'createMemoryAdapter' in adapters) throw new Error('adapters: REST adapter missing, or the memory adapter (and core) pulled in');
      const memory = await import('on-demand-webinar-widgets/adapters/memory');
      if (typeof memory.createMemoryAdapter !== 'function') throw new Error('adapters/memory missing');
      const contract = await import('on-demand-webinar-widgets/contract');
      if (contract.parseNow('2026-03-20T16:00:00Z').ok !== true || contract.parseNow('2026-03-20T16:00').ok !== false) throw new Error('contract: parseNow');
      const testing = await import('on-demand-webinar-widgets/testing');
      if (typeof testing.runAdapterConformance !== 'function') throw new Error('testing missing');
      const mocks = await import('on-demand-webinar-widgets/mocks');
      if (!mocks.SCENARIO_NAMES.includes('mid-window')) throw new Error('mocks missing');
    `;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, stdio: ['ignore', 'pipe', 'pipe'] });
  });

  await check('a consumer file type-checks against the shipped types', () => {
    writeFileSync(
      join(consumer, 'consumer.ts'),
      `import { onDemandStatistics, type AttendanceCriteria } from 'on-demand-webinar-widgets/core';
       import { createRestAdapter, type DataAdapter } from 'on-demand-webinar-widgets/adapters';
       import type { OdwOnDemandSummary } from 'on-demand-webinar-widgets/summary';
       import 'on-demand-webinar-widgets/statistics';
       import { createWorkerRestAdapter, type WorkerRestAdapter } from 'on-demand-webinar-widgets/analysis-in-worker';
       const inWorker: WorkerRestAdapter = createWorkerRestAdapter({ baseUrl: '/api' }, () => new Worker('/analysis-worker.js', { type: 'module' }));
       inWorker.close();
       const adapter: DataAdapter = createRestAdapter({ baseUrl: '/api' });
       const criteria: AttendanceCriteria = { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'at-least', minutes: 10 } };
       const summary: OdwOnDemandSummary = document.createElement('odw-on-demand-summary');
       summary.adapter = adapter;
       summary.addEventListener('odw-day-select', (event) => event.detail.day.toUpperCase());
       export const stats: number = onDemandStatistics as unknown as number;
       export { criteria };\n`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM'], noEmit: true, skipLibCheck: false, types: [] }, files: ['consumer.ts'] }),
    );
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', consumer], { cwd: consumer, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      throw new Error(String((error as { stdout?: string }).stdout ?? error));
    }
  });

  const bundle = async (contents: string) => {
    const result = await build({
      ...CONSUMER_BUILD,
      stdin: { contents, resolveDir: consumer, loader: 'js' },
      minify: true,
      write: false,
      metafile: true,
    });
    return { code: result.outputFiles[0]?.text ?? '', inputs: Object.keys(result.metafile.inputs) };
  };

  await check('./core tree-shakes: no Lit, no DOM elements', async () => {
    const { inputs } = await bundle(`import { onDemandWindow } from 'on-demand-webinar-widgets/core'; console.log(onDemandWindow);`);
    const offending = inputs.filter((input) => /node_modules\/(lit|@lit|lit-html|lit-element|d3-)/.test(input) || input.includes('/widgets/'));
    assert(offending.length === 0, `pulled in: ${offending.join(', ')}`);
  });

  await check('one widget does not pull in the others', async () => {
    const { inputs } = await bundle(`import 'on-demand-webinar-widgets/statistics';`);
    const others = inputs.filter((input) => input.includes('on-demand-summary') || input.includes('event-mode-picker'));
    assert(others.length === 0, `./statistics pulled in: ${others.join(', ')}`);
  });

  await check('the analysis worker\'s script bundles alone: core\'s analysis and the REST adapter, no Lit', async () => {
    const { code, inputs } = await bundle(`import 'on-demand-webinar-widgets/analysis-worker';`);
    const offending = inputs.filter((input) => /node_modules\/(lit|@lit|lit-html|lit-element|d3-)/.test(input) || input.includes('/elements/'));
    assert(offending.length === 0, `pulled in: ${offending.join(', ')}`);
    assert(code.includes('addEventListener(') && code.includes('postMessage('), 'the worker script listens and answers');
  });

  await check('the plain-HTML example renders from the installed package in Chromium', async () => {
    const page = readFileSync(join(root, 'examples/plain-html/index.html'), 'utf8');
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(page)?.[1];
    assert(script, 'the example has no module script');
    const { code } = await bundle(script);
    const html = page.replace(/<script type="module">[\s\S]*?<\/script>/, () => `<script type="module">${code.replaceAll('</script', '<\\/script')}</script>`);
    const file = join(work, 'plain.html');
    writeFileSync(file, html);
    await withStatisticsShown(`file://${file}`, async (tab) => {
      const text = await tab.evaluate(() => document.querySelector('odw-on-demand-summary')?.shadowRoot?.textContent ?? '');
      assert(text.includes('Plain HTML webinar'), `summary shows: ${text.slice(0, 200)}`);
    });
  });

  await check('the shipped analysis worker runs unbundled from the installed package: the worker downloads, the page does not', async () => {
    // The page bundled as a consumer's; the worker straight from node_modules (a module worker with relative imports).
    const { code } = await bundle(`
      import { createWorkerRestAdapter } from 'on-demand-webinar-widgets/analysis-in-worker';
      import 'on-demand-webinar-widgets/statistics';
      window.workers = { made: 0, ended: 0 };
      const adapter = createWorkerRestAdapter({ baseUrl: '/api' }, () => {
        const worker = new Worker('/node_modules/on-demand-webinar-widgets/dist/src/analysis-worker.js', { type: 'module' });
        window.workers.made++;
        const terminate = worker.terminate.bind(worker);
        worker.terminate = () => (window.workers.ended++, terminate());
        return worker;
      });
      const statistics = document.createElement('odw-on-demand-statistics');
      statistics.adapter = adapter;
      statistics.now = new Date('${REFERENCE_NOW.toISOString()}');
      statistics.eventId = 'mid-window';
      document.body.append(statistics);`);
    writeFileSync(join(consumer, 'worker.js'), code);
    writeFileSync(join(consumer, 'worker.html'), '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body><script type="module" src="/worker.js"></script></body></html>');
    const server = await serveFolder(consumer, mockRestApi());
    try {
      await withStatisticsShown(`${server.url}worker.html`, async (tab) => {
        const seen = await tab.evaluate(() => ({
          workers: (window as unknown as { workers: unknown }).workers,
          // Resource timing lists the page's own requests only, not the worker's.
          pageAsked: performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/api/')),
        }));
        assert(JSON.stringify(seen.workers) === '{"made":1,"ended":0}', `workers: ${JSON.stringify(seen.workers)}`);
        assert(JSON.stringify(seen.pageAsked) === '["/api/events/mid-window"]', `the page itself asked for ${seen.pageAsked.join(', ')}`);
      });
    } finally {
      await server.close();
    }
  });
} catch (error) {
  results.push({ name: 'pack and install', ok: false, detail: String(error) });
  console.error(error);
} finally {
  rmSync(work, { recursive: true, force: true });
}

const failed = results.filter((result) => !result.ok).length;
mkdirSync(join(root, '.test-results'), { recursive: true });
writeFileSync(join(root, '.test-results/package.json'), JSON.stringify({ passed: results.length - failed, failed }));
console.log(`\npackage checks: ${results.length - failed} of ${results.length} passed`);
process.exitCode = failed > 0 ? 1 : 0;
