/*
 * The demo admin portal: plain HTML + the kit's elements, fed by the REST adapter talking to
 * the mock backend (an MSW Service Worker serving the seeded scenarios). Controls move the
 * clock through the on-demand window, switch event, theme, language and backend faults.
 */
import { createRestAdapter } from '../src/adapters/index.ts';
import { MILLISECONDS_PER_DAY, type WebinarEvent } from '../src/core/index.ts';
import '../src/audience-list.ts';
import '../src/picker.ts';
import '../src/program-funnel.ts';
import '../src/provider.ts';
import '../src/statistics.ts';
import '../src/summary.ts';
import { FAULTS, REFERENCE_NOW, SCENARIO_NAMES, type Fault, type ScenarioName } from '../mocks/index.ts';
import { scenarioEvent } from '../mocks/scenarios.ts';
import { startMockBackend } from '../mocks/mock-backend.ts';

const CLOCK_POSITIONS = [
  { value: 'scenario', afterEnd: undefined },
  { value: 'before', afterEnd: -1 },
  { value: 'day-1', afterEnd: 0.5 },
  { value: 'day-12', afterEnd: 11.5 },
  { value: 'day-25', afterEnd: 24.5 },
  { value: 'day-27', afterEnd: 26.5 },
  { value: 'after', afterEnd: 31 },
] as const;

type Language = 'en' | 'nl';

/**
 * The portal's own words, in the language the toolbar picks: a Dutch page is Dutch throughout, not
 * only inside the widgets. `data-text` / `data-label` in index.html name the key of each text.
 */
const PORTAL_TEXT = {
  en: {
    tagline: 'Demo portal · data from the mock backend in this page',
    portal: 'Portal',
    dashboard: 'Dashboard',
    programs: 'Programs',
    webinars: 'Webinars',
    smartLists: 'Smart lists',
    settings: 'Settings',
    report: 'Webinar report',
    controls: 'Demo controls',
    event: 'Event',
    clock: 'Clock',
    theme: 'Theme',
    system: 'System',
    light: 'Light',
    dark: 'Dark',
    language: 'Language',
    backend: 'Backend',
    healthy: 'Healthy',
    fault: 'Fault: {fault}',
    now: 'Now: {time} ({zone})',
    buildAudience: 'Build audience',
    buildAudienceHint: 'Pick who a smart list or campaign should reach. Saving shows the JSON the portal would send to its backend.',
    save: 'Save smart list',
    reset: 'Reset',
    whoWatched: 'Who watched',
    peopleHint: 'Everyone who watched on demand, most minutes first. Click a day in the chart to see who watched that day, or “Show people” for the audience above. E-mail addresses are masked.',
    peopleOfDay: 'Who watched on {day}: no-show visitors (Attended On-Demand) first, then attendees who rewatched.',
    peopleOfAudience: 'The people the audience above selects.',
    daySelected: { one: '{day}: {count} no-show visitor.', other: '{day}: {count} no-show visitors.' },
    dayNotReported: '{day}: not reported yet.',
    noCriteria: '(no criteria)',
    clocks: { scenario: "Scenario's today", before: 'Before the event', 'day-1': 'Day 1 of 30', 'day-12': 'Day 12 of 30', 'day-25': 'Day 25 of 30', 'day-27': 'Day 27 of 30 (closing)', after: 'After day 30 (closed)' },
    scenarios: {
      upcoming: 'Upcoming (ends in 2 days)',
      'just-ended': 'Just ended',
      'mid-window': 'Mid-window',
      'closing-soon': 'Closing soon',
      closed: 'Closed',
      'no-views': 'No views yet',
      huge: 'Huge: 200 000 registrants',
      'bad-records': 'Bad records',
    },
  },
  nl: {
    tagline: 'Demoportaal · gegevens van de nepbackend in deze pagina',
    portal: 'Portaal',
    dashboard: 'Dashboard',
    programs: 'Programma’s',
    webinars: 'Webinars',
    smartLists: 'Slimme lijsten',
    settings: 'Instellingen',
    report: 'Webinarrapport',
    controls: 'Demo-instellingen',
    event: 'Evenement',
    clock: 'Klok',
    theme: 'Thema',
    system: 'Systeem',
    light: 'Licht',
    dark: 'Donker',
    language: 'Taal',
    backend: 'Backend',
    healthy: 'Gezond',
    fault: 'Storing: {fault}',
    now: 'Nu: {time} ({zone})',
    buildAudience: 'Doelgroep samenstellen',
    buildAudienceHint: 'Kies wie een slimme lijst of campagne moet bereiken. Opslaan toont de JSON die het portaal naar zijn backend zou sturen.',
    save: 'Slimme lijst opslaan',
    reset: 'Herstellen',
    whoWatched: 'Wie keek er',
    peopleHint: 'Iedereen die on demand keek, de meeste minuten eerst. Klik op een dag in de grafiek om te zien wie die dag keek, of op “Toon personen” voor de doelgroep hierboven. E-mailadressen zijn gemaskeerd.',
    peopleOfDay: 'Wie keek er op {day}: eerst de no-showbezoekers (on demand bekeken), dan deelnemers die opnieuw keken.',
    peopleOfAudience: 'De personen die de doelgroep hierboven selecteert.',
    daySelected: { one: '{day}: {count} no-showbezoeker.', other: '{day}: {count} no-showbezoekers.' },
    dayNotReported: '{day}: nog niet gerapporteerd.',
    noCriteria: '(geen criteria)',
    clocks: { scenario: 'Vandaag (scenario)', before: 'Voor het evenement', 'day-1': 'Dag 1 van 30', 'day-12': 'Dag 12 van 30', 'day-25': 'Dag 25 van 30', 'day-27': 'Dag 27 van 30 (sluit bijna)', after: 'Na dag 30 (gesloten)' },
    scenarios: {
      upcoming: 'Binnenkort (eindigt over 2 dagen)',
      'just-ended': 'Net afgelopen',
      'mid-window': 'Halverwege',
      'closing-soon': 'Sluit bijna',
      closed: 'Gesloten',
      'no-views': 'Nog geen weergaven',
      huge: 'Groot: 200 000 geregistreerden',
      'bad-records': 'Foute records',
    },
  },
} as const;

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

