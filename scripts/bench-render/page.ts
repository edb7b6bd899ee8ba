/*
 * The page of `npm run bench:render` (bundled by scripts/bench-render.ts): the same 31-day bar
 * chart drawn by <odw-on-demand-summary> and by Chart.js, first render and update, in one page.
 * The headline starts from raw data: JSON text (6 000 views, 2 000 registrants) fetched and
 * parsed by a fresh REST adapter on every run, analyzed, drawn — against Chart.js drawing the
 * already-aggregated series.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import type { DataAdapter } from '../../src/adapters/adapter.ts';
import { createMemoryAdapter } from '../../src/adapters/memory.ts';
import { createRestAdapter } from '../../src/adapters/rest.ts';
import { analyzeAttendance, dailyOnDemandVisitors } from '../../src/core/index.ts';
import { createWorkerRestAdapter } from '../../src/analysis-in-worker.ts';
import '../../src/provider.ts';
import '../../src/statistics.ts';
import '../../src/summary.ts';
import { buildScenario, generateWebinarData, scenarioData } from '../../mocks/index.ts';
import { scenarioEvent } from '../../mocks/scenarios.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));

/**
 * Resolves as soon as `ready()` holds: checked on every change under `root` (a shadow root: at
 * once, as a microtask), and after every task otherwise (not every frame, which would add up to
 * 16 ms; nested zero timeouts are clamped to 4 ms, hence the observer where there is a root).
 */
function until(ready: () => unknown, root?: Node | null): Promise<void> {
  return new Promise((resolve) => {
    let observer: MutationObserver | undefined;
    const check = () => {
      if (!ready()) return false;
      observer?.disconnect();
      resolve();
      return true;
    };
    if (root) {
      observer = new MutationObserver(check);
      observer.observe(root, { childList: true, subtree: true, attributes: true });
    }
    const poll = () => {
      if (!check()) setTimeout(poll, 0);
    };
    poll();
  });
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;

/** An event of 2 000 registrants and about 6 000 on-demand views, 27 days after it ended. */
function rawEvent() {
  const now = new Date('2026-03-19T14:00:00Z');
  const generated = generateWebinarData({
    seed: 18, id: 'raw', registrants: 2_000, noShowRate: 0.5, watchRate: 0.8, rewatchRate: 0.4, viewsPerVisitor: 6.3,
    endsAt: new Date(now.getTime() - 27 * 86_400_000), now,
  });
  const attendance = generated.attendanceAt(now);
  return { now, event: generated.event, attendance, eventText: JSON.stringify(generated.event), attendanceText: JSON.stringify({ ...attendance, nextCursor: null }) };
}

/**
 * A `fetch` answering with the JSON text's UTF-8 bytes, as the network delivers them (encoded
 * once, outside the timing): the adapter pays for decoding and parsing, as it would in a page.
 */
function fetchOf(eventText: string, attendanceText: string): typeof fetch {
  const encoder = new TextEncoder();
  const eventBytes = encoder.encode(eventText);
  const attendanceBytes = encoder.encode(attendanceText);
  return async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    return new Response(url.includes('/attendance') ? attendanceBytes : eventBytes, { headers: { 'content-type': 'application/json' } });
  };
}

/**
 * First render from raw data: a provider with a fresh REST adapter (nothing cached across runs)
 * whose fetch answers with the JSON text, and a summary inside it; connected → bars drawn, and
 * → the next frame. Chart.js draws the aggregated series of the same data, as in `measure`.
 */
