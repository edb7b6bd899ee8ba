import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { EventDataSource } from '../../data/event-data-source.ts';
import { prefetchSummary, summaryFrom } from '../../data/questions.ts';
import { projectionFrom } from '../../data/projection-question.ts';
import { barChartLayout, renderBarChart, type ChartDay, type ProjectedValue } from '../../charts/bar-chart.ts';
import { formatMinutes } from '../../charts/format.ts';
import { ResizeController } from '../../controllers/resize-controller.ts';
import {
  calendarDayOf,
  checkDayRange,
  csvFormatOf,
  daysRemaining,
  isCalendarDay,
  onDemandWindow,
  reportedSummaryRange,
  toCsv,
  type DailyOnDemandVisitorsResult,
  type DailyVisitors,
  type DayRange,
  type OnDemandProjection,
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
  /** `from`/`to` are days outside this event's window (another event was chosen): the whole window is shown instead. */
  misfit: boolean;
  /** Arrives after the summary, when the range has days not reported yet (`undefined` until then, and when it failed); `null`: none to show. */
  projection?: OnDemandProjection | null;
}

const LAST_DAYS = 7;
// The chart's height, as .chart svg in the styles: the drawing scales into that box.
const CHART_HEIGHT = 190;
// A date in running text, and a day in the tooltip and the table's rows.
const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const DAY_MONTH: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' };
const FULL_DATE: Intl.DateTimeFormatOptions = { weekday: 'long', ...LONG_DATE };
const ROW_DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };

