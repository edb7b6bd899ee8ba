/*
 * A page may load the widgets before <odw-data-provider> is defined (separate bundles, lazy
 * imports): the widgets must still find the provider once it is. This file must not import the
 * provider statically — Vitest gives each test file its own page, so the registry starts empty.
 */
import { afterEach, expect, it } from 'vitest';
import '../../src/statistics.ts';
import { cleanup, mount, waitForShadow } from '../fixtures/dom.ts';
import { testAdapter } from '../fixtures/test-adapter.ts';
import { amsterdamEvent, clock, widgetAttendance } from '../fixtures/widget-data.ts';

afterEach(cleanup);

it('widgets connected before the provider is defined get its data once it is', async () => {
  expect(customElements.get('odw-data-provider')).toBeUndefined();
  const provider = document.createElement('odw-data-provider');
  const statistics = document.createElement('odw-on-demand-statistics');
  provider.append(statistics);
  mount(provider);
  await statistics.updateComplete;
  expect(statistics.shadowRoot?.textContent).toContain('No data source');
  await import('../../src/provider.ts');
  const defined = document.querySelector('odw-data-provider') as HTMLElementTagNameMap['odw-data-provider'];
  defined.adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } });
  defined.eventId = amsterdamEvent.id;
  defined.now = clock.day5;
  const value = await waitForShadow(statistics, (root) => root.querySelector('.value'));
  expect(value.textContent).toBe('25 days');
});