async function measureRaw(runs: number) {
  const { now, event, attendance, eventText, attendanceText } = rawEvent();
  const summary = dailyOnDemandVisitors(event, attendance);
  const fetchText = fetchOf(eventText, attendanceText);
  const kitDrawn: number[] = [];
  const kitPainted: number[] = [];
  const chartDrawn: number[] = [];
  const chartPainted: number[] = [];
  for (let run = 0; run < runs; run++) {
    const provider = document.createElement('odw-data-provider');
    provider.adapter = createRestAdapter({ baseUrl: 'https://bench.invalid/api', fetch: fetchText });
    provider.now = now;
    provider.eventId = event.id;
    const element = document.createElement('odw-on-demand-summary');
    provider.append(element);
    const start = performance.now();
    document.body.append(provider);
    await until(() => element.shadowRoot?.querySelector('svg[role="img"] rect.bar'), element.shadowRoot);
    kitDrawn.push(performance.now() - start);
    kitPainted.push((await frame()) - start);
    provider.remove();

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
    chartDrawn.push(performance.now() - chartStart);
    chartPainted.push((await frame()) - chartStart);
    chart.destroy();
    canvas.remove();
  }
  return { views: attendance.views.length, registrants: attendance.registrants.length, kitDrawn: median(kitDrawn), kitPainted: median(kitPainted), chartDrawn: median(chartDrawn), chartPainted: median(chartPainted) };
}

/** Where the raw first render's time goes: fetch + parse + check, then the analysis alone. */
async function measurePhases(runs: number) {
  const { event, eventText, attendanceText } = rawEvent();
  const fetchText = fetchOf(eventText, attendanceText);
  const parse: number[] = [];
  const jsonParse: number[] = [];
  const analysis: number[] = [];
  for (let run = 0; run < runs; run++) {
    const adapter = createRestAdapter({ baseUrl: 'https://bench.invalid/api', fetch: fetchText });
    let start = performance.now();
    const attendance = await adapter.getAttendance(event.id);
    parse.push(performance.now() - start);
    start = performance.now();
    JSON.parse(attendanceText);
    jsonParse.push(performance.now() - start);
    start = performance.now();
    analyzeAttendance(event, attendance);
    analysis.push(performance.now() - start);
  }
  return { fetchParseCheck: median(parse), jsonParseAlone: median(jsonParse), analysis: median(analysis), bytes: attendanceText.length };
}

/** One raw first render with the instants of its steps (ms from connecting the provider), for the profile script. */
async function traceRaw() {
  const { now, event, eventText, attendanceText } = rawEvent();
  const marks: Record<string, number> = {};
  const inner = fetchOf(eventText, attendanceText);
  let start = 0;
  const mark = (name: string) => (marks[name] ??= performance.now() - start);
  const traced: typeof fetch = async (input, init) => {
    const url = String(input);
    mark(url.includes('/attendance') ? 'attendance fetch called' : 'event fetch called');
    const response = await inner(input, init);
    const text = response.text.bind(response);
    return Object.assign(response, { text: async () => { const body = await text(); mark(url.includes('/attendance') ? 'attendance text read' : 'event text read'); return body; } });
  };
  const provider = document.createElement('odw-data-provider');
  const adapter = createRestAdapter({ baseUrl: 'https://bench.invalid/api', fetch: traced });
  const getAttendance = adapter.getAttendance.bind(adapter);
  adapter.getAttendance = async (...args) => { const attendance = await getAttendance(...args); mark('attendance parsed + checked'); return attendance; };
  provider.adapter = adapter;
  provider.now = now;
  provider.eventId = event.id;
  const element = document.createElement('odw-on-demand-summary');
  provider.append(element);
  start = performance.now();
  document.body.append(provider);
  mark('connected');
  const observer = new MutationObserver(() => {
    if (element.shadowRoot?.querySelector('[aria-busy="true"], .skeleton')) mark('skeleton in DOM');
    if (element.shadowRoot?.querySelector('svg[role="img"] rect.bar')) mark('bars in DOM');
  });
  observer.observe(element.shadowRoot as ShadowRoot, { childList: true, subtree: true, attributes: true });
  await until(() => element.shadowRoot?.querySelector('svg[role="img"] rect.bar'), element.shadowRoot);
  mark('bars seen');
  observer.disconnect();
  provider.remove();
  return marks;
}

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
    await until(() => element.shadowRoot?.querySelector('svg[role="img"]'), element.shadowRoot);
    kitFirstDrawn.push(performance.now() - start);
    kitFirst.push((await frame()) - start);
    const updateStart = performance.now();
    element.days = 7;
    await until(() => element.shadowRoot?.querySelectorAll('rect.bar').length === 7, element.shadowRoot);
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

