/*
 * The demo admin portal: plain HTML + the kit's elements, fed by the REST adapter talking to
 * the mock backend (an MSW Service Worker serving the seeded scenarios). Controls move the
 * clock through the on-demand window, switch event, theme, language and backend faults.
 */
import { createRestAdapter } from '../src/adapters/index.ts';
import { MILLISECONDS_PER_DAY, type WebinarEvent } from '../src/core/index.ts';
import '../src/audience-list.ts';
import '../src/picker.ts';
import '../src/provider.ts';
import '../src/statistics.ts';
import '../src/summary.ts';
import { FAULTS, REFERENCE_NOW, SCENARIO_NAMES, type Fault, type ScenarioName } from '../mocks/index.ts';
import { scenarioEvent } from '../mocks/scenarios.ts';
import { startMockBackend } from '../mocks/mock-backend.ts';

const CLOCK_POSITIONS = [
  { value: 'scenario', label: "Scenario's today", afterEnd: undefined },
  { value: 'before', label: 'Before the event', afterEnd: -1 },
  { value: 'day-1', label: 'Day 1 of 30', afterEnd: 0.5 },
  { value: 'day-12', label: 'Day 12 of 30', afterEnd: 11.5 },
  { value: 'day-25', label: 'Day 25 of 30', afterEnd: 24.5 },
  { value: 'day-27', label: 'Day 27 of 30 (closing)', afterEnd: 26.5 },
  { value: 'after', label: 'After day 30 (closed)', afterEnd: 31 },
] as const;

const SCENARIO_LABELS: Record<ScenarioName, string> = {
  upcoming: 'Upcoming (ends in 2 days)',
  'just-ended': 'Just ended',
  'mid-window': 'Mid-window',
  'closing-soon': 'Closing soon',
  closed: 'Closed',
  'no-views': 'No views yet',
  huge: 'Huge: 200 000 registrants',
  'bad-records': 'Bad records',
};

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
const widgets = () => [...document.querySelectorAll('odw-on-demand-statistics, odw-on-demand-summary, odw-event-mode-picker, odw-audience-list')];

fillSelect(eventSelect, SCENARIO_NAMES.map((name) => ({ value: name, label: SCENARIO_LABELS[name] })), 'mid-window');
fillSelect(clockSelect, CLOCK_POSITIONS, 'scenario');
fillSelect(faultSelect, [{ value: '', label: 'Healthy' }, ...FAULTS.map((fault) => ({ value: fault, label: `Fault: ${fault}` }))], '');

// Deep links (the layout-shift test, bug reports): `?event=…&clock=…&fault=…&lang=…` preselect the toolbar.
const query = new URLSearchParams(location.search);
for (const [name, select] of [['event', eventSelect], ['clock', clockSelect], ['fault', faultSelect], ['lang', languageSelect]] as const) {
  const wanted = query.get(name);
  if (wanted !== null && [...select.options].some((option) => option.value === wanted)) select.value = wanted;
}
if (languageSelect.value !== 'en') {
  document.documentElement.lang = languageSelect.value;
  provider.locale = languageSelect.value;
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
  nowOutput.value = `Now: ${new Intl.DateTimeFormat(languageSelect.value, { dateStyle: 'medium', timeStyle: 'short', timeZone: event.timeZone }).format(now)} (${event.timeZone})`;
  provider.adapter = adapter;
  provider.now = now;
  if (provider.eventId === eventId) provider.reload();
  else provider.eventId = eventId;
}

eventSelect.addEventListener('change', show);
clockSelect.addEventListener('change', show);
faultSelect.addEventListener('change', show);
themeSelect.addEventListener('change', () => {
  const theme = themeSelect.value;
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  for (const widget of widgets()) {
    if (theme) widget.setAttribute('theme', theme);
    else widget.removeAttribute('theme');
  }
});
languageSelect.addEventListener('change', () => {
  document.documentElement.lang = languageSelect.value;
  provider.locale = languageSelect.value;
  show();
});

const form = element<HTMLFormElement>('#audience-form');
const submitted = element<HTMLPreElement>('#submitted');
form.addEventListener('submit', (submit) => {
  submit.preventDefault();
  const criteria = new FormData(form).get('criteria');
  submitted.hidden = false;
  submitted.textContent = typeof criteria === 'string' ? JSON.stringify(JSON.parse(criteria), null, 2) : '(no criteria)';
});
form.addEventListener('reset', () => {
  submitted.hidden = true;
});
// Recipe: who is behind the numbers. A day in the chart → who watched on that day (its no-show
// visitors, and attendees who rewatched: the Status column tells them apart); the picker's "Show
// people" (its `show-people` attribute) → the audience it describes.
const people = element<HTMLElementTagNameMap['odw-audience-list']>('#people');
const peopleHint = element<HTMLParagraphElement>('#people-hint');
provider.addEventListener('odw-day-select', (select) => {
  const { day, visitors } = select.detail;
  element('#last-day-select').textContent = `Selected ${day}: ${visitors ?? 'not reported'} no-show visitors.`;
  people.criteria = { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'is', date: day } };
  people.sort = { by: 'status', direction: 'descending' };
  peopleHint.textContent = `Who watched on ${day}: no-show visitors (Attended On-Demand) first, then attendees who rewatched.`;
});
provider.addEventListener('odw-show-people', (show) => {
  people.criteria = show.detail.criteria;
  peopleHint.textContent = 'The people the audience above selects.';
});

show();
