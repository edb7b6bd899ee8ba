import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { EventDataSource } from '../../data/event-data-source.ts';
import { statisticsFrom } from '../../data/questions.ts';
import { projectionFrom } from '../../data/projection-question.ts';
import {
  DEFAULT_CLOSING_THRESHOLD_DAYS,
  onDemandWindow,
  type OnDemandProjection,
  type OnDemandStatistics,
  type OnDemandWindow,
  type WebinarEvent,
} from '../../core/index.ts';
import { formatMinutes } from '../../charts/format.ts';
import { DataElement } from '../data-element.ts';
import { defineElement } from '../define.ts';
import { fillMessage, formatDay, formatNumber, pickStrings, plural } from '../../i18n/locale.ts';
import { reserveStyles } from '../../styles/reserve.styles.ts';
import { cardStyles, tokenStyles } from '../../styles/tokens.styles.ts';
import { onDemandStatisticsStyles } from './on-demand-statistics.styles.ts';
import { onDemandStatisticsStrings, type OnDemandStatisticsStrings } from './on-demand-statistics.strings.ts';

interface LoadedStatistics {
  event: WebinarEvent;
  statistics: OnDemandStatistics;
  window: OnDemandWindow;
  /** Arrives after the figures (`undefined` until then, and when it failed); `null`: none to show. */
  projection?: OnDemandProjection | null;
}

/** The widest projection line the card reserves room for (any date's width, five-digit counts). */
const WIDEST_PROJECTION: OnDemandProjection = { expected: 88_888, low: 88_888, high: 88_888, level: 0.8, basedOnDays: 0, days: [] };

/**
 * @tag odw-on-demand-statistics
 * @summary On-Demand Statistics: days remaining of the 30-day on-demand window, on-demand
 * (no-show) visitors to date, and the average watch time over all visitors, with a details
 * disclosure (median, no-show visitors vs attendees who rewatched), and while the window is open
 * a projection of the no-shows who will have watched by its close ("Expected by Apr 18: 62
 * (55–71)", with its 80 % range), once 3 days are reported.
 *
 * Works inside `<odw-data-provider>` or standalone with `adapter` + `event-id`. Uses the
 * adapter's `getStatistics` push-down when it has one, `core.onDemandStatistics` otherwise. The
 * projection comes from the adapter's `getProjection`, or from `core.projectOnDemandVisitors`
 * when the adapter pushes nothing down; it never delays the figures, and when it fails the card
 * shows the rest (the failure goes to the console).
 *
 * @csspart base - The card.
 * @csspart title - The heading.
 * @csspart metric - Each figure's box (days remaining, visitors, average).
 * @csspart value - Each figure's number.
 * @csspart projection - The projection line (its room is kept while it loads and when it is hidden).
 * @csspart details - The details disclosure.
 * @csspart error - The error message and retry button.
 * @csspart retry - The retry button.
 *
 * @cssproperty --odw-color-surface - Card background.
 * @cssproperty --odw-color-surface-raised - Figure background.
 * @cssproperty --odw-color-text - Text color.
 * @cssproperty --odw-color-text-muted - Secondary text color.
 * @cssproperty --odw-color-border - Card border.
 * @cssproperty --odw-color-accent - Links and focus accents.
 * @cssproperty --odw-color-warning - Emphasis of the closing phase.
 * @cssproperty --odw-color-warning-surface - Background of the closing figure.
 * @cssproperty --odw-color-danger - Error text.
 * @cssproperty --odw-font-family - Font.
 * @cssproperty --odw-font-size - Base font size.
 * @cssproperty --odw-radius - Corner radius.
 * @cssproperty --odw-spacing - Base spacing.
 *
 * @example
 * ```html
 * <odw-on-demand-statistics event-id="evt-42" closing-threshold="5"></odw-on-demand-statistics>
 * <script type="module">
 *   import 'on-demand-webinar-widgets/statistics';
 *   document.querySelector('odw-on-demand-statistics').adapter = myAdapter;
 * </script>
 * ```
 */
export class OdwOnDemandStatistics extends DataElement<LoadedStatistics> {
  static override styles = [tokenStyles, cardStyles, reserveStyles, onDemandStatisticsStyles];