/**
 * The `huge` scenario's whole window (about a million views, 200 000 registrants) to statistics
 * and summary painted, from the memory adapter (data already on the page) or over REST (the
 * bench server's routes), with the analysis on the page or in the worker.
 */
async function hugeThroughProvider(source: 'memory' | 'rest', inWorker: boolean) {
  const event = scenarioEvent('huge');
  const worker = inWorker ? createWorkerRestAdapter({ baseUrl: '/api' }, () => new Worker('./analysis-worker.js', { type: 'module' })) : undefined;
  const data = source === 'memory' ? buildScenario('huge') : undefined;
  const views = data?.attendance.views.length ?? 0;
  const adapter: DataAdapter = data ? createMemoryAdapter({ events: [{ event, attendance: data.attendance }] }) : (worker ?? createRestAdapter({ baseUrl: '/api' }));
  const provider = document.createElement('odw-data-provider');
  provider.adapter = adapter;
  provider.now = new Date(Date.parse(event.endsAt) + 31 * 86_400_000);
  const statistics = document.createElement('odw-on-demand-statistics');
  const summary = document.createElement('odw-on-demand-summary');
  provider.append(statistics, summary);
  // The previous run's million views are garbage now: collected here, not during this run's load
  // (where a major collection is a long task of whichever way comes next).
  (globalThis as { gc?: () => void }).gc?.();
  document.body.append(provider);
  // Building the scenario (and collecting) was a long task of its own: let it end before observing.
  await frame();
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
  observer.observe({ type: 'longtask' });
  // Frames the page delivers during the load: what a portal's own animation or scrolling would get.
  let frames = 0;
  let counting = true;
  const countFrame = () => {
    frames++;
    if (counting) requestAnimationFrame(countFrame);
  };
  requestAnimationFrame(countFrame);
  const start = performance.now();
  provider.eventId = event.id;
  await until(() => statistics.shadowRoot?.querySelector('.value') && summary.shadowRoot?.querySelector('svg[role="img"]'));
  const took = (await frame()) - start;
  counting = false;
  // Long tasks are reported after they end: one more frame so the last one is in.
  await frame();
  observer.disconnect();
  provider.remove();
  worker?.close();
  // Share of the display's frames (60 Hz) the page delivered while loading.
  return { source, inWorker, views, took, longestTask: Math.max(0, ...longTasks), longTasks: longTasks.length, framesDelivered: frames / (took / (1000 / 60)) };
}

(window as unknown as { measureRaw: typeof measureRaw }).measureRaw = measureRaw;
(window as unknown as { hugeThroughProvider: typeof hugeThroughProvider }).hugeThroughProvider = hugeThroughProvider;
(window as unknown as { measurePhases: typeof measurePhases }).measurePhases = measurePhases;
(window as unknown as { traceRaw: typeof traceRaw }).traceRaw = traceRaw;
(window as unknown as { runBench: () => Promise<unknown> }).runBench = async () => {
  // One untimed round first: the first render of a page also pays for compiling the code.
  await measureRaw(2);
  const raw = await measureRaw(15);
  const charts = await measure(15);
  const huge = [];
  // Taking turns, so a slow spell of the machine does not fall on one way only.
  for (let run = 0; run < 3; run++) {
    huge.push(await hugeThroughProvider('memory', false), await hugeThroughProvider('rest', false), await hugeThroughProvider('rest', true));
  }
  return { raw, charts, huge };
};
