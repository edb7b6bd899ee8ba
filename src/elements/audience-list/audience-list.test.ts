import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AdapterError, type DataAdapter } from '../../adapters/adapter.ts';
import { createMemoryAdapter } from '../../adapters/memory.ts';
import '../data-provider/data-provider.ts';
import { audienceMembers, sortAudienceMembers, type Attendance, type AttendanceCriteria, type Registrant, type WebinarEvent } from '../../core/index.ts';
import { cleanup, expectAccessible, mount, shadowText, waitForShadow } from '../../../test/fixtures/dom.ts';
import { testAdapter } from '../../../test/fixtures/test-adapter.ts';
import { registrant } from '../../../test/fixtures/core-fixtures.ts';
import { watchLongTasks } from '../../../test/fixtures/long-tasks.ts';
import { amsterdamEvent, clock, widgetAttendance } from '../../../test/fixtures/widget-data.ts';
import './audience-list.ts';
import type { OdwAudienceList } from './audience-list.ts';

afterEach(cleanup);

const CONTACTS: Record<string, { name?: string; email?: string }> = {
  A: { name: 'Anna de Vries', email: 'anna@example.com' },
  B: { name: '=HYPERLINK("http://x")', email: 'bram@example.nl' },
  C: { email: 'chloe@example.com' },
  D: { name: 'Daan', email: 'daan@example.com' },
  E: { name: 'Emma' },
  F: { name: 'Finn, Jr.', email: 'finn@example.com' },
};

function namedAttendance(reportedThrough?: string): Attendance {
  const attendance = widgetAttendance(reportedThrough);
  return { ...attendance, registrants: attendance.registrants.map((registrant) => ({ ...registrant, ...CONTACTS[registrant.leadId] })) };
}

function listElement(adapter: DataAdapter, options: { criteria?: AttendanceCriteria; now?: Date; locale?: string } = {}): OdwAudienceList {
  const element = document.createElement('odw-audience-list');
  element.adapter = adapter;
  element.eventId = amsterdamEvent.id;
  element.now = options.now ?? clock.day5;
  if (options.criteria) element.criteria = options.criteria;
  if (options.locale) element.locale = options.locale;
  return element;
}

