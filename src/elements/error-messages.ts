/*
 * The error and not-available states of the data widgets, in plain language (#16): a chunk of
 * its own, loaded only when a widget fails or has no data source, so a page that works never
 * downloads it.
 *
 * - The person reads one sentence in the widget's language, from the error's `kind`: what
 *   happened and what they can do. The technical detail (kind, HTTP status, Retry-After, the
 *   adapter's message with its field path) is in a "Technical details" disclosure and in one
 *   console warning per failure, for developers.
 * - A rate limit the adapter gave up on says when the widget will try again, and it does, by
 *   itself, at that time (up to `AUTOMATIC_RETRIES` times in a row; then it says to try later).
 * - Several widgets failing the same way on the same data source show the problem once: the
 *   first in document order shows it (an alert, with Retry for all of them); the others say
 *   "see the message above" (no second alert).
 * - No Retry when the page's own request is at fault (`invalid-request`): asked again, it would
 *   fail again. The details say which rule it broke, for the site's administrator.
 * - A widget without a data source says "Not available" to the person and tells the developer
 *   what is missing in the console.
 */
// Types only, and Lit's `html` handed in by data-element.ts (`errorStates(html)`): a chunk that
// imports nothing the page has already loaded, so splitting it off costs the page nothing.
import type { html as litHtml, ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { AdapterError, AdapterErrorKind } from '../adapters/adapter.ts';
import nl from './error-messages.nl.ts';

let html: typeof litHtml;

/** Texts of the error states: one sentence per error kind (they follow the widget's prefix and a colon). */
export interface ProblemTexts extends Record<Exclude<AdapterErrorKind, 'rate-limited'>, string> {
  /** A rate limit with no time to retry at, or one the widget has already retried automatically. */
  'rate-limited': string;
  /** A rate limit the widget retries by itself at `{time}`. */
  'rate-limited-auto': string;
  /** Shown by the second and later widgets failing the same way (`sameProblemIn` names the card that shows it). */
  sameProblem: string;
  sameProblemIn: string;
  details: string;
  notAvailable: string;
}

const en: ProblemTexts = {
  'not-found': 'this event could not be found; check that the link or the chosen event is right.',
  unauthorized: 'you are not signed in or not allowed to see this; sign in again, then retry.',
  'rate-limited': 'the reporting service is too busy right now; try again in a few minutes.',
  'rate-limited-auto': 'the reporting service is too busy right now; it will try again by itself at {time}.',
  unavailable: 'the reporting service cannot be reached right now; try again in a moment.',
  timeout: 'the reporting service took too long to answer; try again in a moment.',
  'invalid-request': 'this page asks for something the widget cannot show; please tell the site’s administrator.',
  'invalid-response': 'the reporting service sent data that cannot be shown; please tell the site’s administrator.',
  aborted: 'loading was stopped; try again.',
  sameProblem: 'see the message above.',
  sameProblemIn: 'see the message in “{card}”.',
  details: 'Technical details',
  notAvailable: 'Not available right now.',
};

/** The built-in texts for a locale. */
export function problemTexts(locale: string): ProblemTexts {
  return locale.toLowerCase().startsWith('nl') ? nl : en;
}

/** How many times in a row a widget retries a rate limit by itself before it leaves it to the person. */
export const AUTOMATIC_RETRIES = 3;

/** A data widget, as this module sees it. */
export type ProblemHost = ReactiveControllerHost & HTMLElement & { reload(): void };

/** What a failing widget tells this module. */
export interface ProblemOptions {
  host: ProblemHost;
  /** The data source the widget loads from: widgets on the same one share their problems. */
  group: object | undefined;
  error: AdapterError;
  /** The widget's own words before the sentence ("Could not load the statistics:"). */
  prefix: string;
  retryLabel: string;
  locale: string;
  /** `error` for the cards, `count-error` for the picker's audience count. */
  part: string;
  /** Where the widget's load stands (read after each of its updates). */
  status: () => string;
  disabled: boolean | undefined;
}

/** `renderProblem`'s arguments: ProblemOptions' fields in order. */
type ProblemArguments = [
  host: ProblemHost,
  group: object | undefined,
  error: AdapterError,
  prefix: string,
  retryLabel: string,
  locale: string,
  part: string,
  status: () => string,
  disabled?: boolean | undefined,
];

interface Member extends ReactiveController {
  options: ProblemOptions;
  error: AdapterError | undefined;
}

/** Members showing an error, per data source. */
const groups = new Map<object, Set<Member>>();
const members = new WeakMap<HTMLElement, Member>();
/** Per data source: automatic retries made in a row, and the one scheduled. */
const automatic = new WeakMap<object, { count: number; error?: AdapterError; at?: number; timer?: ReturnType<typeof setTimeout> }>();
/** Failures already written to the console. */
const logged = new WeakSet<object>();

const sameFailure = (a: AdapterError, b: AdapterError) => a === b || (a.kind === b.kind && a.status === b.status);
const keyOf = (options: ProblemOptions) => options.group ?? options.host;

function notifyOthers(group: Set<Member>, except: Member): void {
  // After this render: other widgets re-decide who shows the message.
  queueMicrotask(() => {
    for (const member of group) if (member !== except) member.options.host.requestUpdate();
  });
}

function leave(member: Member): void {
  const key = keyOf(member.options);
  const group = groups.get(key);
  member.error = undefined;
  if (group?.delete(member)) {
    notifyOthers(group, member);
    if (group.size === 0) {
      groups.delete(key);
      const scheduled = automatic.get(key);
      if (scheduled?.timer !== undefined) clearTimeout(scheduled.timer);
      if (scheduled) delete scheduled.timer;
    }
  }
}

function memberFor(options: ProblemOptions): Member {
  let member = members.get(options.host);
  if (member === undefined) {
    const created: Member = {
      options,
      error: undefined,
      hostUpdated() {
        const key = keyOf(created.options);
        const status = created.options.status();
        // A success ends the automatic retries in a row; anything but an error leaves the group.
        if (status === 'complete') automatic.delete(key);
        if (status !== 'error') leave(created);
      },
      hostDisconnected() {
        leave(created);
      },
    };
    member = created;
    members.set(options.host, member);
    options.host.addController(member);
  }
  member.options = options;
  return member;
}

/** Reloads every widget showing this failure of the source, once. */
function retryAll(key: object, error: AdapterError): void {
  for (const member of [...(groups.get(key) ?? [])]) if (member.error && sameFailure(member.error, error)) member.options.host.reload();
}

/** Kind, status, Retry-After and the adapter's message (with its field path): for developers. */
export function technicalDetail(error: AdapterError): string {
  const field = (error.cause as { field?: unknown } | undefined)?.field;
  return [
    error.kind,
    error.status === undefined ? '' : `HTTP ${error.status}`,
    error.retryAfterMs === undefined ? '' : `Retry-After ${Math.ceil(error.retryAfterMs / 1000)} s`,
    typeof field === 'string' ? `field ${field}` : '',
    error.message,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The sentence a person reads for `error`, and when (if) the widget retries by itself. */
function sentence(texts: ProblemTexts, error: AdapterError, key: object, locale: string): string {
  if (error.kind !== 'rate-limited' || error.retryAfterMs === undefined) return texts[error.kind];
  let state = automatic.get(key);
  if (state === undefined) automatic.set(key, (state = { count: 0 }));
  if (state.error !== error) {
    // A new failure: schedule the next automatic retry, unless we have made enough in a row.
    state.error = error;
    if (state.timer !== undefined) clearTimeout(state.timer);
    delete state.timer;
    delete state.at;
    if (state.count < AUTOMATIC_RETRIES) {
      const scheduled = state;
      scheduled.at = Date.now() + error.retryAfterMs;
      scheduled.timer = setTimeout(() => {
        delete scheduled.timer;
        scheduled.count++;
        retryAll(key, error);
      }, error.retryAfterMs);
    }
  }
  if (state.at === undefined) return texts['rate-limited'];
  const seconds = error.retryAfterMs < 120_000 ? { second: '2-digit' as const } : {};
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', ...seconds }).format(state.at);
  return texts['rate-limited-auto'].replace('{time}', time);
}

/**
 * The error state of a widget: the plain sentence with Retry (an alert), the technical detail
 * in a disclosure; or, when another widget above shows the same failure, a short reference.
 */
function renderProblem(...[host, source, error, prefix, retryLabel, locale, part, status, disabled]: ProblemArguments): TemplateResult {
  // Positional (smaller in the widgets' own code, which every page loads); named from here on.
  const options: ProblemOptions = { host, group: source, error, prefix, retryLabel, locale, part, status, disabled };
  const key = keyOf(options);
  const member = memberFor(options);
  let group = groups.get(key);
  if (group === undefined) groups.set(key, (group = new Set()));
  const changed = !group.has(member) || member.error !== error;
  group.add(member);
  member.error = error;
  if (changed) notifyOthers(group, member);
  const texts = problemTexts(options.locale);
  const shown = [...group].filter((other) => other.error && sameFailure(other.error, error) && other.options.host.isConnected);
  const leader = shown.reduce((first, other) => (first.options.host.compareDocumentPosition(other.options.host) & Node.DOCUMENT_POSITION_PRECEDING ? other : first), member);
  if (leader !== member) {
    // Name the card that shows it: side by side, "above" would point the wrong way.
    const card = leader.options.host.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim();
    const reference = card ? texts.sameProblemIn.replace('{card}', card) : texts.sameProblem;
    return html`<p part=${options.part} class="error">${options.prefix} ${reference}</p>`;
  }
  if (!logged.has(error) && error.kind !== 'aborted') {
    logged.add(error);
    console.warn(`on-demand-webinar-widgets: <${options.host.localName}> could not load: ${technicalDetail(error)}`, error);
  }
  return html`
    <div part=${options.part} class="error" role="alert">
      <span>${options.prefix} ${sentence(texts, error, key, options.locale)}</span>
      ${error.kind === 'invalid-request' // the page's request: asked again it fails again
        ? ''
        : html`<button part="retry" type="button" ?disabled=${options.disabled ?? false} @click=${() => retryAll(key, error)}>${options.retryLabel}</button>`}
    </div>
    <details part="error-details" class="muted"><summary>${texts.details}</summary><code>${technicalDetail(error)}</code></details>
  `;
}

/** Widgets already reported to the console as not configured. */
const reported = new WeakSet<HTMLElement>();

/**
 * A widget that has no data source for good: a neutral "not available" for the person, what is
 * missing for the developer (once, in the console).
 */
function renderNotAvailable(host: HTMLElement, developerMessage: string, locale: string): TemplateResult {
  if (!reported.has(host)) {
    reported.add(host);
    console.warn(`on-demand-webinar-widgets: <${host.localName}>: ${developerMessage}`, host);
  }
  return html`<p class="muted">${problemTexts(locale).notAvailable}</p>`;
}

/**
 * The module's entry: data-element.ts hands in Lit's `html` (see the imports above).
 *
 * @example
 * const { renderProblem } = (await import('./error-messages.ts')).errorStates(html);
 */
export function errorStates(tag: typeof litHtml): { renderProblem: typeof renderProblem; renderNotAvailable: typeof renderNotAvailable } {
  html = tag;
  return { renderProblem, renderNotAvailable };
}
