import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AudiencePage } from '../../adapters/adapter.ts';
import type { EventDataSource } from '../../data/event-data-source.ts';
import { asAdapterError } from '../../data/data-errors.ts';
import { audiencePageFrom } from '../../data/questions.ts';
import {
  calendarDayOf,
  csvFormatOf,
  daysRemaining,
  maskEmail,
  onDemandWindow,
  toCsv,
  type AttendanceCriteria,
  type AudienceMember,
  type AudienceSort,
  type AudienceSortKey,
  type CsvColumn,
  type WebinarEvent,
} from '../../core/index.ts';
import { DataElement } from '../data-element.ts';
import { defineElement } from '../define.ts';
import { emit } from '../emit.ts';
import { fillMessage, formatDay, formatNumber, pickStrings, plural } from '../../i18n/locale.ts';
import { reserveStyles } from '../../styles/reserve.styles.ts';
import { cardStyles, tokenStyles } from '../../styles/tokens.styles.ts';
import { audienceListStyles } from './audience-list.styles.ts';
import { audienceListStrings, type AudienceListStrings } from './audience-list.strings.ts';

/** Detail of `odw-sort-change`. */
export interface SortChangeDetail {
  eventId: string;
  sort: AudienceSort;
}

declare module '../emit.ts' {
  interface OdwEventMap {
    'odw-sort-change': SortChangeDetail;
  }
}

/** The list as shown: one page of it, where it starts, and how to get back. */
interface ShownList {
  event: WebinarEvent;
  criteria: AttendanceCriteria;
  now: Date;
  sort: AudienceSort;
  page: AudiencePage;
  /** 0-based position of the page's first person. */
  start: number;
  /** The cursor of each page before this one, and of this one (`undefined` for the first). */
  cursors: (string | undefined)[];
}

/** Criteria when none are given: everyone who attended, live or on demand. */
const EVERYONE_WHO_ATTENDED: AttendanceCriteria = { version: 1, kind: 'has-attended' };
/** The most people per request (the REST contract's `limit`). */
const MAX_LIMIT = 1000;

/** The table's columns: the sort key, the header's string, and whether it holds numbers. */
const COLUMNS: readonly { key: AudienceSortKey; label: keyof AudienceListStrings; number?: true }[] = [
  { key: 'name', label: 'columnName' },
  { key: 'email', label: 'columnEmail' },
  { key: 'status', label: 'columnStatus' },
  { key: 'firstWatched', label: 'columnFirstWatched' },
  { key: 'lastWatched', label: 'columnLastWatched' },
  { key: 'onDemandMinutes', label: 'columnMinutes', number: true },
  { key: 'onDemandViews', label: 'columnViews', number: true },
  { key: 'leadId', label: 'columnLeadId' },
];

/** Columns whose first click sorts the largest (most watched, most recent) first. */
const DESCENDING_FIRST = new Set<AudienceSortKey>(['onDemandMinutes', 'onDemandViews', 'lastWatched']);

/** Criteria from the attribute: JSON, or the text itself when it is not JSON (then refused as invalid). */
function criteriaFromAttribute(text: string | null): AttendanceCriteria | string | undefined {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as AttendanceCriteria;
  } catch {
    return text;
  }
}

/** Minutes for people and spreadsheets: at most two decimals. */
const roundMinutes = (minutes: number): number => Math.round(minutes * 100) / 100;