const rowNames = (element: Element) => [...(element.shadowRoot?.querySelectorAll('tbody th') ?? [])].map((cell) => cell.textContent?.trim());
const rowCells = (element: Element, row: number) => [...(element.shadowRoot?.querySelectorAll(`tbody tr:nth-child(${row + 1}) > *`) ?? [])].map((cell) => cell.textContent?.trim());
const header = (element: Element, key: string) => element.shadowRoot?.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`) as HTMLButtonElement;
const sortState = (element: Element) =>
  [...(element.shadowRoot?.querySelectorAll('th[aria-sort]') ?? [])].map((cell) => `${cell.querySelector('button')?.dataset.sort} ${cell.getAttribute('aria-sort')}`);

const everyoneWhoAttended: AttendanceCriteria = { version: 1, kind: 'has-attended' };

describe('<odw-audience-list>', () => {
  it("lists core's audienceMembers with the total, sorted by name, standalone; axe clean in both themes", async () => {
    const attendance = namedAttendance();
    const element = mount(listElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } })));
    await waitForShadow(element, (root) => root.querySelector('tbody tr'));
    const expected = sortAudienceMembers(audienceMembers(amsterdamEvent, attendance, everyoneWhoAttended, clock.day5), { by: 'name', direction: 'ascending' });
    expect(rowNames(element)).toEqual(expected.map((member) => member.name ?? 'not captured'));
    expect(element.shadowRoot?.querySelector('[part="total"]')?.textContent).toBe('5 people');
    expect(rowCells(element, 0)).toEqual(['=HYPERLINK("http://x")', 'bram@example.nl', 'Attended On-Demand', 'Mar 21, 2026', 'Mar 21, 2026', '30', '1', 'B']);
    expect(sortState(element)).toEqual(['name ascending']);
    expect(shadowText(element)).toContain('Views reported through March 25');
    expect(shadowText(element)).toContain('1–5 of 5');
    // The skeleton stays under the loaded list, invisible (the total is a live region of its own).
    const skeletons = [...(element.shadowRoot?.querySelectorAll('.skeleton') ?? [])];
    expect(skeletons.length).toBeGreaterThan(0);
    expect(skeletons.filter((skeleton) => getComputedStyle(skeleton).visibility !== 'hidden')).toEqual([]);
    await expectAccessible(element);
    element.theme = 'dark';
    await element.updateComplete;
    await expectAccessible(element);
  });

  it('sorts by a column on click and with the keyboard, and says so (aria-sort, odw-sort-change)', async () => {
    const attendance = namedAttendance();
    const element = mount(listElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } })));
    await waitForShadow(element, (root) => root.querySelector('tbody tr'));
    const changes: unknown[] = [];
    element.addEventListener('odw-sort-change', (event) => changes.push(event.detail.sort));
    header(element, 'onDemandMinutes').click();
    await waitForShadow(element, () => sortState(element)[0] === 'onDemandMinutes descending');
    await waitForShadow(element, () => rowCells(element, 0)[7] === 'B');
    expect(rowNames(element)).toEqual(['=HYPERLINK("http://x")', 'Anna de Vries', 'Daan', 'not captured', 'Finn, Jr.']);
    // Keyboard: focus the header button, Enter flips the direction.
    header(element, 'onDemandMinutes').focus();
    await userEvent.keyboard('{Enter}');
    await waitForShadow(element, () => sortState(element)[0] === 'onDemandMinutes ascending');
    await waitForShadow(element, () => rowCells(element, 0)[7] === 'F');
    await userEvent.tab({ shift: true });
    await userEvent.keyboard(' ');
    await waitForShadow(element, () => sortState(element)[0] === 'firstWatched ascending' || sortState(element)[0] === 'lastWatched descending');
    expect(changes.slice(0, 2)).toEqual([
      { by: 'onDemandMinutes', direction: 'descending' },
      { by: 'onDemandMinutes', direction: 'ascending' },
    ]);
    expect(element.shadowRoot?.querySelector('caption')?.textContent).toMatch(/sorted by (First|Last) watched/);
  });

  it('pages through the list with Previous and Next', async () => {
    const attendance = namedAttendance();
    const element = listElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } }), { criteria: { version: 1, kind: 'has-not-attended', eventMode: 'live' } });
    element.pageSize = 2;
    element.sort = { by: 'leadId', direction: 'ascending' };
    mount(element);
    await waitForShadow(element, (root) => root.querySelector('tbody tr'));
    const ids = () => [...(element.shadowRoot?.querySelectorAll('tbody td:last-child') ?? [])].map((cell) => cell.textContent?.trim());
    const button = (which: string) => element.shadowRoot?.querySelector<HTMLButtonElement>(`button[data-page="${which}"]`) as HTMLButtonElement;
    expect(ids()).toEqual(['A', 'B']);
    expect(button('previous').getAttribute('aria-disabled')).toBe('true');
    button('next').click();
    await waitForShadow(element, () => ids()[0] === 'C');
    expect(ids()).toEqual(['C', 'E']);
    expect(shadowText(element)).toContain('3–4 of 4');
    expect(button('next').getAttribute('aria-disabled')).toBe('true');
    button('previous').click();
    await waitForShadow(element, () => ids()[0] === 'A');
    expect(shadowText(element)).toContain('1–2 of 4');
  });

  it('masks e-mails with mask-emails, in the table and in the CSV', async () => {
    const attendance = namedAttendance();
    const element = listElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } }));
    element.setAttribute('mask-emails', '');
    mount(element);
    await waitForShadow(element, (root) => root.querySelector('tbody tr'));
    expect(rowCells(element, 0)[1]).toBe('b•••@example.nl');
    expect(shadowText(element)).not.toContain('anna@example.com');
    const csv = await element.downloadCsv({ save: false });
    expect(csv).toContain('a•••@example.com');
    expect(csv).not.toContain('anna@example.com');
  });

  it('exports every matching person as formula-safe CSV in the reader’s locale (en, nl)', async () => {
    const attendance = namedAttendance();
    const adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } });
    const element = mount(listElement(adapter));
    await waitForShadow(element, (root) => root.querySelector('tbody tr'));
    const csv = await element.downloadCsv({ save: false });
    expect(csv?.split('\r\n')).toEqual([
      'Lead id,Name,E-mail,Status,Live minutes,First watched,Last watched,On-demand minutes,Views',
      `B,"'=HYPERLINK(""http://x"")",bram@example.nl,Attended On-Demand,,2026-03-21,2026-03-21,30,1`,
      'A,Anna de Vries,anna@example.com,Attended On-Demand,,2026-03-21,2026-03-24,23,3',
      'D,Daan,daan@example.com,Attended,45,2026-03-22,2026-03-22,20,1',
      'F,"Finn, Jr.",finn@example.com,Attended,60,,,0,0',
      'C,,chloe@example.com,Attended On-Demand,,2026-03-23,2026-03-23,5,1',
      '',
    ]);
    const dutch = mount(listElement(adapter, { locale: 'nl' }));
    await waitForShadow(dutch, (root) => root.querySelector('tbody tr'));
    expect(dutch.shadowRoot?.querySelector('[part="total"]')?.textContent).toBe('5 personen');
    const nl = await dutch.downloadCsv({ save: false });
    expect(nl?.split('\r\n')[0]).toBe('Lead-id;Naam;E-mail;Status;Live minuten;Eerst bekeken;Laatst bekeken;On-demand minuten;Weergaven');
    expect(nl).toContain('F;Finn, Jr.;finn@example.com;Aanwezig;60;;;0;0');
    await expectAccessible(dutch);
  });

  it('shows empty, invalid-criteria and error states; Retry loads again', async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: namedAttendance() } });
    const empty = mount(listElement(adapter, { criteria: { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'is', date: '2026-04-10' } } }));
    await waitForShadow(empty, (root) => root.textContent?.includes('Nobody matches these criteria.'));
    expect(empty.shadowRoot?.querySelector('[part="total"]')?.textContent).toBe('0 people');
    await expectAccessible(empty);

    const invalid = document.createElement('odw-audience-list');
    invalid.setAttribute('criteria', '{"version":1,"kind":"nope"}');
    invalid.adapter = adapter;
    invalid.eventId = amsterdamEvent.id;
    mount(invalid);
    await waitForShadow(invalid, (root) => root.querySelector('[part="error"]'));
    expect(shadowText(invalid)).toContain('criteria are not valid');
    // The page asks for something that cannot be shown: asking again cannot help, so no Retry.
    // What is wrong is in the details, for the site's administrator.
    expect(invalid.shadowRoot?.querySelector('[part="retry"]')).toBeNull();
    expect(invalid.shadowRoot?.querySelector('[part="error"][role="alert"]')?.textContent).toContain('please tell the site’s administrator');
    expect(invalid.shadowRoot?.querySelector('[part="error-details"] code')?.textContent).toMatch(/The audience criteria are not valid: kind: .*"nope"/);

    const other = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: namedAttendance() } });
    other.fail(amsterdamEvent.id, new AdapterError('unavailable', 'The backend is down.'));
    const failing = mount(listElement(other));
    const retry = await waitForShadow(failing, (root) => root.querySelector<HTMLButtonElement>('[part="retry"]'));
    expect(shadowText(failing)).toContain('The backend is down.');
    await expectAccessible(failing);
    other.heal(amsterdamEvent.id);
    retry.click();
    await waitForShadow(failing, (root) => root.querySelector('tbody tr'));
  });

  it('uses listAudience when the adapter has it, and shows the same rows', async () => {
    const attendance = namedAttendance();
    const adapter = createMemoryAdapter({ events: [{ event: amsterdamEvent, attendance }], pushDown: { members: true } });
    const asked: unknown[] = [];
    const listAudience = adapter.listAudience!.bind(adapter);
    adapter.listAudience = (eventId, request, options) => {
      asked.push(request.sort);
      return listAudience(eventId, request, options);
    };
    adapter.getAttendance = () => Promise.reject(new Error('the list must not download attendance'));
    const element = mount(listElement(adapter));
    await waitForShadow(element, (root) => root.querySelector('tbody tr'));
    expect(rowNames(element)).toEqual(['=HYPERLINK("http://x")', 'Anna de Vries', 'Daan', 'Finn, Jr.', 'not captured']);
    expect(asked).toEqual([{ by: 'name', direction: 'ascending' }]);
    expect(shadowText(element)).toContain('Views reported through March 25');
  });

  it('follows the criteria property and the provider', async () => {
    const attendance = namedAttendance();
    const provider = document.createElement('odw-data-provider');
    provider.adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } });
    provider.eventId = amsterdamEvent.id;
    provider.now = clock.day5;
    const element = document.createElement('odw-audience-list');
    provider.append(element);
    mount(provider);
    await waitForShadow(element, (root) => root.querySelector('tbody tr'));
    expect(element.shadowRoot?.querySelector('[part="total"]')?.textContent).toBe('5 people');
    element.criteria = { version: 1, kind: 'has-not-attended' };
    await waitForShadow(element, () => element.shadowRoot?.querySelector('[part="total"]')?.textContent === '1 person');
    expect(rowNames(element)).toEqual(['Emma']);
  });

  it('keeps the keyboard focus on Next while pages load and at the last page, and on the CSV controls while they swap', async () => {
    const attendance = namedAttendance();
    const element = listElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } }));
    element.pageSize = 2;
    mount(element);
    await waitForShadow(element, (root) => root.querySelector('tbody tr'));
    const next = () => element.shadowRoot?.querySelector<HTMLButtonElement>('button[data-page="next"]') as HTMLButtonElement;
    next().focus();
    await userEvent.keyboard('{Enter}');
    await waitForShadow(element, (root) => root.textContent?.includes('3–4 of 5'));
    expect(element.shadowRoot?.activeElement).toBe(next());
    await userEvent.keyboard('{Enter}');
    await waitForShadow(element, (root) => root.textContent?.includes('5–5 of 5'));
    // The last page: Next is unavailable, and says so, but the focus stays on it (not on the page).
    expect(element.shadowRoot?.activeElement).toBe(next());
    expect(next().getAttribute('aria-disabled')).toBe('true');
    await userEvent.keyboard('{Enter}');
    expect(shadowText(element)).toContain('5–5 of 5');

    const save = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      const download = element.shadowRoot?.querySelector<HTMLButtonElement>('[part="export"] button') as HTMLButtonElement;
      download.focus();
      await userEvent.keyboard('{Enter}');
      await vi.waitFor(() => expect(save).toHaveBeenCalled());
      await element.updateComplete;
      await waitForShadow(element, (root) => root.activeElement?.textContent === 'Download CSV');
    } finally {
      save.mockRestore();
    }
  });

  it('before the event ends says when the session is, not a "reported through" day (en, nl)', async () => {
    const attendance: Attendance = { registrants: [registrant('A', 'Registered'), registrant('B', 'Invited')], views: [], reportedThrough: '2026-03-18' };
    const adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } });
    const english = mount(listElement(adapter, { now: clock.beforeEvent }));
    await waitForShadow(english, (root) => root.querySelector('.empty'));
    expect(shadowText(english)).toContain('0 people');
    expect(shadowText(english)).toContain('Nobody yet: the live session is on March 20, 2026, and the recording opens when it ends.');
    expect(shadowText(english)).not.toContain('reported through');
    const dutch = mount(listElement(adapter, { now: clock.beforeEvent, locale: 'nl' }));
    await waitForShadow(dutch, (root) => root.textContent?.includes('Nog niemand'));
    expect(shadowText(dutch)).toContain('Nog niemand: de live sessie is op 20 maart 2026');
    expect(shadowText(dutch)).not.toContain('gerapporteerd');
    // Once the window is open, the note is back.
    const open = mount(listElement(adapter, { now: clock.day5 }));
    await waitForShadow(open, (root) => root.querySelector('.empty'));
    expect(shadowText(open)).toContain('Nobody matches these criteria.');
    expect(shadowText(open)).toContain('Views reported through March 18');
  });

  it('on a phone, a long name wraps in its sticky column instead of being cut', async () => {
    const attendance = namedAttendance();
    attendance.registrants = attendance.registrants.map((person) => (person.leadId === 'A' ? { ...person, name: 'Anna-Chloé van Leeuwen-de Vries' } : person));
    const phone = mount(Object.assign(document.createElement('div'), { style: 'width: 343px' }));
    const element = mount(listElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } })), phone);
    await waitForShadow(element, (root) => root.querySelector('tbody tr'));
    const cell = [...(element.shadowRoot?.querySelectorAll<HTMLElement>('tbody th') ?? [])].find((each) => each.textContent?.includes('Anna-Chloé')) as HTMLElement;
    expect(getComputedStyle(cell).position).toBe('sticky');
    expect(cell.scrollWidth).toBeLessThanOrEqual(cell.clientWidth + 1);
    expect(getComputedStyle(cell).textOverflow).not.toBe('ellipsis');
  });
});

describe('<odw-audience-list> at 200 000 people', () => {
  const event: WebinarEvent = { id: 'huge', name: 'Huge event', startsAt: '2026-03-20T15:00:00Z', endsAt: '2026-03-20T16:00:00Z', timeZone: 'Europe/Amsterdam' };

  function hugeAttendance(): Attendance {
    const endsAt = Date.parse(event.endsAt);
    const registrants: Registrant[] = Array.from({ length: 200_000 }, (_, index) => ({ leadId: `L${index}`, status: index % 3 === 0 ? 'Attended' : 'No Show', name: `Person ${(index * 7919) % 200_000}`, email: `p${index}@example.com` }));
    const views = Array.from({ length: 300_000 }, (_, index) => ({
      leadId: `L${(index * 7) % 200_000}`,
      viewedAt: new Date(endsAt + 60_000 + ((index * 104_729) % (14 * 86_400_000))).toISOString(),
      minutes: (index % 50) + 1,
    }));
    return { registrants, views, reportedThrough: '2026-04-19' };
  }

  it.each([
    ['computed in the page (shared analysis)', false],
    ['pushed down (listAudience)', true],
  ])('stays responsive: %s', async (_, pushDown) => {
    const attendance = hugeAttendance();
    const adapter: DataAdapter = pushDown
      ? createMemoryAdapter({ events: [{ event, attendance }], pushDown: { members: true } })
      : { getEvent: async () => event, getAttendance: async () => attendance };
    const longTasks = await watchLongTasks();
    try {
      const element = document.createElement('odw-audience-list');
      element.adapter = adapter;
      element.eventId = 'huge';
      element.now = new Date('2026-04-19T12:00:00Z');
      element.criteria = { version: 1, kind: 'has-not-attended', eventMode: 'live' };
      const started = performance.now();
      mount(element);
      const rows = () => element.shadowRoot?.querySelectorAll('tbody tr').length === 50 || Promise.reject(new Error('no rows yet'));
      await vi.waitFor(rows, { timeout: 45_000, interval: 5 });
      const firstRows = performance.now() - started;
      expect(element.shadowRoot?.querySelector('[part="total"]')?.textContent).toMatch(/^133,333 people$/);

      // Scrolling the page of rows: frames while the box scrolls through it.
      const scroller = element.shadowRoot?.querySelector('.scroller') as HTMLElement;
      const frames: number[] = [];
      let last = performance.now();
      for (let step = 0; step < 30; step++) {
        scroller.scrollTop = (scroller.scrollHeight * step) / 30;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const time = performance.now();
        frames.push(time - last);
        last = time;
      }

      // Paging and sorting: the time from the click to the new rows.
      const pageStarted = performance.now();
      element.shadowRoot?.querySelector<HTMLButtonElement>('button[data-page="next"]')?.click();
      await vi.waitFor(() => element.shadowRoot?.textContent?.includes('51–100 of 133,333') || Promise.reject(new Error('not yet')), { timeout: 20_000, interval: 5 });
      const nextPage = performance.now() - pageStarted;
      const sortStarted = performance.now();
      element.shadowRoot?.querySelector<HTMLButtonElement>('button[data-sort="onDemandMinutes"]')?.click();
      await vi.waitFor(
        () => (element.shadowRoot?.querySelector('th[aria-sort="descending"]') && element.shadowRoot.textContent?.includes('1–50 of 133,333')) || Promise.reject(new Error('not yet')),
        { timeout: 30_000, interval: 5 },
      );
      const sorted = performance.now() - sortStarted;
      const worstFrame = Math.max(...frames.slice(1));
      const medianFrame = [...frames].sort((a, b) => a - b)[15] as number;
      console.log(
        `audience list, 200 000 registrants / 300 000 views, ${pushDown ? 'push-down' : 'in the page'}: first rows ${firstRows.toFixed(0)} ms; ` +
          `scrolling: worst frame ${worstFrame.toFixed(1)} ms, median ${medianFrame.toFixed(1)} ms; next page ${nextPage.toFixed(0)} ms; ` +
          `sort by minutes ${sorted.toFixed(0)} ms; longest task ${longTasks.longest().toFixed(0)} ms`,
      );
      // A page is 50 rows whatever the total: scrolling it runs at the display's rate (relative
      // bounds: a busy CI machine slows every frame alike).
      expect(medianFrame).toBeLessThan(50);
      expect(nextPage).toBeLessThan(Math.max(1000, firstRows / 2));
    } finally {
      longTasks.stop();
    }
  }, 120_000);
});
