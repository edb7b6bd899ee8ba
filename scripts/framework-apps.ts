/*
 * Framework apps (a layer of `npm test`, issue #21): the React, Vue and Angular apps in examples/
 * are built by their own toolchains against the PACKED TARBALL, installed the way an adopter
 * installs a package, then served on 127.0.0.1 and driven in Chromium. Also: a React server
 * render in Node (renderToString), that HTML hydrated in Chromium and driven the same way, and
 * the README's framework snippets compared with the apps' sources.
 *
 * Installs: each app keeps its own dependencies in examples/<app>/node_modules (gitignored), from
 * its own package-lock.json. They are installed when missing or when the lockfile changed (a
 * stamp file remembers), so the first run on a fresh clone installs (cold) and later runs reuse
 * them (warm). The kit's tarball is installed with `npm install --no-save <tarball>` whenever its
 * contents changed. The library is rebuilt (`npm run build:lib`) unless dist/ is newer than every
 * source file (the package layer has just built it in a full `npm test`).
 *
 * Prints one line per check; writes counts to .test-results/frameworks.json.
 * Run alone: `npm test -- frameworks`, or `node scripts/framework-apps.ts [react|vue|angular]…`.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { basename, dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { serveFolder } from '../test/fixtures/static-server.ts';
import { CHROME_PATH, CHROMIUM_ARGS } from './toolchain.ts';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'odw-frameworks-'));
const results: { name: string; ok: boolean; detail?: string }[] = [];
const timings: Record<string, number> = {};

/** Waits in the browser: generous, because a busy 2-core CI host is slow, never flaky on time alone. */
const WAIT_MS = 60_000;
/** One install or build command (a cold Angular install downloads a few hundred packages). */
const COMMAND_MS = 15 * 60_000;

interface App {
  name: 'react' | 'vue' | 'angular';
  /** The toolchain, for the report. */
  toolchain: string;
  /** Type check (when the toolchain has one separate from the build) and build, writing to `out`. */
  build: (out: string) => [string, string[]][];
  /** Where the built site's index.html lands under `out`. */
  site: (out: string) => string;
  /** The event name the app's data gives its webinar. */
  webinar: string;
}

const bin = (app: string, path: string) => join(root, 'examples', app, 'node_modules', path);

