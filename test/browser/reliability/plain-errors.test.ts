/*
 * Errors as a person reads them (issue #16, items 3 and 4), on the REST adapter over MSW:
 *
 * - one sentence in the widget's language from the error's kind, with no HTTP in it; the
 *   technical detail in a disclosure and in one console warning;
 * - a rate limit the adapter gave up on says when the widget retries, and it does by itself;
 * - several widgets failing on the same load show the problem once;
 * - no "No data source" flash: loading while an adapter or provider may still arrive, then a
 *   neutral "not available" for the person and the developer message in the console.
 */
import { describe, expect, it, vi } from 'vitest';
import { createRestAdapter } from '../../../src/adapters/index.ts';
import { configuration } from '../../../src/elements/data-element.ts';
import { REFERENCE_NOW, faultHandlers, scenarioData } from '../../../mocks/index.ts';
import { mount } from '../../fixtures/dom.ts';
import { browserBackend } from '../../fixtures/reliability/backend.ts';
import { recordRenders, textOf, watchEveryTest } from '../../fixtures/reliability/watch.ts';
import { dataShown, errorShown, expectedData, mountWidget, TAGS, WIDGETS } from '../../fixtures/reliability/widgets.ts';

const baseUrl = '/odw-plain-errors';
const backend = browserBackend(baseUrl);
const EVENT = 'mid-window';
const now = REFERENCE_NOW;
const midWindow = scenarioData(EVENT, { now });
watchEveryTest(backend);

const fastAdapter = (options: Parameters<typeof createRestAdapter>[0] = { baseUrl }) => createRestAdapter({ retries: 0, ...options });

describe('plain language in the widget’s language', () => {
  it.each([
    ['en', 'Could not load the statistics: the reporting service cannot be reached right now; try again in a moment.'],
    ['nl', 'De statistieken konden niet worden geladen: de rapportagedienst is nu niet bereikbaar; probeer het zo opnieuw.'],
  ])('%s: one sentence from the kind; status and message only in the details and the console', async (locale, headline) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    backend.worker.use(...faultHandlers('server-error', { baseUrl }));
    const element = mountWidget('statistics', { adapter: fastAdapter(), eventId: EVENT, now, setup: (widget) => (widget.locale = locale) });
    const box = await errorShown('statistics', element);
    expect(textOf(box.querySelector('span'))).toBe(headline);
    expect(textOf(box)).not.toMatch(/500|HTTP|reporting service is unavailable/);
    const details = element.shadowRoot?.querySelector('details[part="error-details"]');
    expect(textOf(details?.querySelector('summary'))).toBe(locale === 'nl' ? 'Technische details' : 'Technical details');
    expect(textOf(details?.querySelector('code'))).toBe('unavailable · HTTP 500 · The reporting service is unavailable (500); try again later.');
    expect(warn.mock.calls.filter(([message]) => String(message).includes('HTTP 500'))).toHaveLength(1);
    warn.mockRestore();
  });

  it('every kind has its sentence in both languages (no adapter text leaks)', async () => {
    const { problemTexts } = await import('../../../src/elements/error-messages.ts');
    for (const locale of ['en', 'nl']) {
      const texts = problemTexts(locale);
      for (const kind of ['not-found', 'unauthorized', 'rate-limited', 'unavailable', 'timeout', 'invalid-request', 'invalid-response', 'aborted'] as const) {
        expect(texts[kind], `${locale} ${kind}`).toMatch(/^[a-z].*\.$/);
        expect(texts[kind]).not.toMatch(/\d{3}|HTTP|JSON/);
      }
    }
    expect(problemTexts('nl').unavailable).not.toBe(problemTexts('en').unavailable);
  });
});