/**
 * @tag odw-on-demand-summary
 * @summary On-Demand Summary: unique no-show visitors per day across the 30-day on-demand
 * window, as an accessible bar chart (or a table), with a day-range control, an optional
 * rewatch series and CSV export. Days not reported yet are drawn distinctly, never as zero; while
 * the window is open they carry a projection (once 3 days are reported): the first-time visitors
 * expected that day as a dashed bar over a light band, its 80 % range, in the legend, the
 * tooltips and the table.
 *
 * Works inside `<odw-data-provider>` or standalone with `adapter` + `event-id`. Uses the
 * adapter's `getDailySummary` push-down when it has one, `core.dailyOnDemandVisitors` otherwise.
 * The projection comes from the adapter's `getProjection`, or from `core.projectOnDemandVisitors`
 * when the adapter pushes nothing down; it never delays the chart, and when it fails the chart
 * shows the rest (the failure goes to the console).
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
 * @csspart projected-bar - Each projected day's dashed bar (its range is drawn beneath it).
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

  /** Leave out the projection of the days not reported yet (and the legend's room for it). */
  @property({ type: Boolean, attribute: 'no-projection', reflect: true }) noProjection = false;

  /** Overrides for any built-in text. */
  @property({ attribute: false }) strings: Partial<OnDemandSummaryStrings> | undefined;

  @state() private focusedIndex: number | null = null;

  /** Why the day typed into the "One day" field was refused (the range stays as it was). */
  @state() private dayProblem: string | undefined;

  readonly #size = new ResizeController(this);

  protected override loadArguments(): readonly unknown[] {
    return [this.from, this.to, this.days, this.noProjection];
  }

  protected override async load(source: EventDataSource, now: Date, signal: AbortSignal): Promise<LoadedSummary> {
    // The attendance downloads while the event does (one round trip, not two).
    prefetchSummary(source, signal);
    const event = await source.event(signal);
    this.followClock(event);
    const window = onDemandWindow(event);
    const today = calendarDayOf(now, event.timeZone);
    const whole = { from: window.firstDay, to: window.lastDay };
    let range: DayRange = whole;
    let misfit = false;
    const chosen = this.from || this.to;
    if (chosen) {
      const wanted = { from: this.from ?? window.firstDay, to: this.to ?? window.lastDay };
      // Real days outside this event's window (another event was chosen): the whole window, with a
      // note, never an error the reader cannot get out of. Text that is no day is the page's mistake.
      misfit = [wanted.from, wanted.to].every(isCalendarDay) && [wanted.from, wanted.to].some((day) => day < window.firstDay || day > window.lastDay);
      if (!misfit) range = checkDayRange(wanted, window);
    }
    let summary = await summaryFrom(source, range, signal);
    if (!chosen && this.days !== undefined) {
      // "Last N days" are the last N reported days: known once the summary says what is reported.
      range = reportedSummaryRange(window, { kind: 'last-days', days: this.days }, today, summary.reportedThrough);
      if (range.from !== whole.from || range.to !== whole.to) summary = await summaryFrom(source, range, signal);
    }
    const loaded: LoadedSummary = { event, window, range, summary, today, misfit };
    // Only for a range with days to come; never waited for: an optional figure must not hold up
    // or take down the chart.
    if (!this.noProjection && summary.reportedThrough < range.to) {
      this.followUp(projectionFrom(source, now, signal), signal, (projection) => (loaded.projection = projection), 'the projection');
    }
    return loaded;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('from') || changed.has('to') || changed.has('days')) {
      this.focusedIndex = null;
      this.dayProblem = undefined;
    }
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
    return html`<div class="skeleton name"></div>${this.#renderControls(strings)}<p class="skeleton sum"><span data-text=${total}></span></p><div class="skeleton plot"></div><div class="legend"></div>${this.#renderProjectionKey(strings)}<div class="notes"></div>`;
  }

  #renderSummary(strings: OnDemandSummaryStrings, loaded: LoadedSummary): TemplateResult {
    const locale = this.currentLocale();
    const { summary, window, event } = loaded;
    const { phase } = daysRemaining(event, this.currentTime());
    const upcoming = phase === 'upcoming';
    const notes: string[] = [];
    if (loaded.misfit) notes.push(strings.rangeMisfit);
    if (!upcoming && summary.reportedThrough < loaded.range.to) notes.push(fillMessage(strings.reportedThrough, { date: formatDay(summary.reportedThrough, locale, DAY_MONTH) }));
    if (phase === 'closed') notes.push(fillMessage(strings.closed, { date: formatDay(window.lastDay, locale, LONG_DATE) }));
    // What the chart would draw nothing honest with: say it instead.
    const empty = upcoming
      ? fillMessage(strings.upcoming, { date: new Intl.DateTimeFormat(locale, { ...LONG_DATE, hour: 'numeric', minute: '2-digit', timeZone: event.timeZone, timeZoneName: 'short' }).format(new Date(event.endsAt)) })
      : summary.days.every((day) => day.visitors === null)
        ? strings.nothingReported
        : summary.totalVisitors + summary.totalRewatchers === 0
          ? strings.noViews
          : undefined;
    const sum = summary.days.reduce((total, day) => total + (day.visitors ?? 0), 0);
    if (empty === undefined && sum > summary.totalVisitors) notes.push(fillMessage(strings.barsAddUp, { sum: formatNumber(sum, locale) }));
    if (summary.diagnostics.length > 0) notes.push(plural(summary.diagnostics.length, locale, strings.skippedRecords));
    return html`
      <p class="muted name" title=${event.name}>${event.name}</p>
      ${this.#renderControls(strings, loaded)}
      <p class="total">
        ${upcoming
          ? html`<span part="value" class="value">${fillMessage(strings.opensTotal, { date: formatDay(window.firstDay, locale, DAY_MONTH) })}</span>`
          : html`<span part="value" class="value">${plural(summary.totalVisitors, locale, strings.totalVisitors)}</span>
              ${this.showRewatches ? html`<span class="muted"> · ${plural(summary.totalRewatchers, locale, strings.totalRewatchers)}</span>` : ''}`}
      </p>
      ${empty !== undefined
        ? html`<p class="empty">${empty}</p><div class="legend"></div>${this.#renderProjectionKey(strings)}`
        : this.showTable
          ? this.#renderTable(strings, loaded)
          : this.#renderChart(strings, loaded)}
      <p class="note muted">${notes.join(' ')}</p>
    `;
  }

  /** The controls; without `loaded`, the skeleton's invisible copy (it only takes their room; its buttons are disabled). */
  #renderControls(strings: OnDemandSummaryStrings, loaded?: LoadedSummary): TemplateResult {
    const locale = this.currentLocale();
    const choice = loaded?.misfit ? 'window' : this.from || this.to ? 'day' : this.days !== undefined ? 'last-days' : 'window';
    const day = loaded?.range.from ?? this.from;
    const problem = this.dayProblem;
    // Before the event there is nothing to choose, show or download yet: the controls keep their place, disabled.
    const idle = !loaded || daysRemaining(loaded.event, this.currentTime()).phase === 'upcoming';
    return html`
      <div part="controls" class="controls">
        <label>${strings.range}
          <select ?disabled=${loaded !== undefined && idle} @change=${(event: Event) => this.#chooseRange((event.target as HTMLSelectElement).value, loaded as LoadedSummary)}>
            <option value="window" ?selected=${choice === 'window'}>${strings.rangeWindow}</option>
            <option value="last-days" ?selected=${choice === 'last-days'}>${strings.rangeLastDays}</option>
            <option value="day" ?selected=${choice === 'day'}>${strings.rangeDay}</option>
          </select>
        </label>
        ${choice === 'day'
          ? html`<label>${strings.day}
                <input type="date" min=${loaded?.window.firstDay} max=${loaded?.window.lastDay} .value=${day ?? ''}
                  aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${loaded ? 'day-text' : nothing}
                  @change=${(event: Event) => this.#chooseDay((event.target as HTMLInputElement).value, strings, loaded as LoadedSummary)} />
              </label>
              <span id=${loaded ? 'day-text' : nothing} class=${problem ? 'problem' : 'muted'} aria-live="polite">${problem ?? (day && isCalendarDay(day) ? formatDay(day, locale, FULL_DATE) : '')}</span>`
          : ''}
        <label><input type="checkbox" ?disabled=${loaded !== undefined && idle} .checked=${this.showRewatches} @change=${(event: Event) => (this.showRewatches = (event.target as HTMLInputElement).checked)} />${strings.showRewatches}</label>
        <span class="actions">
          <button type="button" ?disabled=${idle} aria-pressed=${this.showTable ? 'true' : 'false'} @click=${() => (this.showTable = !this.showTable)}>
            ${this.showTable ? strings.showChart : strings.showTable}
          </button>
          <button type="button" ?disabled=${idle} @click=${() => this.#downloadCsv(strings, loaded as LoadedSummary)}>
            ${strings.downloadCsv}
          </button>
        </span>
      </div>
    `;
  }

  #chooseRange(choice: string, loaded: LoadedSummary): void {
    if (choice === 'day') {
      // "One day" starts on the last reported day (today is not reported yet).
      const { from } = reportedSummaryRange(loaded.window, { kind: 'day' }, loaded.today, loaded.summary.reportedThrough);
      this.#showRange({ from, to: from, days: undefined });
    } else this.#showRange({ from: undefined, to: undefined, days: choice === 'last-days' ? LAST_DAYS : undefined });
  }

  /** A day typed or picked: taken inside the window, refused at the field otherwise (a date field holds odd days while a year is typed). */
  #chooseDay(day: string, strings: OnDemandSummaryStrings, loaded: LoadedSummary): void {
    if (!day) return;
    const locale = this.currentLocale();
    const { firstDay, lastDay } = loaded.window;
    this.dayProblem =
      day < firstDay || day > lastDay ? fillMessage(strings.dayOutside, { from: formatDay(firstDay, locale, DAY_MONTH), to: formatDay(lastDay, locale, LONG_DATE) }) : undefined;
    if (this.dayProblem === undefined) this.#showRange({ from: day, to: day, days: undefined });
  }

  /** The reader's choice: set it and tell the page. */
  #showRange(range: RangeChangeDetail): void {
    // The reader's own control: keep it (and its focus) on screen while the new range loads.
    this.refreshInPlace();
    this.from = range.from;
    this.to = range.to;
    this.days = range.days;
    emit(this, 'odw-range-change', range);
  }

  #chartDays(days: readonly DailyVisitors[], projection: OnDemandProjection | null | undefined): ChartDay[] {
    const projected = new Map(projection?.days.map((day) => [day.day, day]));
    return days.map((day) => ({ day: day.day, primary: day.visitors, secondary: day.rewatchers, projected: day.visitors === null ? projected.get(day.day) : undefined }));
  }

  /**
   * The legend's line for the projection, over an invisible copy of itself (`data-text`): the
   * same room in the skeleton, while it loads and when there is none, so its arrival moves nothing.
   */
  #renderProjectionKey(strings: OnDemandSummaryStrings, projection?: OnDemandProjection | null): TemplateResult | string {
    if (this.noProjection) return '';
    return html`<div class="projection-key" aria-hidden="true">
      <span class="size"><span class="swatch"></span><span data-text=${this.#projectionKeyText(strings)}></span></span>
      ${projection ? html`<span><span class="swatch projected"></span>${this.#projectionKeyText(strings, projection.level)}</span>` : ''}
    </div>`;
  }

  #projectionKeyText(strings: OnDemandSummaryStrings, level = 0.8): string {
    return fillMessage(strings.projectionKey, { level: formatNumber(level * 100, this.currentLocale()) });
  }

  /** A projected day as the tooltip and the table say it: "not reported yet; projection: 3 first-time visitors (1–5)". */
  #projectedText(strings: OnDemandSummaryStrings, projected: ProjectedValue): string {
    const locale = this.currentLocale();
    return fillMessage(strings.projectedDay, {
      visitors: plural(projected.expected, locale, strings.projectedVisitorCount),
      low: formatNumber(projected.low, locale),
      high: formatNumber(projected.high, locale),
    });
  }

  #chartSummary(strings: OnDemandSummaryStrings, loaded: LoadedSummary): string {
    const locale = this.currentLocale();
    const peak = Math.max(0, ...loaded.summary.days.map((day) => day.visitors ?? 0));
    if (peak === 0) return strings.chartEmptySummary;
    // Every busiest day: several can tie.
    const peakDays = loaded.summary.days.filter((day) => day.visitors === peak).map((day) => formatDay(day.day, locale));
    return fillMessage(strings.chartSummary, {
      from: formatDay(loaded.range.from, locale),
      to: formatDay(loaded.range.to, locale),
      total: formatNumber(loaded.summary.totalVisitors, locale),
      busiest: fillMessage(plural(peakDays.length, locale, strings.busiest), { days: new Intl.ListFormat(locale).format(peakDays), peak: formatNumber(peak, locale) }),
    });
  }

  #tooltip(strings: OnDemandSummaryStrings, day: ChartDay): string {
    const locale = this.currentLocale();
    const label = formatDay(day.day, locale, ROW_DAY);
    if (day.primary === null) return `${label}: ${day.projected ? this.#projectedText(strings, day.projected) : strings.notReported}`;
    return fillMessage(this.showRewatches ? strings.tooltipRewatch : strings.tooltip, {
      day: label,
      visitors: plural(day.primary, locale, strings.visitorCount),
      rewatchers: plural(day.secondary ?? 0, locale, strings.rewatchCount),
    });
  }

  #renderChart(strings: OnDemandSummaryStrings, loaded: LoadedSummary): TemplateResult {
    const locale = this.currentLocale();
    const days = this.#chartDays(loaded.summary.days, loaded.projection);
    const projected = days.some((day) => day.projected);
    // The width of the chart's own box (the skeleton's plot beneath it has it), so the drawing is never scaled down.
    const width = Math.max(240, this.renderRoot.querySelector?.('.plot')?.clientWidth || this.#size.width || 600);
    const height = CHART_HEIGHT;
    const layout = barChartLayout(days, { width, height, showSecondary: this.showRewatches });
    const focused = this.focusedIndex === null ? undefined : days[this.focusedIndex];
    // The legend is not read out: the projection's key joins the chart's description.
    const summaryText = `${this.#chartSummary(strings, loaded)}${projected ? ` ${this.#projectionKeyText(strings, loaded.projection?.level)}.` : ''}`;
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
        ${days.some((day) => day.primary === null && !day.projected) ? html`<span><span class="swatch unreported"></span>${strings.notReported}</span>` : ''}
      </div>
      ${this.#renderProjectionKey(strings, projected ? loaded.projection : undefined)}
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
    const projected = new Map(loaded.projection?.days.map((day) => [day.day, day]));
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
                  ${day.visitors === null
                    ? this.#unreportedCell(strings, projected.get(day.day))
                    : html`<td>${formatNumber(day.visitors, locale)}</td>
                        ${this.showRewatches ? html`<td>${formatNumber(day.rewatchers ?? 0, locale)}</td>` : ''}
                        <td>${formatMinutes(day.minutes ?? 0, locale)}</td>`}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  /** A day not reported yet: one cell for the whole row (narrow columns on a phone), with its projection, marked as one, if any. */
  #unreportedCell(strings: OnDemandSummaryStrings, projected: ProjectedValue | undefined): TemplateResult {
    return html`<td colspan=${this.showRewatches ? 3 : 2} class=${projected ? 'projected' : ''}>${projected ? this.#projectedText(strings, projected) : strings.notReported}</td>`;
  }

  #downloadCsv(strings: OnDemandSummaryStrings, loaded: LoadedSummary): void {
    const { event, range, summary } = loaded;
    // The reader's spreadsheet: its separators, and a byte-order mark so it reads UTF-8.
    const csv = toCsv(
      summary.days,
      [
        { header: strings.columnDay, value: 'day' },
        { header: strings.columnVisitors, value: 'visitors' },
        { header: strings.columnRewatchers, value: 'rewatchers' },
        { header: strings.columnMinutes, value: 'minutes' },
      ],
      csvFormatOf(this.currentLocale()),
    );
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fillMessage(strings.csvFileName, {
      // Characters no file system takes become spaces.
      event: event.name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim().slice(0, 80),
      from: range.from,
      to: range.to,
      reportedThrough: summary.reportedThrough,
    });
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