function element<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`demo markup lacks ${selector}`);
  return found;
}

function fillSelect(select: HTMLSelectElement, options: readonly { value: string; label: string }[], selected: string): void {
  select.replaceChildren(...options.map(({ value, label }) => new Option(label, value, value === selected, value === selected)));
}

// The mock backend serves from a module Worker: generating the 200 000-registrant event (a second
// or two) and computing every answer happen off the main thread, so the page stays responsive
// and the widgets show their loading state meanwhile (#16).
const backendWorker = new Worker(new URL('../mocks/backend-worker.ts', import.meta.url), { type: 'module' });
const backend = await startMockBackend({ baseUrl: '/api', worker: backendWorker });
// A generous timeout: the in-page backend generates the 200 000-registrant event on first use.
const adapter = createRestAdapter({ baseUrl: backend.baseUrl, pushDown: false, timeoutMs: 60_000 });
const provider = element<HTMLElementTagNameMap['odw-data-provider']>('#provider');
const eventSelect = element<HTMLSelectElement>('#event');
const clockSelect = element<HTMLSelectElement>('#clock');
const themeSelect = element<HTMLSelectElement>('#theme');
const languageSelect = element<HTMLSelectElement>('#language');
const faultSelect = element<HTMLSelectElement>('#fault');
const nowOutput = element<HTMLOutputElement>('#now');
const people = element<HTMLElementTagNameMap['odw-audience-list']>('#people');
const peopleHint = element<HTMLParagraphElement>('#people-hint');
const lastDaySelect = element<HTMLParagraphElement>('#last-day-select');
const widgets = () => [...document.querySelectorAll('odw-on-demand-statistics, odw-on-demand-summary, odw-event-mode-picker, odw-audience-list, odw-program-funnel')];

// Deep links (the layout-shift test, bug reports): `?event=…&clock=…&fault=…&lang=…&theme=…` preselect the toolbar.
const query = new URLSearchParams(location.search);
const language = (): Language => (languageSelect.value === 'nl' ? 'nl' : 'en');
const text = () => PORTAL_TEXT[language()];

/** The portal's own words and the toolbar's options in the toolbar's language, keeping what is chosen. */
function translatePortal(): void {
  const words = text();
  const chosen = { event: eventSelect.value || 'mid-window', clock: clockSelect.value || 'scenario', fault: faultSelect.value };
  fillSelect(eventSelect, SCENARIO_NAMES.map((name) => ({ value: name, label: words.scenarios[name] })), chosen.event);
  fillSelect(clockSelect, CLOCK_POSITIONS.map(({ value }) => ({ value, label: words.clocks[value] })), chosen.clock);
  fillSelect(faultSelect, [{ value: '', label: words.healthy }, ...FAULTS.map((fault) => ({ value: fault, label: fill(words.fault, { fault }) }))], chosen.fault);
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) node.textContent = words[node.dataset.text as keyof typeof words] as string;
  for (const node of document.querySelectorAll<HTMLElement>('[data-label]')) node.setAttribute('aria-label', words[node.dataset.label as keyof typeof words] as string);
  showPeopleHint();
  showDaySelect();
  document.documentElement.lang = language();
  document.title = `${words.report} — on-demand webinar widgets demo`;
}