describe('a rate limit the adapter gave up on', () => {
  it('says when it retries, and retries by itself at that time', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Retry-After 1 s, longer than this adapter waits: it gives up at once; the widget takes over.
    backend.worker.use(...faultHandlers('rate-limited', { baseUrl, retryAfter: '1', times: 1 }));
    const element = mountWidget('statistics', { adapter: fastAdapter({ baseUrl, maxRetryAfterMs: 100 }), eventId: EVENT, now });
    const box = await errorShown('statistics', element);
    expect(textOf(box.querySelector('span'))).toMatch(/^Could not load the statistics: the reporting service is too busy right now; it will try again by itself at \d{1,2}:\d{2}:\d{2}\s?[AP]?M?\.$/);
    // Nobody clicks Retry: the widget loads again after the second and shows the data.
    expect(await dataShown('statistics', element, 5000)).toBe(expectedData('statistics', midWindow, now));
    vi.restoreAllMocks();
  });

  it('says plainly to try later when it will not retry by itself any more', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    backend.worker.use(...faultHandlers('rate-limited', { baseUrl, retryAfter: '1' }));
    const element = mountWidget('statistics', { adapter: fastAdapter({ baseUrl, maxRetryAfterMs: 100 }), eventId: EVENT, now });
    await vi.waitFor(
      () => {
        const box = element.shadowRoot?.querySelector('[part="error"][role="alert"] span');
        expect(textOf(box)).toBe('Could not load the statistics: the reporting service is too busy right now; try again in a few minutes.');
      },
      { timeout: 8000, interval: 50 },
    );
    vi.restoreAllMocks();
  });
});

describe('several widgets failing on the same load', () => {
  it('show the problem once: one alert with Retry, the others refer to it; Retry reloads them all', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    backend.worker.use(...faultHandlers('server-error', { baseUrl }));
    const provider = document.createElement('odw-data-provider');
    provider.adapter = createRestAdapter({ baseUrl, retries: 0, pushDown: false });
    provider.eventId = EVENT;
    provider.now = now;
    const widgets = WIDGETS.map((name) => provider.appendChild(document.createElement(TAGS[name])));
    mount(provider);
    const [statistics, summary, picker] = widgets as unknown as [Element, Element, Element];
    const alert = await errorShown('statistics', statistics);
    await vi.waitFor(() => {
      expect(textOf(summary.shadowRoot?.querySelector('[part="error"]'))).toBe('Could not load the summary: see the message in “On-demand statistics”.');
      expect(textOf(picker.shadowRoot?.querySelector('[part="count-error"]'))).toBe('Could not count the people who match: see the message in “On-demand statistics”.');
    });
    const alerts = widgets.flatMap((widget) => [...(widget.shadowRoot?.querySelectorAll('[role="alert"]') ?? [])]);
    expect(alerts).toEqual([alert]);

    backend.worker.resetHandlers();
    alert.querySelector<HTMLButtonElement>('button[part="retry"]')?.click();
    for (const [index, name] of WIDGETS.entries()) expect(await dataShown(name, widgets[index] as Element, 10_000)).toBe(expectedData(name, midWindow, now));
    vi.restoreAllMocks();
  });
});

describe('no data source yet', () => {
  it('shows loading, never the developer message; after the grace period "not available" and the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const grace = configuration.graceMs;
    configuration.graceMs = 300;
    try {
      const element = document.createElement('odw-on-demand-statistics');
      document.body.append(element);
      await element.updateComplete;
      const log = recordRenders(element, (root) => textOf(root));
      expect(element.shadowRoot?.querySelector('[role="status"]')).not.toBeNull();
      expect(element.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy')).toBe('true');
      await vi.waitFor(() => expect(textOf(element.shadowRoot)).toContain('Not available right now.'), { timeout: 3000 });
      log.stop();
      expect(log.everShowed('No data source')).toBe(false);
      expect([...log.fragments].some((text) => text.includes('No data source'))).toBe(false);
      expect(warn.mock.calls.some(([message]) => String(message).includes('No data source: set an adapter and event-id'))).toBe(true);
      element.remove();
    } finally {
      configuration.graceMs = grace;
      warn.mockRestore();
    }
  });

  it('a portal that sets the adapter later (after fetching a token) goes from loading straight to the data', async () => {
    const element = document.createElement('odw-on-demand-statistics');
    element.eventId = EVENT;
    element.now = now;
    mount(element);
    await element.updateComplete;
    const log = recordRenders(element, (root) => textOf(root));
    await new Promise((resolve) => setTimeout(resolve, 400));
    element.adapter = createRestAdapter({ baseUrl });
    expect(await dataShown('statistics', element)).toBe(expectedData('statistics', midWindow, now));
    log.stop();
    expect([...log.fragments].some((text) => /No data source|Not available/.test(text))).toBe(false);
  });
});
