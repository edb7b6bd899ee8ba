import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { EventDataSource } from '../../data/event-data-source.ts';
import { summaryFrom } from '../../data/questions.ts';
import { barChartLayout, renderBarChart, type ChartDay } from '../../charts/bar-chart.ts';
import { ResizeController } from '../../controllers/resize-controller.ts';
import {
  calendarDayOf,
  checkDayRange,
  daysRemaining,
  onDemandWindow,
  summaryRange,
  toCsv,
  type DailyOnDemandVisitorsResult,
  type DailyVisitors,
  type DayRange,
  type OnDemandWindow,
  type WebinarEvent,
} from '../../core/index.ts';
import { DataElement } from '../data-element.ts';
import { defineElement } from '../define.ts';
import { emit } from '../emit.ts';
import { fillMessage, formatDay, formatNumber, pickStrings, plural } from '../../i18n/locale.ts';
import { reserveStyles } from '../../styles/reserve.styles.ts';
import { cardStyles, tokenStyles } from '../../styles/tokens.styles.ts';
import { onDemandSummaryStyles } from './on-demand-summary.styles.ts';
import { onDemandSummaryStrings, type OnDemandSummaryStrings } from './on-demand-summary.strings.ts';

/** Detail of `odw-day-select`. */
export interface DaySelectDetail {
  eventId: string;
  day: string;
  visitors: number | null;
  rewatchers: number | null;
}

/** Detail of `odw-range-change`. */
export interface RangeChangeDetail {
  from: string | undefined;
  to: string | undefined;
  days: number | undefined;
}

declare module '../emit.ts' {
  interface OdwEventMap {
    'odw-day-select': DaySelectDetail;
    'odw-range-change': RangeChangeDetail;
  }
}

interface LoadedSummary {
  event: WebinarEvent;
  window: OnDemandWindow;
  range: DayRange;
  summary: DailyOnDemandVisitorsResult;
  today: string;
}

const LAST_DAYS = 7;
// The chart's height, as .chart svg in the styles: the drawing scales into that box.
const CHART_HEIGHT = 190;
// A date in running text, and a day in the tooltip and the table's rows.
const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const ROW_DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };

/**
 * @tag odw-on-demand-summary
 * @summary On-Demand Summary: unique no-show visitors per day across the 30-day on-demand
 * window, as an accessible bar chart (or a table), with a day-range control, an optional
 * rewatch series and CSV export. Days not reported yet are drawn distinctly, never as zero.
 *
 * Works inside `<odw-data-provider>` or standalone with `adapter` + `event-id`. Uses the
 * adapter's `getDailySummary` push-down when it has one, `core.dailyOnDemandVisitors` otherwise.
 *
 * @event odw-day-select - A day was chosen (click, or Enter on the focused bar). Detail: `{ eventId, day, visitors, rewatchers }`.
 * @event odw-range-change - The reader changed the day range. Detail: `{ from, to, days }`.
 *
 * @csspart base - The card.
 * @csspart title - The heading.
 * @csspart controls - The range, rewatch, table and CSV controls.
 * @csspart value - The range total.
 * @csspart chart - The chart container (keyboard focus stop).
 * @csspart bar - Each bar (`rewatch-bar` too for the rewatch series).
 * @csspart table - The table alternative.
 * @csspart error - The error message and retry button.
 * @csspart retry - The retry button.
 *
 * @cssproperty --odw-color-accent - Bars of no-show visitors.
 * @cssproperty --odw-color-rewatch - Bars of rewatching attendees.
 * @cssproperty --odw-color-unreported - Days not reported yet.
 * @cssproperty --odw-color-surface - Card background.
 * @cssproperty --odw-color-text - Text color.
 * @cssproperty --odw-color-text-muted - Axis and secondary text.
 * @cssproperty --odw-color-border - Card border and grid lines.
 * @cssproperty --odw-color-focus - Focus ring.
 * @cssproperty --odw-font-family - Font.
 * @cssproperty --odw-font-size - Base font size.
 * @cssproperty --odw-radius - Corner radius.
 * @cssproperty --odw-spacing - Base spacing.
 *
 * @example
 * ```html
 * <odw-on-demand-summary event-id="evt-42" days="7"></odw-on-demand-summary>
 * ```
 */
export class OdwOnDemandSummary extends DataElement<LoadedSummary> {
  static override styles = [tokenStyles, cardStyles, reserveStyles, onDemandSummaryStyles];

  protected readonly catalog = onDemandSummaryStrings;

  /** First day shown (`YYYY-MM-DD`, event zone); with `to`, overrides `days`. */
  @property({ reflect: true }) from: string | undefined;

