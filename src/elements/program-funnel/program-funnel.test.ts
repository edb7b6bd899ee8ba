import { afterEach, describe, expect, it } from 'vitest';
import { AdapterError, type ClockedRequestOptions, type DataAdapter } from '../../adapters/adapter.ts';
import '../data-provider/data-provider.ts';
import { onDemandStatistics, programFunnel, type Attendance, type ProgramFunnel } from '../../core/index.ts';
import { REFERENCE_NOW, scenarioData } from '../../../mocks/index.ts';
import { cleanup, expectAccessible, mount, shadowText, waitForShadow } from '../../../test/fixtures/dom.ts';
import { registrant } from '../../../test/fixtures/core-fixtures.ts';
import { testAdapter } from '../../../test/fixtures/test-adapter.ts';
import { amsterdamEvent, clock, widgetAttendance } from '../../../test/fixtures/widget-data.ts';
import './program-funnel.ts';
import type { OdwProgramFunnel } from './program-funnel.ts';

afterEach(cleanup);

function funnelElement(adapter: DataAdapter, now: Date, eventId = amsterdamEvent.id): OdwProgramFunnel {
  const element = document.createElement('odw-program-funnel');
  element.adapter = adapter;
  element.eventId = eventId;
  element.now = now;
  return element;
}

const spring = (attendance: Attendance = widgetAttendance()) => testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } });
const loaded = (element: Element) => waitForShadow(element, (root) => root.querySelector('[aria-busy="false"] .body > :first-child :is(.stages, .empty)'));
// The shown state only (not the skeleton kept, invisible, under it).
const texts = (element: Element, selector: string) => [...(element.shadowRoot?.querySelectorAll(`.body > :first-child ${selector}`) ?? [])].map((node) => node.textContent?.replace(/\s+/g, ' ').trim());