  protected readonly catalog = onDemandStatisticsStrings;

  /** Days left at or below which the window shows as closing (emphasized). */
  @property({ type: Number, attribute: 'closing-threshold' }) closingThreshold = DEFAULT_CLOSING_THRESHOLD_DAYS;

  /** Hide the projection of visitors by the window's close (and the room kept for it). */
  @property({ type: Boolean, attribute: 'no-projection', reflect: true }) noProjection = false;

  /** Overrides for any built-in text. */
  @property({ attribute: false }) strings: Partial<OnDemandStatisticsStrings> | undefined;

  protected override loadArguments(): readonly unknown[] {
    return [this.closingThreshold, this.noProjection];
  }

  protected override async load(source: EventDataSource, now: Date, signal: AbortSignal): Promise<LoadedStatistics> {
    // Asked alongside the figures, never waited for: an optional figure must not hold up or take
    // down the card. It becomes a follow-up once the figures came (if they fail, the card shows
    // that failure and the projection's is not news).
    const projection = this.noProjection ? undefined : projectionFrom(source, now, signal);
    projection?.catch(() => undefined);
    // The figures do not need the event first: both are asked at once (one round trip, not two).
    const [event, statistics] = await Promise.all([source.event(signal), statisticsFrom(source, now, this.closingThreshold, signal)]);
    this.followClock(event);
    const loaded: LoadedStatistics = { event, statistics, window: onDemandWindow(event) };
    if (projection) this.followUp(projection, signal, (value) => (loaded.projection = value), 'the projection');
    return loaded;
  }

  protected override render(): TemplateResult {
    const strings = pickStrings(onDemandStatisticsStrings, this.currentLocale(), this.strings);
    // The loaded layout with its static texts (labels, hints) and room for the rest; the phase
    // hint (first figure) always has two lines, the average's base is written with four-digit counts.
    return this.renderCard({
      strings,
      skeleton: html`
        <div class="skeleton name"></div>
        <div class="figures">
          ${[
            [strings.daysRemaining, ''],
            [strings.totalVisitors, strings.totalVisitorsHint],
            [strings.averageWatch, this.#averageBase(strings, 1000, 100)],
          ].map(([label, hint]) => html`<div class="skeleton figure"><div class="label" data-text=${label}></div><div class="number"></div><div class="hint" data-text=${hint}></div></div>`)}
        </div>
        ${this.#renderProjection(strings)}
        <div class="footer"></div>`,
      loaded: (loaded) => this.#renderStatistics(strings, loaded),
    });
  }