/** What the "Who watched" panel lists: everyone who watched, a day of the chart, or the audience above. */
let listed: { of: 'watchers' } | { of: 'day'; day: string } | { of: 'audience' } = { of: 'watchers' };
/** The day last chosen in the chart, and its no-show visitors (`null`: not reported yet). */
let chosenDay: { day: string; visitors: number | null } | undefined;

/** A day as the reader says it: "Tue, Mar 10" / "di 10 mrt". */
const spokenDay = (day: string) => new Intl.DateTimeFormat(language(), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

function showPeopleHint(): void {
  const words = text();
  peopleHint.textContent = listed.of === 'day' ? fill(words.peopleOfDay, { day: spokenDay(listed.day) }) : listed.of === 'audience' ? words.peopleOfAudience : words.peopleHint;
}

function showDaySelect(): void {
  if (chosenDay === undefined) return;
  const words = text();
  const { day, visitors } = chosenDay;
  lastDaySelect.dataset.day = day;
  lastDaySelect.dataset.visitors = visitors === null ? '' : String(visitors);
  lastDaySelect.textContent =
    visitors === null
      ? fill(words.dayNotReported, { day: spokenDay(day) })
      : fill(new Intl.PluralRules(language()).select(visitors) === 'one' ? words.daySelected.one : words.daySelected.other, { day: spokenDay(day), count: new Intl.NumberFormat(language()).format(visitors) });
}

translatePortal();
for (const [name, select] of [['event', eventSelect], ['clock', clockSelect], ['fault', faultSelect], ['lang', languageSelect], ['theme', themeSelect]] as const) {
  const wanted = query.get(name);
  if (wanted !== null && [...select.options].some((option) => option.value === wanted)) select.value = wanted;
}
if (language() !== 'en') {
  provider.locale = language();
  translatePortal();
}

/** Where the toolbar's clock position puts "now" for the chosen event (its times come without generating its data). */
function clockFor(position: string, event: WebinarEvent): Date {
  const chosen = CLOCK_POSITIONS.find((candidate) => candidate.value === position);
  if (chosen?.afterEnd === undefined) return REFERENCE_NOW;
  return new Date(Date.parse(event.endsAt) + chosen.afterEnd * MILLISECONDS_PER_DAY);
}

/**
 * Applies the toolbar at once: no request first, so the widgets show loading as soon as another
 * event is chosen (never the old event's figures meanwhile).
 */
function show(): void {
  const eventId = eventSelect.value as ScenarioName;
  const event = scenarioEvent(eventId);
  const now = clockFor(clockSelect.value, event);
  backend.setNow(now);
  backend.setFault((faultSelect.value || undefined) as Fault | undefined);
  nowOutput.value = fill(text().now, { time: new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short', timeZone: event.timeZone }).format(now), zone: event.timeZone });
  provider.adapter = adapter;
  provider.now = now;
  if (provider.eventId === eventId) provider.reload();
  else provider.eventId = eventId;
}

eventSelect.addEventListener('change', show);
clockSelect.addEventListener('change', show);
faultSelect.addEventListener('change', show);
function applyTheme(): void {
  const theme = themeSelect.value;
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  for (const widget of widgets()) {
    if (theme) widget.setAttribute('theme', theme);
    else widget.removeAttribute('theme');
  }
}
themeSelect.addEventListener('change', applyTheme);
applyTheme();
languageSelect.addEventListener('change', () => {
  provider.locale = language();
  translatePortal();
  show();
});

const form = element<HTMLFormElement>('#audience-form');
const submitted = element<HTMLPreElement>('#submitted');
form.addEventListener('submit', (submit) => {
  submit.preventDefault();
  const criteria = new FormData(form).get('criteria');
  submitted.hidden = false;
  submitted.textContent = typeof criteria === 'string' ? JSON.stringify(JSON.parse(criteria), null, 2) : text().noCriteria;
});
form.addEventListener('reset', () => {
  submitted.hidden = true;
});
// Recipe: who is behind the numbers. A day in the chart → who watched on that day (its no-show
// visitors, and attendees who rewatched: the Status column tells them apart); the picker's "Show
// people" (its `show-people` attribute) → the audience it describes.
// The list starts with everyone who watched on demand, most minutes first.
people.sort = { by: 'onDemandMinutes', direction: 'descending' };
provider.addEventListener('odw-day-select', (select) => {
  const { day, visitors } = select.detail;
  chosenDay = { day, visitors: visitors ?? null };
  listed = { of: 'day', day };
  people.criteria = { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'is', date: day } };
  people.sort = { by: 'status', direction: 'descending' };
  showDaySelect();
  showPeopleHint();
});
provider.addEventListener('odw-show-people', (show) => {
  people.criteria = show.detail.criteria;
  listed = { of: 'audience' };
  showPeopleHint();
});

show();
