/*
 * A page may load the widgets before <odw-data-provider> is defined (separate bundles, lazy
 * imports): the widgets must still find the provider once it is. This file must not import the
 * provider statically — Vitest gives each test file its own page, so the registry starts empty.
 */
import { afterEach, expect, it } from 'vitest';
import '../../src/statistics.ts';
import { configuration } from '../../src/elements/data-element.ts';
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
  // The provider may still be defined: loading, not a configuration message (#16), even well
  // after the widgets' grace period for a data source.
  configuration.graceMs = 50;
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(statistics.shadowRoot?.querySelector('[role="status"]')).not.toBeNull();
  expect(statistics.shadowRoot?.textContent).not.toMatch(/No data source|Not available/);
  await import('../../src/provider.ts');
  const defined = document.querySelector('odw-data-provider') as HTMLElementTagNameMap['odw-data-provider'];
  defined.adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } });
  defined.eventId = amsterdamEvent.id;
  defined.now = clock.day5;
  const value = await waitForShadow(statistics, (root) => root.querySelector('.value'));
  expect(value.textContent).toBe('25 days');
});