  /** "Average of 66 viewers: 47 no-shows + 19 attendees who rewatched": who the average is over. */
  #averageBase(strings: OnDemandStatisticsStrings, noShows: number, rewatchers: number): string {
    const locale = this.currentLocale();
    return fillMessage(strings.averageWatchHint, {
      viewers: plural(noShows + rewatchers, locale, strings.viewerCount),
      noShows: plural(noShows, locale, strings.noShowCount),
      rewatchers: plural(rewatchers, locale, strings.rewatcherCount),
    });
  }

  /**
   * The projection's line, over an invisible copy of the widest such line (texts drawn from
   * `data-text`, so nothing to find or read twice): the same room in the skeleton, while it loads
   * and when there is none to show, so its arrival moves nothing. Shown while there are days to
   * come (`days` is empty once the count is final: the figure above says it).
   */
  #renderProjection(strings: OnDemandStatisticsStrings, loaded?: LoadedStatistics): TemplateResult | string {
    if (this.noProjection) return '';
    const projection = loaded?.projection;
    const [widest, widestHint] = this.#projectionTexts(strings, WIDEST_PROJECTION, '2026-09-30');
    const [text, hint] = loaded && projection?.days.length ? this.#projectionTexts(strings, projection, loaded.window.lastDay) : [];
    return html`<p part="projection" class="projection">
      <span class="size" aria-hidden="true"><span class="badge" data-text=${strings.projection}></span> <span data-text=${`${widest} ${widestHint}`}></span></span>
      ${text ? html`<span><span class="badge">${strings.projection}</span> ${text} <span class="muted">${hint}</span></span>` : ''}
    </p>`;
  }

  #projectionTexts(strings: OnDemandStatisticsStrings, projection: OnDemandProjection, closeDay: string): [string, string] {
    const locale = this.currentLocale();
    return [
      fillMessage(strings.projectionExpected, {
        date: formatDay(closeDay, locale),
        visitors: plural(projection.expected, locale, strings.projectedVisitors),
        low: formatNumber(projection.low, locale),
        high: formatNumber(projection.high, locale),
      }),
      fillMessage(strings.projectionHint, { level: formatNumber(projection.level * 100, locale) }),
    ];
  }

  #renderStatistics(strings: OnDemandStatisticsStrings, loaded: LoadedStatistics): TemplateResult {
    const locale = this.currentLocale();
    const { statistics, event } = loaded;
    const upcoming = statistics.phase === 'upcoming';
    const phaseText = {
      upcoming: fillMessage(strings.phaseUpcoming, {
        time: new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: event.timeZone, timeZoneName: 'short' }).format(new Date(event.endsAt)),
      }),
      open: strings.phaseOpen,
      closing: strings.phaseClosing,
      closed: strings.phaseClosed,
    }[statistics.phase];
    const minutes = (value: number | null) => (value === null ? '–' : `${formatMinutes(value, locale)} ${strings.minutesUnit}`);
    const visitors = statistics.totalVisitors + statistics.rewatchers;
    const partial = statistics.reportedThrough < loaded.window.lastDay;
    const skipped = statistics.diagnostics.length;
    const metric = (label: string, value: string, hint: string, phase = '') => html`
      <div part="metric" class="metric ${phase}">
        <dt>${label}</dt>
        <dd part="value" class="value">${value}</dd>
        <dd class="hint">${hint}</dd>
      </div>`;
    const details = [
      [strings.median, minutes(statistics.medianWatchMinutes)],
      [strings.noShowVisitors, formatNumber(statistics.totalVisitors, locale)],
      [strings.rewatchers, formatNumber(statistics.rewatchers, locale)],
      [strings.noShowMinutes, formatMinutes(statistics.noShowWatchMinutes, locale)],
      [strings.rewatchMinutes, formatMinutes(statistics.rewatchWatchMinutes, locale)],
    ];
    return html`
      <p class="muted name" title=${event.name}>${event.name}</p>
      <dl class="metrics">
        ${upcoming
          ? // Before the window opens: when it opens, not a countdown of a window that has not started.
            html`${metric(strings.opens, formatDay(loaded.window.firstDay, locale), phaseText, 'upcoming')}
              ${metric(strings.totalVisitors, '–', strings.notOpenYet)} ${metric(strings.averageWatch, '–', strings.notOpenYet)}`
          : html`${metric(strings.daysRemaining, plural(statistics.daysRemaining, locale, strings.dayUnit), phaseText, statistics.phase)}
              ${metric(strings.totalVisitors, formatNumber(statistics.totalVisitors, locale), visitors === 0 ? strings.noViewsYet : strings.totalVisitorsHint)}
              ${metric(strings.averageWatch, minutes(statistics.averageWatchMinutes), visitors === 0 ? strings.noAverage : this.#averageBase(strings, statistics.totalVisitors, statistics.rewatchers))}`}
      </dl>
      ${this.#renderProjection(strings, loaded)}
      <div class="footer">
        <details part="details">
          <summary>${strings.details}</summary>
          <dl>
            ${details.map(
              ([term, value]) => html`
                <dt>${term}</dt>
                <dd>${value}</dd>`,
            )}
          </dl>
        </details>
        <span class="notes muted">
          ${partial && !upcoming
            ? html`<span>${fillMessage(strings.reportedThrough, { date: formatDay(statistics.reportedThrough, locale, { day: 'numeric', month: 'long' }) })}</span>`
            : ''}
          ${skipped > 0 ? html`<span>${plural(skipped, locale, strings.skippedRecords)}</span>` : ''}
        </span>
      </div>
    `;
  }
}

defineElement('odw-on-demand-statistics', OdwOnDemandStatistics);

declare global {
  interface HTMLElementTagNameMap {
    'odw-on-demand-statistics': OdwOnDemandStatistics;
  }
}
