/*
 * The page of `npm run bench:render` (bundled by scripts/bench-render.ts): the same 31-day bar
 * chart drawn by <odw-on-demand-summary> and by Chart.js, first render and update, in one page.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { createMemoryAdapter } from '../../src/adapters/memory.ts';
import { dailyOnDemandVisitors } from '../../src/core/index.ts';
import '../../src/provider.ts';
import '../../src/statistics.ts';
import '../../src/summary.ts';
import { scenarioData } from '../../mocks/index.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));

/** Resolves as soon as `ready()` holds, checking after every task (not every frame, which would add up to 16 ms). */
function until(ready: () => unknown): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (ready() ? resolve() : setTimeout(check, 0));
    check();
  });
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;

async function measure(runs: number) {
  const { event, attendance } = scenarioData('closing-soon');
  const summary = dailyOnDemandVisitors(event, attendance);
  const adapter = createMemoryAdapter({ events: [{ event, attendance }] });
  const kitFirst: number[] = [];
  const kitUpdate: number[] = [];
  const chartFirst: number[] = [];
  const chartUpdate: number[] = [];
  const kitFirstDrawn: number[] = [];
  const kitUpdateDrawn: number[] = [];
  const chartFirstDrawn: number[] = [];
  const chartUpdateDrawn: number[] = [];
  for (let run = 0; run < runs; run++) {
    // The kit: connected → painted (data already loaded once, as in a portal that revisits a page).
    const element = document.createElement('odw-on-demand-summary');
    element.adapter = adapter;
    element.eventId = event.id;
    element.now = new Date('2026-03-19T14:00:00Z');
    const start = performance.now();
    document.body.append(element);
    await until(() => element.shadowRoot?.querySelector('svg[role="img"]'));
    kitFirstDrawn.push(performance.now() - start);
    kitFirst.push((await frame()) - start);
    const updateStart = performance.now();
    element.days = 7;
    await until(() => element.shadowRoot?.querySelectorAll('rect.bar').length === 7);
    kitUpdateDrawn.push(performance.now() - updateStart);
    kitUpdate.push((await frame()) - updateStart);
    element.remove();

    // Chart.js with the same numbers, animation off.
    const canvas = document.createElement('canvas');
    canvas.width = 760;
    canvas.height = 190;
    const chartStart = performance.now();
    document.body.append(canvas);
    const chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: summary.days.map((day) => day.day), datasets: [{ label: 'No-show visitors', data: summary.days.map((day) => day.visitors ?? 0) }] },
      options: { animation: false, responsive: false },
    });
    chartFirstDrawn.push(performance.now() - chartStart);
    chartFirst.push((await frame()) - chartStart);
    const chartUpdateStart = performance.now();
    const lastSeven = summary.days.slice(-7);
    chart.data.labels = lastSeven.map((day) => day.day);
    chart.data.datasets[0]!.data = lastSeven.map((day) => day.visitors ?? 0);
    chart.update();
    chartUpdateDrawn.push(performance.now() - chartUpdateStart);
    chartUpdate.push((await frame()) - chartUpdateStart);
    chart.destroy();
    canvas.remove();
  }
  return {
    kitFirst: median(kitFirst), kitUpdate: median(kitUpdate), chartFirst: median(chartFirst), chartUpdate: median(chartUpdate),
    kitFirstDrawn: median(kitFirstDrawn), kitUpdateDrawn: median(kitUpdateDrawn), chartFirstDrawn: median(chartFirstDrawn), chartUpdateDrawn: median(chartUpdateDrawn),
  };
}

async function hugeThroughProvider() {
  const { event, attendance } = scenarioData('huge');
  const adapter = createMemoryAdapter({ events: [{ event, attendance }] });
  const provider = document.createElement('odw-data-provider');
  provider.adapter = adapter;
  provider.now = new Date('2026-03-19T14:00:00Z');
  const statistics = document.createElement('odw-on-demand-statistics');
  const summary = document.createElement('odw-on-demand-summary');
  provider.append(statistics, summary);
  document.body.append(provider);
  const start = performance.now();
  provider.eventId = event.id;
  await until(() => statistics.shadowRoot?.querySelector('.value') && summary.shadowRoot?.querySelector('svg[role="img"]'));
  const took = (await frame()) - start;
  provider.remove();
  return { views: attendance.views.length, took };
}

(window as unknown as { runBench: () => Promise<unknown> }).runBench = async () => ({ charts: await measure(15), huge: await hugeThroughProvider() });