const APPS: App[] = [
  {
    name: 'react',
    toolchain: 'tsc + Vite',
    build: (out) => [
      [process.execPath, [bin('react', 'typescript/bin/tsc'), '--noEmit', '-p', '.']],
      [process.execPath, [bin('react', 'vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn']],
    ],
    site: (out) => out,
    webinar: 'React webinar',
  },
  {
    name: 'vue',
    toolchain: 'vue-tsc + Vite',
    build: (out) => [
      [process.execPath, [bin('vue', 'vue-tsc/bin/vue-tsc.js'), '--noEmit', '-p', '.']],
      [process.execPath, [bin('vue', 'vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn']],
    ],
    site: (out) => out,
    webinar: 'Vue webinar',
  },
  {
    name: 'angular',
    toolchain: 'Angular CLI, @angular/build application builder',
    build: (out) => [[process.execPath, [bin('angular', '@angular/cli/bin/ng.js'), 'build', '--output-path', out]]],
    site: (out) => join(out, 'browser'),
    webinar: 'Angular webinar',
  },
];

async function check(name: string, run: () => unknown): Promise<boolean> {
  try {
    await run();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
    return true;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    results.push({ name, ok: false, detail });
    console.log(`  ✗ ${name}\n      ${detail.split('\n').join('\n      ')}`);
    return false;
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Runs a command, resolves with its stdout; rejects with its output when it fails. npm and the tools run on this Node (24). */
function run(command: string, args: string[], cwd: string): Promise<string> {
  const env = { ...process.env, PATH: `${dirname(process.execPath)}:${join(root, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`, NG_CLI_ANALYTICS: 'false', CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' };
  return new Promise((resolvePromise, reject) => {
    execFile(command, args, { cwd, env, timeout: COMMAND_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${[command, ...args].join(' ')} failed in ${cwd}:\n${stripVTControlCharacters(stdout + stderr).trim().split('\n').slice(-30).join('\n')}`));
      else resolvePromise(stdout);
    });
  });
}

const npm = (args: string[], cwd: string) => run('npm', ['--no-audit', '--no-fund', '--loglevel=error', ...args], cwd);
const sha = (...parts: (string | Buffer)[]) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest('hex');

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings[label] = Date.now() - started;
  }
}

/** The newest modification time under a folder (files only). */
function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the library unless dist/ is newer than its sources, packs it, returns the tarball's path. */
async function packTarball(): Promise<string> {
  // A tarball packed elsewhere (e.g. from a clean checkout while the tree is being edited).
  const given = process.env['ODW_TARBALL'];
  if (given) return resolve(given);
  const built = join(root, 'dist/src/index.js');
  const sources = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'mocks')), statSync(join(root, 'package.json')).mtimeMs, statSync(join(root, 'tsconfig.build.json')).mtimeMs);
  if (!existsSync(built) || statSync(built).mtimeMs < sources || !existsSync(join(root, 'custom-elements.json'))) {
    console.log('Building the library…');
    await timed('build:lib', () => npm(['run', 'build:lib'], root));
  }
  const output = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root);
  const [packed] = JSON.parse(output.slice(output.indexOf('['))) as { filename: string }[];
  assert(packed, 'npm pack reported nothing');
  return join(work, packed.filename);
}

/**
 * The app's dependencies from its lockfile (only when missing or changed), then the kit's tarball
 * as a user installs a package (only when the tarball's contents changed).
 */
async function install(app: App, tarball: string): Promise<void> {
  const dir = join(root, 'examples', app.name);
  const stampFile = join(dir, 'node_modules/.odw-install.json');
  const stamp = existsSync(stampFile) ? (JSON.parse(readFileSync(stampFile, 'utf8')) as { lock?: string; kit?: string }) : {};
  const lock = sha(readFileSync(join(dir, 'package.json')), readFileSync(join(dir, 'package-lock.json')));
  const kit = sha(readFileSync(tarball));
  if (stamp.lock !== lock) {
    console.log(`  installing ${app.name}'s dependencies (npm ci; cached afterwards)…`);
    await timed(`${app.name} npm ci`, () => npm(['ci'], dir));
  }
  if (stamp.lock !== lock || stamp.kit !== kit || !existsSync(join(dir, 'node_modules/on-demand-webinar-widgets/package.json'))) {
    await timed(`${app.name} npm install <tarball>`, () => npm(['install', '--no-save', tarball], dir));
  }
  writeFileSync(stampFile, JSON.stringify({ lock, kit }));
}

/** The app in Chromium: figures, properties, a day click, the form, console errors. */
async function drive(browser: Browser, app: App, url: string, label: string = app.name): Promise<void> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  // What the elements dispatched, to compare with what the app shows.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { odwDays: string[] }).odwDays = seen;
    document.addEventListener('odw-day-select', (event) => seen.push((event as CustomEvent<{ day: string }>).detail.day));
  });
  try {
    await page.goto(url);
    const statistics = page.locator('odw-on-demand-statistics');
    const summary = page.locator('odw-on-demand-summary');

    await check(`${label}: the dashboard renders the figures (provider + memory adapter given as objects)`, async () => {
      await page.waitForFunction(() => document.querySelector('odw-on-demand-statistics')?.shadowRoot?.querySelector('.value') !== null && document.querySelector('odw-on-demand-summary')?.shadowRoot?.querySelector('[part="bar"]') !== null);
      // The figures by their documented parts (::part(value)), not by their wording. 2026-03-15 12:00Z,
      // 5 days after the event: 26 days left; 3 no-shows watched (a, b and d); (18 + 42 + 10 + 25) / 4
      // = 23.75 minutes on average.
      const text = (await statistics.evaluate((element) => element.shadowRoot?.textContent ?? '')).replace(/\s+/g, ' ');
      assert(text.includes(app.webinar), `statistics should name “${app.webinar}”; shows: ${text.slice(0, 300)}`);
      const values = await statistics.evaluate((element) => [...(element.shadowRoot?.querySelectorAll('[part~="value"]') ?? [])].map((value) => (value.textContent ?? '').replace(/\s+/g, ' ').trim()));
      assert(/^26\b/.test(values[0] ?? '') && values[1] === '3' && /^23\.8\b/.test(values[2] ?? ''), `statistics figures should be 26 days, 3 visitors, 23.8 min; are ${JSON.stringify(values)}`);
      const properties = await page.evaluate(() => {
        const provider = document.querySelector('odw-data-provider') as (HTMLElement & { adapter?: { getEvent?: unknown }; now?: unknown }) | null;
        return { adapter: typeof provider?.adapter?.getEvent, now: provider?.now instanceof Date, attribute: provider?.getAttribute('adapter') ?? null };
      });
      assert(properties.adapter === 'function' && properties.now && properties.attribute === null, `the provider's adapter and now should be properties (objects), got ${JSON.stringify(properties)}`);
      const total = await summary.evaluate((element) => (element.shadowRoot?.querySelector('[part~="value"]')?.textContent ?? '').replace(/\s+/g, ' ').trim());
      assert(/^3\b/.test(total), `the summary's range total should be 3 visitors, is “${total}”`);
    });

    await check(`${label}: a click on a day of the chart (odw-day-select) updates the app's state`, async () => {
      const selected = page.locator('#selected-day');
      assert((await selected.textContent())?.includes('Pick a day'), 'nothing should be selected before the click');
      // A person's click on the third bar (2026-03-12, two visitors), at the bar's centre: whatever
      // the chart puts on top of its bars to catch clicks receives it.
      const box = await summary.locator('[part="bar"]').nth(2).boundingBox();
      assert(box, 'the chart has no third bar');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForFunction(() => (window as unknown as { odwDays: string[] }).odwDays.length > 0);
      const days = await page.evaluate(() => (window as unknown as { odwDays: string[] }).odwDays);
      assert(days.length === 1 && days[0] === '2026-03-12', `one odw-day-select for 2026-03-12 expected, got ${JSON.stringify(days)}`);
      await page.waitForFunction(() => document.querySelector('#selected-day')?.textContent?.trim() === 'Selected 2026-03-12');
    });

    await check(`${label}: the picker submits its criteria with the form`, async () => {
      await page.waitForFunction(() => (document.querySelector('odw-event-mode-picker') as (HTMLElement & { value?: unknown }) | null)?.value != null);
      await page.getByRole('button', { name: 'Build audience' }).click();
      await page.waitForFunction(() => (document.querySelector('#submitted')?.textContent ?? '').trim().length > 0);
      const submitted = JSON.parse((await page.locator('#submitted').textContent()) ?? '') as { version?: number; kind?: string; eventMode?: string };
      assert(submitted.version === 1 && submitted.kind === 'has-attended' && submitted.eventMode === 'on-demand', `submitted: ${JSON.stringify(submitted)}`);
      assert(new URL(page.url()).search === '', 'the form should not navigate (the app handles submit)');
    });

    await check(`${label}: no console errors${label === app.name ? '' : ' (hydration warnings included)'}`, () => {
      assert(errors.length === 0, errors.join('\n'));
    });
  } finally {
    await context.close();
  }
}

/** React's server render in Node: no throw, the elements' tags and attributes in the HTML. */
async function serverRender(): Promise<string> {
  const dir = join(root, 'examples/react');
  // Inside the app's node_modules, so Node resolves React and the kit from there.
  const out = join(dir, 'node_modules/.odw-ssr');
  await run(process.execPath, [bin('react', 'vite/bin/vite.js'), 'build', '--ssr', 'src/server.tsx', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], dir);
  const script = `const { render } = await import(${JSON.stringify(join(out, 'server.js'))}); process.stdout.write(render());`;
  const html = await run(process.execPath, ['--input-type=module', '-e', script], dir);
  for (const tag of ['<odw-data-provider event-id="evt-42"', '<odw-on-demand-statistics closing-threshold="5"', '<odw-on-demand-summary days="7"', '<odw-event-mode-picker name="criteria"']) {
    assert(html.includes(tag), `the server render should contain ${tag}; got: ${html.slice(0, 500)}`);
  }
  assert(!html.includes('<template shadowroot'), 'no declarative shadow DOM is expected without Lit SSR');
  return html;
}

/** The README's framework snippets are the apps' own lines (see README “Frameworks”). */
function readmeSnippets(): void {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  // A block inside a list item is indented like its fence: that indentation is Markdown's, not the file's.
  const blocks = [...readme.matchAll(/<!-- (examples\/[\w/.-]+) -->\n( *)```\w*\n([\s\S]*?)\n\2```/g)].map(
    ([, file, indent, body]) => [file, (body ?? '').split('\n').map((line) => (line.startsWith(indent ?? '') ? line.slice(indent?.length) : line))] as const,
  );
  const files = ['examples/react/src/App.tsx', 'examples/vue/src/App.vue', 'examples/vue/vite.config.ts', 'examples/angular/src/app/app.component.ts'];
  for (const file of files) {
    const block = blocks.find(([name]) => name === file);
    assert(block, `the README has no block marked <!-- ${file} -->`);
    const source = readFileSync(join(root, file), 'utf8').split('\n');
    const missing = block[1].filter((line) => line.trim() !== '' && line.trim() !== '…' && !source.includes(line));
    assert(missing.length === 0, `README lines not in ${file} (the README shows the file's lines verbatim):\n${missing.join('\n')}`);
  }
}

const wanted = process.argv.slice(2);
const apps = wanted.length > 0 ? APPS.filter((app) => wanted.includes(app.name)) : APPS;
const started = Date.now();
let browser: Browser | undefined;
try {
  await check('the README’s framework snippets are the apps’ own lines', readmeSnippets);
  console.log('Packing the library…');
  const tarball = await timed('pack', packTarball);
  for (const app of apps) {
    console.log(`${app.name} (${app.toolchain}):`);
    const out = join(work, app.name);
    const built = await check(`${app.name}: installs the packed tarball and builds with ${app.toolchain}`, () =>
      timed(`${app.name} install+build`, async () => {
        await install(app, tarball);
        for (const [command, args] of app.build(out)) await timed(`${app.name} ${basename(args[0] ?? command).replace(/\.js$/, '')}`, () => run(command, args, join(root, 'examples', app.name)));
        assert(existsSync(join(app.site(out), 'index.html')), `no index.html in ${app.site(out)}`);
      }),
    );
    if (!built) continue;
    let serverHtml: string | undefined;
    if (app.name === 'react') {
      await check('react: renderToString of the dashboard in Node does not throw and gives the elements’ tags', async () => {
        const html = await timed('react ssr', serverRender);
        // The same build, its page carrying the server's HTML: src/main.tsx hydrates it.
        const page = readFileSync(join(app.site(out), 'index.html'), 'utf8');
        assert(page.includes('<div id="root"></div>'), 'the built page has no empty #root');
        writeFileSync(join(app.site(out), 'ssr.html'), page.replace('<div id="root"></div>', () => `<div id="root">${html}</div>`));
        serverHtml = html;
      });
    }
    browser ??= await chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] });
    const site = await serveFolder(app.site(out));
    try {
      await timed(`${app.name} browser`, () => drive(browser as Browser, app, site.url));
      if (serverHtml !== undefined) await timed(`${app.name} hydrated`, () => drive(browser as Browser, app, `${site.url}ssr.html`, 'react, server-rendered then hydrated'));
    } finally {
      await site.close();
    }
  }
} catch (error) {
  results.push({ name: 'framework apps', ok: false, detail: String(error) });
  console.error(error);
} finally {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
}

const failed = results.filter((result) => !result.ok).length;
mkdirSync(join(root, '.test-results'), { recursive: true });
writeFileSync(join(root, '.test-results/frameworks.json'), JSON.stringify({ passed: results.length - failed, failed, timings }));
console.log(`  times: ${Object.entries(timings).map(([label, ms]) => `${label} ${(ms / 1000).toFixed(1)} s`).join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`\nframework checks: ${results.length - failed} of ${results.length} passed`);
process.exitCode = failed > 0 ? 1 : 0;