  /** Last day shown (`YYYY-MM-DD`, event zone). */
  @property({ reflect: true }) to: string | undefined;

  /** Show the last N days to date instead of the whole window. */
  @property({ type: Number, reflect: true }) days: number | undefined;

  /** Also draw live attendees who rewatched the recording. */
  @property({ type: Boolean, attribute: 'show-rewatches', reflect: true }) showRewatches = false;

  /** Show the table instead of the chart. */
  @property({ type: Boolean, attribute: 'show-table', reflect: true }) showTable = false;

  /** Overrides for any built-in text. */
  @property({ attribute: false }) strings: Partial<OnDemandSummaryStrings> | undefined;

  @state() private focusedIndex: number | null = null;

  readonly #size = new ResizeController(this);

  protected override loadArguments(): readonly unknown[] {
    return [this.from, this.to, this.days];
  }

  protected override async load(source: EventDataSource, now: Date, signal: AbortSignal): Promise<LoadedSummary> {
    const event = await source.event(signal);
    this.followClock(event);
    const window = onDemandWindow(event);
    const today = calendarDayOf(now, event.timeZone);
    const range = this.#range(window, today);
    const summary = await summaryFrom(source, range, signal);
    return { event, window, range, summary, today };
  }

  #range(window: OnDemandWindow, today: string): DayRange {
    if (this.from || this.to) return checkDayRange({ from: this.from ?? window.firstDay, to: this.to ?? window.lastDay }, window);
    if (this.days !== undefined) return summaryRange(window, { kind: 'last-days', days: this.days }, today);
    return summaryRange(window, { kind: 'window' }, today);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('from') || changed.has('to') || changed.has('days')) this.focusedIndex = null;
  }

  protected override render(): TemplateResult {
    const strings = pickStrings(onDemandSummaryStrings, this.currentLocale(), this.strings);
    return this.renderCard({ strings, skeleton: this.#renderSkeleton(strings), loaded: (loaded) => this.#renderSummary(strings, loaded) });
  }

  /**
   * The loaded layout before the data: the controls (an invisible copy), the total's line with a
   * four-digit count, the chart's height (or the table's), the legend's and the notes' lines.
   */
  #renderSkeleton(strings: OnDemandSummaryStrings): TemplateResult {
    const locale = this.currentLocale();
    const total = `${plural(1000, locale, strings.totalVisitors)}${this.showRewatches ? ` · ${plural(100, locale, strings.totalRewatchers)}` : ''}`;
    return html`<div class="skeleton name"></div>${this.#renderControls(strings)}<p class="skeleton sum"><span data-text=${total}></span></p><div class="skeleton plot"></div><div class="legend"></div><div class="notes"></div>`;
  }

  #renderSummary(strings: OnDemandSummaryStrings, loaded: LoadedSummary): TemplateResult {
    const locale = this.currentLocale();
    const { summary, window, event } = loaded;
    const now = this.currentTime().getTime();
    const { phase } = daysRemaining(event, new Date(now));
    const upcoming = phase === 'upcoming';
    const closed = phase === 'closed';
    const notes: string[] = [];
    if (upcoming) notes.push(fillMessage(strings.upcoming, { date: formatDay(window.firstDay, locale, LONG_DATE) }));
    else if (summary.reportedThrough < loaded.range.to) {
      notes.push(fillMessage(strings.reportedThrough, { date: formatDay(summary.reportedThrough, locale, { day: 'numeric', month: 'long' }) }));
    }
    if (closed) notes.push(fillMessage(strings.closed, { date: formatDay(window.lastDay, locale, LONG_DATE) }));
    const anyViews = summary.totalVisitors + summary.totalRewatchers > 0;
    if (!upcoming && !anyViews) notes.push(strings.noViewsYet);
    if (summary.diagnostics.length > 0) notes.push(plural(summary.diagnostics.length, locale, strings.skippedRecords));
    return html`
      <p class="muted name" title=${event.name}>${event.name}</p>
      ${this.#renderControls(strings, loaded)}
      <p class="total">
        <span part="value" class="value">${plural(summary.totalVisitors, locale, strings.totalVisitors)}</span>
        ${this.showRewatches ? html`<span class="muted"> · ${plural(summary.totalRewatchers, locale, strings.totalRewatchers)}</span>` : ''}
      </p>
      ${this.showTable ? this.#renderTable(strings, loaded) : this.#renderChart(strings, loaded)}
      <p class="note muted">${notes.join(' ')}</p>
    `;
  }

  /** The controls; without `loaded`, the skeleton's invisible copy (it only takes their room; its buttons are disabled). */
  #renderControls(strings: OnDemandSummaryStrings, loaded?: LoadedSummary): TemplateResult {
    const choice = this.from || this.to ? 'day' : this.days !== undefined ? 'last-days' : 'window';
    return html`
      <div part="controls" class="controls">
        <label>${strings.range}
          <select @change=${(event: Event) => this.#chooseRange((event.target as HTMLSelectElement).value, loaded as LoadedSummary)}>
            <option value="window" ?selected=${choice === 'window'}>${strings.rangeWindow}</option>
            <option value="last-days" ?selected=${choice === 'last-days'}>${strings.rangeLastDays}</option>
            <option value="day" ?selected=${choice === 'day'}>${strings.rangeDay}</option>
          </select>
        </label>
        ${choice === 'day'
          ? html`<label>${strings.day}
              <input type="date" min=${loaded?.window.firstDay} max=${loaded?.window.lastDay} .value=${loaded?.range.from}
                @change=${(event: Event) => this.#chooseDay((event.target as HTMLInputElement).value)} />
            </label>`
          : ''}
        <label><input type="checkbox" .checked=${this.showRewatches} @change=${(event: Event) => (this.showRewatches = (event.target as HTMLInputElement).checked)} />${strings.showRewatches}</label>
        <span class="actions">
          <button type="button" ?disabled=${!loaded} aria-pressed=${this.showTable ? 'true' : 'false'} @click=${() => (this.showTable = !this.showTable)}>
            ${this.showTable ? strings.showChart : strings.showTable}
          </button>
          <button type="button" ?disabled=${!loaded} @click=${() => this.#downloadCsv(strings, loaded as LoadedSummary)}>${strings.downloadCsv}</button>
        </span>
      </div>
    `;
  }

  #chooseRange(choice: string, loaded: LoadedSummary): void {
    const { today, window } = loaded;
    // "One day" starts on today, kept inside the window.
    const day = today < window.firstDay ? window.firstDay : today > window.lastDay ? window.lastDay : today;
    if (choice === 'day') this.#showRange({ from: day, to: day, days: undefined });
    else this.#showRange({ from: undefined, to: undefined, days: choice === 'last-days' ? LAST_DAYS : undefined });
  }

  #chooseDay(day: string): void {
    if (day) this.#showRange({ from: day, to: day, days: undefined });
  }

  /** The reader's choice: set it and tell the page. */
  #showRange(range: RangeChangeDetail): void {
    this.from = range.from;
    this.to = range.to;
    this.days = range.days;
    emit(this, 'odw-range-change', range);
  }

  #chartDays(days: readonly DailyVisitors[]): ChartDay[] {
    return days.map((day) => ({ day: day.day, primary: day.visitors, secondary: day.rewatchers }));
  }

  #chartSummary(strings: OnDemandSummaryStrings, loaded: LoadedSummary): string {
    const locale = this.currentLocale();
    const { days } = loaded.summary;
    const peak = days.reduce<DailyVisitors | undefined>((best, day) => ((day.visitors ?? 0) > (best?.visitors ?? 0) ? day : best), undefined);
    if (peak === undefined) return strings.chartEmptySummary;
    return fillMessage(strings.chartSummary, {
      from: formatDay(loaded.range.from, locale),
      to: formatDay(loaded.range.to, locale),
      total: formatNumber(loaded.summary.totalVisitors, locale),
      peakDay: formatDay(peak.day, locale),
      peak: formatNumber(peak.visitors ?? 0, locale),
    });
  }

  #tooltip(strings: OnDemandSummaryStrings, day: ChartDay): string {
    const locale = this.currentLocale();
    const label = formatDay(day.day, locale, ROW_DAY);
    if (day.primary === null) return `${label}: ${strings.notReported}`;
    return fillMessage(this.showRewatches ? strings.tooltipRewatch : strings.tooltip, {
      day: label,
      visitors: formatNumber(day.primary, locale),
      rewatchers: formatNumber(day.secondary ?? 0, locale),
    });
  }

  #renderChart(strings: OnDemandSummaryStrings, loaded: LoadedSummary): TemplateResult {
    const locale = this.currentLocale();
    const days = this.#chartDays(loaded.summary.days);
    const width = Math.max(240, this.#size.width || 600);
    const height = CHART_HEIGHT;
    const layout = barChartLayout(days, { width, height, showSecondary: this.showRewatches });
    const focused = this.focusedIndex === null ? undefined : days[this.focusedIndex];
    const summaryText = this.#chartSummary(strings, loaded);
    return html`
      <div part="chart" class="chart" tabindex="0" role="group" aria-label=${`${strings.chartLabel}. ${strings.chartKeyboardHint}`}
        @keydown=${(event: KeyboardEvent) => this.#onChartKey(event, loaded)}
        @focus=${() => (this.focusedIndex ??= this.#lastReportedIndex(days))}
        @blur=${() => (this.focusedIndex = null)}>
        <svg viewBox="0 0 ${width} ${height}" width=${width} height=${height} role="img" aria-label=${summaryText}>
          ${renderBarChart({
            layout,
            days,
            showSecondary: this.showRewatches,
            focusedIndex: this.focusedIndex,
            label: (day) => formatDay(day.day, locale),
            tick: (value) => formatNumber(value, locale),
            tooltip: (day) => this.#tooltip(strings, day),
            onSelect: (index) => this.#selectDay(index, loaded),
            onHover: (index) => (this.focusedIndex = index),
          })}
        </svg>
        <div class="visually-hidden" aria-live="polite">${focused ? this.#tooltip(strings, focused) : ''}</div>
      </div>
      <div class="legend" aria-hidden="true">
        <span><span class="swatch"></span>${strings.columnVisitors}</span>
        ${this.showRewatches ? html`<span><span class="swatch rewatch"></span>${strings.columnRewatchers}</span>` : ''}
        ${days.some((day) => day.primary === null) ? html`<span><span class="swatch unreported"></span>${strings.notReported}</span>` : ''}
      </div>
    `;
  }

  #lastReportedIndex(days: readonly ChartDay[]): number {
    const index = days.findLastIndex((day) => day.primary !== null);
    return index === -1 ? 0 : index;
  }

  #onChartKey(event: KeyboardEvent, loaded: LoadedSummary): void {
    const count = loaded.summary.days.length;
    const current = this.focusedIndex ?? 0;
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowUp: current + 1, ArrowLeft: current - 1, ArrowDown: current - 1, Home: 0, End: count - 1 };
    if (event.key in moves) {
      event.preventDefault();
      this.focusedIndex = Math.min(count - 1, Math.max(0, moves[event.key] as number));
    } else if ((event.key === 'Enter' || event.key === ' ') && this.focusedIndex !== null) {
      event.preventDefault();
      this.#selectDay(this.focusedIndex, loaded);
    }
  }

  #selectDay(index: number, loaded: LoadedSummary): void {
    const day = loaded.summary.days[index];
    if (day === undefined) return;
    this.focusedIndex = index;
    emit(this, 'odw-day-select', { eventId: loaded.event.id, day: day.day, visitors: day.visitors, rewatchers: day.rewatchers });
  }

  #renderTable(strings: OnDemandSummaryStrings, loaded: LoadedSummary): TemplateResult {
    const locale = this.currentLocale();
    const count = (value: number | null) => (value === null ? strings.notReported : formatNumber(value, locale));
    return html`
      <div class="table-scroll" tabindex="0" role="region" aria-label=${strings.chartLabel}>
        <table part="table">
          <caption>${this.#chartSummary(strings, loaded)}</caption>
          <thead>
            <tr>
              <th scope="col">${strings.columnDay}</th>
              <th scope="col">${strings.columnVisitors}</th>
              ${this.showRewatches ? html`<th scope="col">${strings.columnRewatchers}</th>` : ''}
              <th scope="col">${strings.columnMinutes}</th>
            </tr>
          </thead>
          <tbody>
            ${loaded.summary.days.map(
              (day) => html`
                <tr>
                  <th scope="row">${formatDay(day.day, locale, ROW_DAY)}</th>
                  <td>${count(day.visitors)}</td>
                  ${this.showRewatches ? html`<td>${count(day.rewatchers)}</td>` : ''}
                  <td>${day.minutes === null ? strings.notReported : formatNumber(day.minutes, locale, 1)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  #downloadCsv(strings: OnDemandSummaryStrings, loaded: LoadedSummary): void {
    const csv = toCsv(loaded.summary.days, [
      { header: strings.columnDay, value: 'day' },
      { header: strings.columnVisitors, value: 'visitors' },
      { header: strings.columnRewatchers, value: 'rewatchers' },
      { header: strings.columnMinutes, value: 'minutes' },
    ]);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `on-demand-summary-${loaded.event.id}-${loaded.range.from}-${loaded.range.to}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

defineElement('odw-on-demand-summary', OdwOnDemandSummary);

declare global {
  interface HTMLElementTagNameMap {
    'odw-on-demand-summary': OdwOnDemandSummary;
  }
  interface HTMLElementEventMap {
    'odw-day-select': CustomEvent<DaySelectDetail>;
    'odw-range-change': CustomEvent<RangeChangeDetail>;
  }
}