/**
 * @tag odw-audience-list
 * @summary Who watched: the people an audience's criteria select, as an accessible, sortable
 * table — name, e-mail, status, first and last day watched, on-demand minutes and views — with
 * the total, paging, and a CSV download of every matching person.
 *
 * Works inside `<odw-data-provider>` or standalone with `adapter` + `event-id`. Uses the
 * adapter's `listAudience` push-down when it has one (lead-level data then stays on the backend
 * except for the rows shown), `core.audienceMembers` on the shared analysis otherwise. Pages of
 * `page-size` people keep it smooth at any size; the CSV walks every page (progress, cancel).
 *
 * @event odw-sort-change - When the user sorts by a column. Detail: `{ eventId, sort: { by, direction } }`.
 *
 * @slot - Nothing: the element renders its own content.
 *
 * @csspart base - The card.
 * @csspart title - The heading.
 * @csspart toolbar - The total, notes and CSV controls.
 * @csspart total - The number of people.
 * @csspart table - The table's scrolling box.
 * @csspart pager - The range shown and the Previous / Next buttons.
 * @csspart export - The CSV download button, or its progress and Cancel while it runs.
 * @csspart error - The error message and retry button.
 * @csspart retry - The retry button.
 *
 * @cssproperty --odw-audience-list-height - Height of the table's scrolling box (default 28rem).
 * @cssproperty --odw-color-surface - Card background.
 * @cssproperty --odw-color-surface-raised - Header and hovered row background.
 * @cssproperty --odw-color-text - Text color.
 * @cssproperty --odw-color-text-muted - Secondary text color.
 * @cssproperty --odw-color-border - Card and grid lines.
 * @cssproperty --odw-color-accent - The sorted column, progress.
 * @cssproperty --odw-color-danger - Error text.
 * @cssproperty --odw-color-focus - Focus ring.
 * @cssproperty --odw-font-family - Font.
 * @cssproperty --odw-font-size - Base font size.
 * @cssproperty --odw-radius - Corner radius.
 * @cssproperty --odw-spacing - Base spacing.
 *
 * @example
 * ```html
 * <odw-audience-list event-id="evt-42" mask-emails
 *   criteria='{"version":1,"kind":"has-attended","eventMode":"on-demand"}'></odw-audience-list>
 * <script type="module">
 *   import 'on-demand-webinar-widgets/audience-list';
 *   document.querySelector('odw-audience-list').adapter = myAdapter;
 * </script>
 * ```
 */
export class OdwAudienceList extends DataElement<ShownList> {
  static override styles = [tokenStyles, cardStyles, reserveStyles, audienceListStyles];

  protected readonly catalog = audienceListStrings;

  /**
   * The audience: criteria as an object, or as JSON text (attribute `criteria`). Unset: everyone
   * who attended (live or on demand). Invalid criteria show an error.
   */
  @property({ attribute: 'criteria', converter: { fromAttribute: criteriaFromAttribute } })
  criteria: AttendanceCriteria | string | undefined;

  /** The order; the user changes it with the column headers (`odw-sort-change`). */
  @property({ attribute: false }) sort: AudienceSort = { by: 'name', direction: 'ascending' };

  /** People per page, 1 … 1000. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** Show e-mail addresses as `a•••@example.com`, in the table and in the CSV. */
  @property({ type: Boolean, attribute: 'mask-emails', reflect: true }) maskEmails = false;

  /** Overrides for any built-in text. */
  @property({ attribute: false }) strings: Partial<AudienceListStrings> | undefined;

  /** The page shown after the user paged or sorted; the load's own result until then. */
  @state() private shown: ShownList | undefined;
  @state() private paging = false;
  @state() private pageError: string | undefined;
  @state() private exporting: { done: number; total: number } | undefined;
  @state() private exportNote: string | undefined;

  #paging: AbortController | undefined;
  #export: AbortController | undefined;
  /** The sort the list was last loaded or paged with (a new `sort` from outside pages again). */
  #sortShown: AudienceSort | undefined;

