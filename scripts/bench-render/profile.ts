/*
 * CPU profile of the raw first render of `npm run bench:render` (the page's `measureRaw`):
 * `node scripts/bench-render/profile.ts` prints the functions with the most self time.
 * A tool for finding where the milliseconds go, not a benchmark.
 */
import { withBenchPage } from './open-page.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

await withBenchPage({ minify: false, global: 'measureRaw' }, async (page) => {
  await page.evaluate(() => (window as unknown as { measureRaw: (runs: number) => Promise<unknown> }).measureRaw(3));
  console.log(await page.evaluate(() => (window as unknown as { measurePhases: (runs: number) => Promise<unknown> }).measurePhases(15)));
  for (let run = 0; run < 3; run++) console.log(await page.evaluate(() => (window as unknown as { traceRaw: () => Promise<unknown> }).traceRaw()));
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  const result = await page.evaluate(() => (window as unknown as { measureRaw: (runs: number) => Promise<unknown> }).measureRaw(Number(new URLSearchParams(location.search).get('runs') ?? 30)));
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  console.log(result);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  for (const [key, micros] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40))) {
    console.log(`${(micros / 1000).toFixed(1).padStart(8)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
});