describe('<odw-program-funnel>', () => {
  it("shows core's funnel with its shares, standalone (widget data: 6 registered, 2 live, 3 of 4 no-shows on demand, 1 rewatch)", async () => {
    const element = mount(funnelElement(spring(), clock.day5));
    await loaded(element);
    expect(programFunnel(amsterdamEvent, widgetAttendance(), clock.day5)).toMatchObject({ invited: 6, registered: 6, attendedLive: 2, noShow: 4, attendedOnDemand: 3, rewatched: 1 });
    // A real list for screen readers: each stage's words and numbers, in order.
    expect(texts(element, 'ol.stages > li')).toEqual([
      'Registered: 6, 100% of 6 people in the program',
      'Attended live: 2, 33% of registrants',
      'Missed the live session: 4, 67% of registrants',
      'Watched on demand: 3, 75% of no-shows',
      'Rewatched: 1, 50% of live attendees',
    ]);
    expect(texts(element, '[part="reach"]')).toEqual(['Reached live or on demand: 83%, 5 of 6 registrants']);
    expect(element.shadowRoot?.querySelector('ol')?.getAttribute('aria-label')).toBe('Stages of the program');
    expect([...(element.shadowRoot?.querySelectorAll('svg') ?? [])].every((bar) => bar.getAttribute('aria-hidden') === 'true')).toBe(true);
    expect(shadowText(element)).toContain('Reported through March 25');
    expect(shadowText(element)).toContain('1 record could not be used.');
    await expectAccessible(element);
  });

  it.each(['mid-window', 'closing-soon', 'closed', 'bad-records'] as const)('matches core on the %s mock scenario', async (name) => {
    const data = scenarioData(name);
    const element = mount(funnelElement(testAdapter({ [name]: data }), REFERENCE_NOW, name));
    await loaded(element);
    const funnel = programFunnel(data.event, data.attendance, REFERENCE_NOW);
    const format = (value: number) => value.toLocaleString('en');
    expect(texts(element, 'ol.stages .value')).toEqual([funnel.registered, funnel.attendedLive, funnel.noShow, funnel.attendedOnDemand, funnel.rewatched].map((value) => `${format(value)},`));
    const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
    const shares = texts(element, 'ol.stages .share');
    expect(shares[1]).toBe(`${percent(funnel.attendedLive, funnel.registered)} of registrants`);
    expect(shares[3]).toBe(`${percent(funnel.attendedOnDemand, funnel.noShow)} of no-shows`);
    expect(shares[4]).toBe(`${percent(funnel.rewatched, funnel.attendedLive)} of live attendees`);
    expect(texts(element, '[part="reach"] .value')).toEqual([`${percent(funnel.attendedLive + funnel.attendedOnDemand, funnel.registered)},`]);
    // The on-demand stage is the statistics' no-show visitors, for the same data.
    expect(funnel.attendedOnDemand).toBe(onDemandStatistics(data.event, data.attendance, REFERENCE_NOW).totalVisitors);
  });

  it('speaks Dutch: words, plurals and percentages in the widget’s language', async () => {
    const element = funnelElement(spring(), clock.day5);
    element.locale = 'nl-NL';
    mount(element);
    await loaded(element);
    expect(texts(element, 'ol.stages > li')).toEqual([
      'Geregistreerd: 6, 100% van 6 personen in het programma',
      'Live aanwezig: 2, 33% van de geregistreerden',
      'Live sessie gemist: 4, 67% van de geregistreerden',
      'On demand gekeken: 3, 75% van de no-shows',
      'Teruggekeken: 1, 50% van de live deelnemers',
    ]);
    expect(texts(element, '[part="reach"]')).toEqual(['Live of on demand bereikt: 83%, 5 van 6 geregistreerden']);
    expect(shadowText(element)).toContain('1 record kon niet worden gebruikt.');
    expect(element.shadowRoot?.querySelector('h2')?.textContent).toBe('Programmatrechter');
  });

  it('formats numbers and percentages with the full locale (nl-BE groups thousands with a dot)', async () => {
    const many = { ...widgetAttendance(), registrants: Array.from({ length: 1500 }, (_, index) => registrant(`R${index}`, index % 3 === 0 ? 'Attended' : 'No Show')), views: [] };
    const element = funnelElement(spring(many), clock.day5);
    element.locale = 'nl-BE';
    mount(element);
    await loaded(element);
    expect(texts(element, 'ol.stages .value')[0]).toBe('1.500,');
    expect(texts(element, 'ol.stages .share')[3]).toBe('0% van de no-shows');
  });

  it('the upcoming event: the live split is not known yet and the recording is not open yet', async () => {
    const element = mount(funnelElement(spring(widgetAttendance('2026-03-19')), clock.beforeEvent));
    await loaded(element);
    const rows = texts(element, 'ol.stages > li');
    expect(rows[0]).toBe('Registered: 6, 100% of 6 people in the program');
    expect(rows[1]).toBe('Attended live: –, Known after the live session.');
    expect(rows[3]).toBe('Watched on demand: –, The recording is not open yet.');
    expect(shadowText(element)).not.toContain('Reported through');
    await expectAccessible(element);
  });

  it('says so when nobody registered', async () => {
    const element = mount(funnelElement(spring({ registrants: [registrant('A', 'Invited'), registrant('B', 'Pending Approval')], views: [], reportedThrough: '2026-03-25' }), clock.day5));
    await loaded(element);
    expect(element.shadowRoot?.querySelector('.empty')?.textContent).toBe('Nobody has registered yet (2 people in the program).');
    expect(element.shadowRoot?.querySelector('.body > :first-child ol')).toBeNull();
    await expectAccessible(element);
  });

  it('a share of nobody says so instead of dividing by zero', async () => {
    const element = mount(funnelElement(spring({ registrants: [registrant('A', 'No Show'), registrant('B', 'No Show')], views: [], reportedThrough: '2026-03-25' }), clock.day5));
    await loaded(element);
    expect(texts(element, 'ol.stages > li')[4]).toBe('Rewatched: 0, nobody to compare with');
    expect(texts(element, '[part="reach"]')).toEqual(['Reached live or on demand: 0%, 0 of 2 registrants']);
  });

  it('shows a skeleton with aria-busy while loading, with the size of the loaded card, wide and narrow, English and Dutch', async () => {
    for (const [width, locale] of [
      [640, 'en'],
      [900, 'nl'],
      [340, 'en'],
      [340, 'nl'],
    ] as const) {
      const box = mount(document.createElement('div'));
      box.style.width = `${width}px`;
      // Without bad records: a second note may add a line under about 360 px (README: what a skeleton cannot know).
      const adapter = spring({ ...widgetAttendance(), views: widgetAttendance().views.filter((view) => view.viewedAt !== 'not a date') });
      adapter.hold(amsterdamEvent.id);
      const element = funnelElement(adapter, clock.day5);
      element.locale = locale;
      mount(element, box);
      const card = await waitForShadow(element, (root) => root.querySelector<HTMLElement>('[aria-busy="true"]'));
      expect(card.querySelector('.skeleton')).not.toBeNull();
      await expectAccessible(element);
      const before = card.getBoundingClientRect().height;
      adapter.release(amsterdamEvent.id);
      await loaded(element);
      expect(card.getBoundingClientRect().height, `${width} px, ${locale}`).toBe(before);
    }
  });

  it("shows the adapter's error with a Retry that loads again", async () => {
    const adapter = spring();
    adapter.fail(amsterdamEvent.id, new AdapterError('unavailable', 'The reporting service is down.'));
    const element = mount(funnelElement(adapter, clock.day5));
    const alert = await waitForShadow(element, (root) => root.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('Could not load the program funnel:');
    await expectAccessible(element);
    adapter.heal(amsterdamEvent.id);
    const retry = alert.querySelector('button') as HTMLButtonElement;
    expect(retry.textContent?.trim()).toBe('Retry');
    retry.focus();
    retry.click();
    await loaded(element);
    expect(texts(element, 'ol.stages .value')[3]).toBe('3,');
  });

  it('is clean for axe in light and dark themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const element = funnelElement(spring(), clock.day5);
      element.theme = theme;
      mount(element);
      await loaded(element);
      await expectAccessible(element);
    }
  });

  it('uses the adapter’s getFunnel push-down when it has one', async () => {
    const adapter = spring();
    const asked: Date[] = [];
    const pushed: DataAdapter & { getFunnel(eventId: string, options: ClockedRequestOptions): Promise<ProgramFunnel> } = {
      getEvent: adapter.getEvent,
      getAttendance: adapter.getAttendance,
      getFunnel: async (_id, { now }) => {
        asked.push(now);
        return { ...programFunnel(amsterdamEvent, widgetAttendance(), now), registered: 4242, diagnostics: [] };
      },
    };
    const element = mount(funnelElement(pushed, clock.day5));
    await loaded(element);
    expect(texts(element, 'ol.stages .value')[0]).toBe('4,242,');
    expect(asked).toEqual([clock.day5]);
    expect(adapter.calls.getAttendance).toEqual([]);
    // No reportedThrough in the answer: no partial note it cannot back.
    expect(shadowText(element)).not.toContain('Reported through');
  });

  it('inside a provider: shares its one load with the other widgets', async () => {
    const adapter = spring();
    const provider = document.createElement('odw-data-provider');
    provider.adapter = adapter;
    provider.eventId = amsterdamEvent.id;
    provider.now = clock.day5;
    const first = document.createElement('odw-program-funnel');
    const second = document.createElement('odw-program-funnel');
    provider.append(first, second);
    mount(provider);
    await loaded(first);
    await loaded(second);
    expect(texts(first, 'li')).toEqual(texts(second, 'li'));
    expect(adapter.calls.getAttendance).toEqual([amsterdamEvent.id]);
  });
});