  /** The criteria in force. */
  get #criteria(): AttendanceCriteria {
    return (this.criteria ?? EVERYONE_WHO_ATTENDED) as AttendanceCriteria;
  }

  get #limit(): number {
    const size = Math.floor(Number(this.pageSize));
    return Number.isFinite(size) ? Math.min(MAX_LIMIT, Math.max(1, size)) : 50;
  }

  protected override loadArguments(): readonly unknown[] {
    return [typeof this.criteria === 'string' ? this.criteria : JSON.stringify(this.criteria ?? null), this.#limit];
  }

  protected override async load(source: EventDataSource, now: Date, signal: AbortSignal): Promise<ShownList> {
    this.#paging?.abort();
    this.#export?.abort();
    const criteria = this.#criteria;
    const sort = { ...this.sort };
    this.#sortShown = sort;
    // The page does not need the event first: both are asked at once (one round trip, not two).
    const [event, page] = await Promise.all([source.event(signal), audiencePageFrom(source, { criteria, now, limit: this.#limit, sort }, signal)]);
    this.followClock(event);
    return { event, criteria, now, sort, page, start: 0, cursors: [undefined] };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#paging?.abort();
    this.#export?.abort();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A sort set from outside: page again from the start, keeping the table up meanwhile.
    const list = this.#list();
    if (changed.has('sort') && list !== undefined && this.#sortShown !== undefined && !sameSort(this.sort, this.#sortShown)) {
      void this.#go(list, { sort: { ...this.sort }, cursor: undefined, start: 0, cursors: [undefined] });
    }
  }

  /** The load's result that `shown` and `pageError` belong to: a new load makes them stale. */
  #base: ShownList | undefined;

  /** The list shown: after paging or sorting, else the load's. */
  #list(): ShownList | undefined {
    const loaded = this.task.status === 'complete' ? this.task.value : undefined;
    return loaded !== undefined && this.#base === loaded && this.shown !== undefined ? this.shown : loaded;
  }

  /** Loads another page (or the first in another order) while the current one stays up. */
  async #go(from: ShownList, to: { sort: AudienceSort; cursor: string | undefined; start: number; cursors: (string | undefined)[] }): Promise<void> {
    const source = this.source;
    if (source === undefined) return;
    this.#paging?.abort();
    const controller = (this.#paging = new AbortController());
    const base = this.task.value;
    this.#sortShown = to.sort;
    this.paging = true;
    this.pageError = undefined;
    try {
      const page = await audiencePageFrom(source, { criteria: from.criteria, now: from.now, limit: this.#limit, sort: to.sort, cursor: to.cursor }, controller.signal);
      if (controller.signal.aborted || this.task.value !== base) return;
      this.#base = base;
      this.shown = { ...from, sort: to.sort, page, start: to.start, cursors: to.cursors };
      this.renderRoot.querySelector('.scroller')?.scrollTo({ top: 0 });
    } catch (error) {
      if (controller.signal.aborted || this.task.value !== base) return;
      this.#base = base;
      this.pageError = asAdapterError(error).message;
      this.#retryPage = () => void this.#go(from, to);
    } finally {
      if (this.#paging === controller) {
        this.paging = false;
        this.#paging = undefined;
      }
    }
  }

  #retryPage: (() => void) | undefined;

  #sortBy(list: ShownList, by: AudienceSortKey): void {
    const direction = list.sort.by === by ? (list.sort.direction === 'ascending' ? 'descending' : 'ascending') : DESCENDING_FIRST.has(by) ? 'descending' : 'ascending';
    const sort: AudienceSort = { by, direction };
    this.sort = sort;
    this.#sortShown = sort;
    emit(this, 'odw-sort-change', { eventId: list.event.id, sort: { ...sort } });
    void this.#go(list, { sort, cursor: undefined, start: 0, cursors: [undefined] });
  }

  #next(list: ShownList): void {
    const cursor = list.page.nextCursor;
    if (cursor === null) return;
    void this.#go(list, { sort: list.sort, cursor, start: list.start + list.page.members.length, cursors: [...list.cursors, cursor] });
  }

  #previous(list: ShownList): void {
    if (list.cursors.length < 2) return;
    const cursors = list.cursors.slice(0, -1);
    void this.#go(list, { sort: list.sort, cursor: cursors.at(-1), start: Math.max(0, list.start - this.#limit), cursors });
  }

  protected override render(): TemplateResult {
    const strings = pickStrings(audienceListStrings, this.currentLocale(), this.strings);
    return this.renderCard({
      strings,
      skeleton: html`
        <div class="skeleton bar"></div>
        <div class="skeleton table">
          ${Array.from({ length: Math.min(this.#limit, 12) + 1 }, () => html`<div class="skeleton row"></div>`)}
        </div>
        <div class="pager"></div>`,
      loaded: () => this.#renderList(strings, this.#list() as ShownList),
    });
  }

  #renderList(strings: AudienceListStrings, list: ShownList): TemplateResult {
    const locale = this.currentLocale();
    const { page } = list;
    const reportedThrough = page.reportedThrough;
    // Before the event ends nothing has been watched: a "reported through" day then means nothing.
    const upcoming = daysRemaining(list.event, list.now).phase === 'upcoming';
    const partial = !upcoming && reportedThrough !== undefined && reportedThrough < onDemandWindow(list.event).lastDay;
    const empty = upcoming
      ? fillMessage(strings.emptyUpcoming, { date: formatDay(calendarDayOf(new Date(list.event.startsAt), list.event.timeZone), locale, { day: 'numeric', month: 'long', year: 'numeric' }) })
      : strings.empty;
    return html`
      <div part="toolbar" class="toolbar">
        <span part="total" class="total" role="status">${plural(page.total, locale, strings.total)}</span>
        ${partial ? html`<span class="muted notes">${fillMessage(strings.reportedThrough, { date: formatDay(reportedThrough, locale, { day: 'numeric', month: 'long' }) })}</span>` : nothing}
        <span class="spacer"></span>
        ${this.#renderExport(strings, list)}
      </div>
      ${this.pageError === undefined || this.#base !== this.task.value
        ? nothing
        : html`<div part="error" class="error" role="alert">
            <span>${strings.pageError} ${this.pageError}</span>
            <button part="retry" type="button" @click=${() => this.#retryPage?.()}>${strings.retry}</button>
          </div>`}
      ${page.total === 0 ? html`<p class="muted empty">${empty}</p><div class="pager"></div>` : this.#renderTable(strings, list)}
    `;
  }

  #renderExport(strings: AudienceListStrings, list: ShownList): TemplateResult {
    const locale = this.currentLocale();
    if (this.exporting !== undefined) {
      const { done, total } = this.exporting;
      const text = fillMessage(strings.exportProgress, { done: formatNumber(done, locale), total: formatNumber(total, locale) });
      return html`<span part="export" class="export">
        <span class="muted">${strings.exporting}</span>
        <progress max=${Math.max(1, total)} .value=${done} aria-label=${strings.exporting} aria-valuetext=${text}></progress>
        <span class="muted" aria-hidden="true">${text}</span>
        <button type="button" @click=${() => this.#export?.abort()}>${strings.cancel}</button>
      </span>`;
    }
    return html`<span part="export" class="export">
      ${this.exportNote === undefined ? nothing : html`<span class="muted notes" role="status">${this.exportNote}</span>`}
      <button type="button" ?disabled=${list.page.total === 0} @click=${() => void this.downloadCsv()}>${strings.downloadCsv}</button>
    </span>`;
  }

  #renderTable(strings: AudienceListStrings, list: ShownList): TemplateResult {
    const locale = this.currentLocale();
    const { sort, page, start } = list;
    const label = (column: (typeof COLUMNS)[number]) => strings[column.label] as string;
    const sorted = COLUMNS.find((column) => column.key === sort.by) ?? COLUMNS[0]!;
    const day = (value: string | null) => (value === null ? html`<span class="muted">–</span>` : formatDay(value, locale, { day: 'numeric', month: 'short', year: 'numeric' }));
    const email = (value: string | undefined) => (value === undefined ? html`<span class="muted">–</span>` : this.maskEmails ? maskEmail(value) : value);
    const end = start + page.members.length;
    return html`
      <div part="table" class="scroller" tabindex="0" role="region" aria-labelledby="caption">
        <table aria-busy=${this.paging ? 'true' : 'false'}>
          <caption id="caption" class="visually-hidden">
            ${fillMessage(strings.caption, { sort: label(sorted), direction: sort.direction === 'ascending' ? strings.ascending : strings.descending })}
          </caption>
          <thead>
            <tr>
              ${COLUMNS.map((column) => {
                const active = column.key === sort.by;
                return html`<th scope="col" class=${column.number ? 'number' : ''} aria-sort=${active ? sort.direction : nothing}>
                  <button type="button" data-sort=${column.key} @click=${() => this.#sortBy(list, column.key)}>
                    ${label(column)}<span class="arrow" aria-hidden="true">${active ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}</span>
                  </button>
                </th>`;
              })}
            </tr>
          </thead>
          <tbody>
            ${page.members.map(
              (member) => html`<tr>
                <th scope="row">${member.name ?? html`<span class="muted">${strings.notCaptured}</span>`}</th>
                <td>${email(member.email)}</td>
                <td>${strings.statusNames[member.status]}</td>
                <td>${day(member.firstWatched)}</td>
                <td>${day(member.lastWatched)}</td>
                <td class="number">${formatNumber(roundMinutes(member.onDemandMinutes), locale, member.onDemandMinutes % 1 === 0 ? 0 : 1)}</td>
                <td class="number">${formatNumber(member.onDemandViews, locale)}</td>
                <td>${member.leadId}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <nav part="pager" class="pager" aria-label=${strings.pages}>
        <span class="range">${fillMessage(strings.range, { from: formatNumber(start + 1, locale), to: formatNumber(end, locale), total: formatNumber(page.total, locale) })}</span>
        ${this.#pagerButton('previous', strings.previous, this.paging || list.cursors.length < 2, () => this.#previous(list))}
        ${this.#pagerButton('next', strings.next, this.paging || page.nextCursor === null, () => this.#next(list))}
      </nav>
    `;
  }

  /**
   * Previous / Next. Unavailable (while a page loads, or at either end) it stays focusable
   * (`aria-disabled`, clicks ignored): a keyboard user who pressed Next keeps the focus there,
   * where a `disabled` button would drop it to the page.
   */
  #pagerButton(which: 'previous' | 'next', label: string, unavailable: boolean, go: () => void): TemplateResult {
    return html`<button type="button" data-page=${which} aria-disabled=${unavailable ? 'true' : 'false'} @click=${() => (unavailable ? undefined : go())}>${label}</button>`;
  }

  /** Where the focus goes when the CSV controls swap (Download ⇄ progress and Cancel), if it was on them. */
  async #keepExportFocus(wasOnExport: boolean): Promise<void> {
    if (!wasOnExport) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part="export"] button')?.focus();
  }

  #exportHasFocus(): boolean {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    return active !== null && active.closest('[part="export"]') !== null;
  }

  /**
   * The CSV of every person the criteria select, in the table's order, read page by page (1 000
   * people per request) with progress; `cancel()` through the Cancel button. Resolves with the
   * CSV text (also offered as a download), or `undefined` when cancelled or failed.
   */
  async downloadCsv(options: { save?: boolean } = {}): Promise<string | undefined> {
    const list = this.#list();
    const source = this.source;
    if (list === undefined || source === undefined || this.exporting !== undefined) return undefined;
    const strings = pickStrings(audienceListStrings, this.currentLocale(), this.strings);
    const controller = (this.#export = new AbortController());
    this.exportNote = undefined;
    this.exporting = { done: 0, total: list.page.total };
    // A keyboard user who pressed Download goes on to Cancel, and back to Download when it ends.
    let focusWasOnExport = this.#exportHasFocus();
    void this.#keepExportFocus(focusWasOnExport);
    const members: AudienceMember[] = [];
    try {
      let cursor: string | undefined;
      let reportedThrough = list.page.reportedThrough;
      for (;;) {
        const page = await audiencePageFrom(source, { criteria: list.criteria, now: list.now, limit: MAX_LIMIT, sort: list.sort, cursor }, controller.signal);
        for (const member of page.members) members.push(member);
        reportedThrough ??= page.reportedThrough;
        this.exporting = { done: members.length, total: page.total };
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
        // Let the progress paint between pages.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (controller.signal.aborted) throw controller.signal.reason;
      }
      const csv = audienceCsv(members, strings, this.currentLocale(), this.maskEmails);
      if (options.save !== false) saveCsv(csv, fillMessage(strings.csvFileName, { event: fileNamePart(list.event.name), reportedThrough: reportedThrough ?? '' }));
      return csv;
    } catch (error) {
      this.exportNote = controller.signal.aborted ? strings.exportCancelled : `${strings.exportFailed} ${asAdapterError(error).message}`;
      return undefined;
    } finally {
      focusWasOnExport = this.#exportHasFocus() || (focusWasOnExport && (this.renderRoot as ShadowRoot).activeElement === null);
      this.exporting = undefined;
      if (this.#export === controller) this.#export = undefined;
      void this.#keepExportFocus(focusWasOnExport);
    }
  }

  /** Stops a CSV download under way. */
  cancelCsv(): void {
    this.#export?.abort();
  }
}

function sameSort(a: AudienceSort, b: AudienceSort): boolean {
  return a.by === b.by && a.direction === b.direction;
}

/** Characters no file system takes become spaces. */
function fileNamePart(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 80);
}

/**
 * The people as CSV for the reader's spreadsheet (its separators, via `csvFormatOf`), formula-safe
 * (`toCsv`), e-mails masked when asked; days as `YYYY-MM-DD`, minutes with at most two decimals.
 */
export function audienceCsv(members: readonly AudienceMember[], strings: AudienceListStrings, locale: string, maskEmails: boolean): string {
  const columns: CsvColumn<AudienceMember>[] = [
    { header: strings.columnLeadId, value: 'leadId' },
    { header: strings.columnName, value: 'name' },
    { header: strings.columnEmail, value: (member) => (member.email === undefined ? undefined : maskEmails ? maskEmail(member.email) : member.email) },
    { header: strings.columnStatus, value: (member) => strings.statusNames[member.status] },
    { header: strings.columnLiveMinutes, value: 'liveMinutes' },
    { header: strings.columnFirstWatched, value: 'firstWatched' },
    { header: strings.columnLastWatched, value: 'lastWatched' },
    { header: strings.columnMinutes, value: (member) => roundMinutes(member.onDemandMinutes) },
    { header: strings.columnViews, value: 'onDemandViews' },
  ];
  return toCsv(members, columns, csvFormatOf(locale));
}

function saveCsv(csv: string, fileName: string): void {
  // A byte-order mark so spreadsheets read UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

defineElement('odw-audience-list', OdwAudienceList);

declare global {
  interface HTMLElementTagNameMap {
    'odw-audience-list': OdwAudienceList;
  }
  interface HTMLElementEventMap {
    'odw-sort-change': CustomEvent<SortChangeDetail>;
  }
}
