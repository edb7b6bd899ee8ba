/*
 * The picker loads core's analysis engine on demand (src/data/audience-count.ts): a page whose
 * adapter counts the audience itself never downloads it. A bundler assigns whole modules to
 * chunks, so one new static import of core's index anywhere on the picker's path would put the
 * engine back up front, silently. This bundles pages as a consumer's bundler would (the size
 * script's settings) and checks where the engine's module lands.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CONSUMER_BUILD } from '../../scripts/toolchain.ts';

const ENGINE = 'src/core/activity.ts';

/** The inputs of the chunks a page loads up front, and of those it loads only on demand. */
async function chunksOf(imports: string): Promise<{ upFront: Set<string>; onDemand: Set<string> }> {
  const result = await build({
    ...CONSUMER_BUILD,
    stdin: { contents: imports, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'page.ts' },
    write: false,
    metafile: true,
    splitting: true,
    outdir: 'lazy-engine-out',
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint !== undefined);
  if (entry === undefined) throw new Error('no entry chunk');
  const upFrontChunks = new Set([entry]);
  for (const path of upFrontChunks) for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') upFrontChunks.add(imported.path);
  const upFront = new Set<string>();
  const onDemand = new Set<string>();
  for (const [path, output] of Object.entries(outputs)) for (const input of Object.keys(output.inputs)) (upFrontChunks.has(path) ? upFront : onDemand).add(input);
  return { upFront, onDemand };
}

describe("core's analysis engine", { timeout: 120_000 }, () => {
  // esbuild bundles Lit and the kit in a few hundred ms here; generous for a loaded CI machine.
  it.each([
    ['the picker', "import './src/picker.ts';"],
    ['an audience page (provider + picker + REST adapter)', "import './src/provider.ts'; import './src/picker.ts'; export { createRestAdapter } from './src/adapters/index.ts';"],
  ])('is not downloaded up front by %s, only on demand', async (_, imports) => {
    const { upFront, onDemand } = await chunksOf(imports);
    expect([...upFront].filter((input) => input.startsWith('src/core/')), 'core modules up front').not.toContain(ENGINE);
    expect(onDemand).toContain(ENGINE);
  });

  it('is up front where the page computes anyway (the summary), so this check can see it', async () => {
    const { upFront } = await chunksOf("import './src/summary.ts';");
    expect(upFront).toContain(ENGINE);
  });
});
