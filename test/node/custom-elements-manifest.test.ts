/* custom-elements.json is committed (Storybook and editors read it): it must match the elements' JSDoc. */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('custom-elements.json is up to date (run `npm run manifest` after changing an element)', () => {
  // The analyzer resolves --outdir against the working directory.
  const outdir = join('.test-results', 'custom-elements-manifest');
  try {
    execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', outdir], { stdio: 'pipe' });
    // The analyzer lists modules in file-system order, which varies: compare them by path.
    const read = (file: string) => {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { modules: { path: string; declarations?: { tagName?: string }[] }[] };
      return { ...manifest, modules: [...manifest.modules].sort((a, b) => a.path.localeCompare(b.path)) };
    };
    const fresh = read(join(outdir, 'custom-elements.json'));
    expect(JSON.parse(readFileSync('package.json', 'utf8')).customElements).toBe('custom-elements.json');
    expect(read('custom-elements.json')).toEqual(fresh);
    const tags = fresh.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => declaration.tagName)).filter(Boolean);
    expect(tags.sort()).toEqual(['odw-audience-list', 'odw-data-provider', 'odw-event-mode-picker', 'odw-on-demand-statistics', 'odw-on-demand-summary', 'odw-program-funnel']);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}, 30_000);
