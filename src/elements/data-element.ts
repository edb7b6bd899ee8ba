/*
 * What the data widgets share: where their data comes from (a provider's context, or their own
 * `adapter` + `event-id`), the clock, the locale, loading with abort of stale runs, and reload.
 * Subclasses implement `load()`; rendering stays in the element.
 */
import { ContextConsumer } from '@lit/context';
import { html, LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { DataAdapter } from '../adapters/adapter.ts';
import { asAdapterError, eventDataSource, type EventDataSource } from '../data/event-data-source.ts';
import { onDemandContext, type OnDemandContext } from '../data/context.ts';
import { ClockController } from '../controllers/clock-controller.ts';
import { LoadController } from '../controllers/load-controller.ts';
import type { WebinarEvent } from '../core/index.ts';
import { loadStrings, resolveLocale, type StringCatalog } from '../i18n/locale.ts';

const PROVIDER_TAG = 'odw-data-provider';

/**
 * How long a widget without a data source waits (showing loading) for an adapter or provider to
 * arrive before it says "not available" and tells the developer in the console. Tests shorten it.
 */
export const configuration = { graceMs: 5000 };

type Problems = ReturnType<(typeof import('./error-messages.ts'))['errorStates']>;
/** The error states' texts and logic: a chunk of their own, loaded on the first failure. */
let problems: Problems | undefined;
let loadingProblems: Promise<unknown> | undefined;
// A plain `import()` call of its own: tsc (5.9) leaves the `.ts` extension unrewritten when the
// call sits inside a `??=` expression, and dist/ then imports a file that does not exist.
const loadErrorMessages = () => import('./error-messages.ts');

/** The texts of the card frame shared by the data widgets. */
export interface CardStrings {
  title: string;
  loading: string;
  notConfigured: string;
  errorPrefix: string;
  retry: string;
}

export abstract class DataElement<Result> extends LitElement {
  /** Data adapter for standalone use; inside `<odw-data-provider>` the provider's is used. */
  @property({ attribute: false }) adapter: DataAdapter | undefined;

  /** Event to show, for standalone use (with `adapter`). */
  @property({ attribute: 'event-id' }) eventId: string | undefined;

  /** Fixed clock (tests, stories, a portal's time travel); defaults to the provider's or the real clock. */
  @property({ attribute: false }) now: Date | undefined;

  /** BCP 47 locale; defaults to the nearest `lang`. English and Dutch strings are built in. */
  @property() locale: string | undefined;

  /** `light` or `dark`; unset follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  // A controller rather than @consume: it can ask again when <odw-data-provider> is defined
  // after this element (a page that imports the widgets before the provider).
  readonly #consumer = new ContextConsumer(this, { context: onDemandContext, subscribe: true });

  /** What the enclosing `<odw-data-provider>` shares, if any. */
  protected get context(): OnDemandContext | undefined {
    return this.#consumer.value;
  }

  protected readonly clock = new ClockController(this);
  #revision = 0;
  /** What `refreshInPlace()` keeps on screen: the loaded value, for this source, until a new one arrives. */
  #refreshing: { source: EventDataSource; value: unknown } | undefined;

  #abortedByDisconnect = false;
  /** Follow-ups of the current load still going (see `followUp`). */
  #followUps = 0;
  /** No data source arrived within the grace period (and no provider is still to be defined). */
  #unavailable = false;
  #grace: ReturnType<typeof setTimeout> | undefined;

  protected readonly task = new LoadController(
    this,
    // Nothing to load until the widget knows where its data comes from: stay in the initial state.
    // Any failure becomes an AdapterError here, once, so `task.error` always has a readable message.
    ([source, now], signal) => source && this.load(source, now, signal).catch((error: unknown) => Promise.reject(asAdapterError(error))),
    () => [this.source, this.currentTime(), this.context?.revision ?? 0, this.#revision, ...this.loadArguments()] as const,
  );

  /**
   * The shared loader for this widget's data: its own adapter and event id win over the
   * provider's (an `event-id` alone picks another event from the provider's adapter).
   */
  protected get source(): EventDataSource | undefined {
    const adapter = this.adapter ?? this.context?.source?.adapter;
    const eventId = this.eventId || this.context?.source?.eventId;
    if (adapter === undefined || !eventId) return undefined;
    const provided = this.context?.source;
    return provided?.adapter === adapter && provided.eventId === eventId ? provided : eventDataSource(adapter, eventId);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (customElements.get(PROVIDER_TAG) === undefined) {
      void customElements.whenDefined(PROVIDER_TAG).then(() => {
        if (this.isConnected && this.#consumer.value === undefined) {
          this.removeController(this.#consumer);
          this.addController(this.#consumer);
        }
        this.#waitForSource();
      });
    }
    this.#waitForSource();
    if (this.#abortedByDisconnect) {
      this.#abortedByDisconnect = false;
      void this.task.run();
    }
  }

  /** Loading, not a configuration message, while an adapter or provider may still arrive. */
  #waitForSource(): void {
    clearTimeout(this.#grace);
    if (this.source) return;
    this.#grace = setTimeout(() => {
      // A provider not defined yet may still come (separate bundles, lazy imports): keep waiting.
      if (!this.source && !(this.closest(PROVIDER_TAG) && !customElements.get(PROVIDER_TAG))) {
        this.#unavailable = true;
        this.requestUpdate();
      }
    }, configuration.graceMs);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#grace);
    // A removed widget stops its requests, follow-ups included; if it comes back it loads again.
    if (this.task.status === 'pending' || this.#followUps > 0) {
      this.#abortedByDisconnect = true;
      this.task.abort();
    }
  }

  /** The clock in force: own `now`, else the provider's, else the real clock. */
  protected currentTime(): Date {
    return this.now ?? this.context?.now ?? this.clock.now;
  }

  /** The locale in force. */
  protected currentLocale(): string {
    return resolveLocale(this, this.locale ?? this.context?.locale);
  }

  /** The widget's built-in strings (English inline, other languages loaded on demand). */
  protected abstract readonly catalog: StringCatalog<object>;

  /**
   * Built-in strings other than English are a chunk of their own: render once they are loaded,
   * so a Dutch page never flashes English (and `updateComplete` includes the wait).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const strings = loadStrings(this.catalog, this.currentLocale());
    // Failing (or not configured): the error states' chunk first; if it cannot load, a plain fallback.
    const failing = problems === undefined && (this.task.status === 'error' || this.#unavailable) ? (loadingProblems ??= loadErrorMessages().then((module) => (problems = module.errorStates(html)), () => undefined)) : undefined;
    return strings || failing ? Promise.all([strings, failing]).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Extra inputs that should trigger a new load (e.g. the day range). */
  protected loadArguments(): readonly unknown[] {
    return [];
  }

  /** Loads what the widget shows; `signal` aborts when the inputs change or the element goes away. */
  protected abstract load(source: EventDataSource, now: Date, signal: AbortSignal): Promise<Result>;

  /** Follow the real clock for this event (call once the event is known). */
  protected followClock(event: WebinarEvent): void {
    this.clock.follow(this.now ?? this.context?.now ? undefined : event);
  }

  /**
   * A failure as the person reads it (error-messages.ts): one sentence in the widget's language
   * after `prefix`, with Retry, or a reference to the same failure shown by a widget above.
   */
  protected renderProblem(error: unknown, prefix: string, retryLabel: string, part = 'error', disabled?: boolean): unknown {
    const failure = asAdapterError(error);
    // Without the chunk (it could not be loaded: offline) the adapter's message, as plain text.
    return problems
      ? problems.renderProblem(this, this.source, failure, prefix, retryLabel, this.currentLocale(), part, () => this.task.status, disabled)
      : `${prefix} ${failure.message}`;
  }

  /**
   * The card every data widget shows: its title, then the loading (announced as a status; also
   * while no data source has arrived yet), error (plain words and Retry), not-available or
   * loaded state, stacked over `skeleton` —
   * the widget's loading placeholder, with the size of its loaded state for the same attributes
   * and width. The skeleton shows while loading and stays, invisible, under every other state, so
   * the card keeps its size from the first frame (no layout shift). `aria-busy` follows the load.
   */
  protected renderCard(options: { strings: CardStrings; skeleton: TemplateResult; loaded: (result: Result) => TemplateResult }): TemplateResult {
    const { strings } = options;
    const loading = () => html`<div role="status" class="visually-hidden loading">${strings.loading}</div>`;
    const refreshing = this.#refreshing;
    // Still the value refreshInPlace() kept, for the same source: a new value or a failure ends it.
    const inPlace = this.task.status === 'pending' && refreshing !== undefined && refreshing.source === this.source && refreshing.value === this.task.value;
    const body = this.source
      ? this.task.render({
          initial: loading,
          pending: () => (inPlace ? options.loaded(this.task.value as Result) : loading()),
          error: (error) => this.renderProblem(error, strings.errorPrefix, strings.retry),
          complete: options.loaded,
        })
      : this.#unavailable && problems
        ? problems.renderNotAvailable(this, strings.notConfigured, this.currentLocale())
        : loading();
    return html`
      <section part="base" class="card" aria-busy=${this.task.status === 'pending' || !(this.source || this.#unavailable) ? 'true' : 'false'} aria-labelledby="title">
        <h2 part="title" class="title" id="title">${strings.title}</h2>
        <div class="body">
          <div class=${inPlace ? 'refreshing' : ''}>${body}</div>
          <div class="reserve" aria-hidden="true">${options.skeleton}</div>
        </div>
      </section>
    `;
  }

  /**
   * Call before changing an input of the load from the widget's own control (a range, a day): the
   * loaded state stays while the new one loads, dimmed and busy, so the control the person is
   * using keeps its place and the keyboard focus. Another event, a Retry or a failure still show
   * the loading or error state.
   */
  protected refreshInPlace(): void {
    const { source } = this;
    this.#refreshing = this.task.status === 'complete' && source ? { source, value: this.task.value } : undefined;
  }

  /**
   * An optional figure a load asks for on its signal but does not wait for: `apply` stores its
   * answer (on the loaded value) and the widget renders again. A failure must not take down the
   * rest, so it is told to the developer, not the reader (nothing is said once the load was
   * aborted). A widget removed meanwhile aborts it, and asks again when it comes back.
   *
   * @example
   * this.followUp(projectionFrom(source, now, signal), signal, (projection) => (loaded.projection = projection), 'the projection');
   */
  protected followUp<T>(work: Promise<T>, signal: AbortSignal, apply: (value: T) => void, what: string): void {
    this.#followUps++;
    void work
      .then(
        (value) => {
          apply(value);
          this.requestUpdate();
        },
        (error: unknown) => signal.aborted || console.warn(`<${this.localName}>: ${what} could not be loaded.`, error),
      )
      .finally(() => this.#followUps--);
  }

  /** Forget loaded data and load again (what the Retry button does). */
  reload(): void {
    this.source?.invalidate();
    this.#revision++;
    this.requestUpdate();
  }
}
