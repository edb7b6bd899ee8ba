/*
 * The questions widgets ask about an event, and the one place that decides, for each, whether
 * the adapter answers it (a push-down aggregate) or core computes it from the source's shared
 * analysis. Widgets call these, never the adapter. Free functions rather than methods, so a page
 * bundles only the questions its elements ask (the picker does not carry the summary's code).
 * The picker's question, the audience count, is a module of its own (audience-count.ts), not even
 * re-exported here: it loads core's analysis on demand, and a bundler splitting code works with
 * whole modules, so a page with these questions (which use the analysis statically) must not reach
 * that `import()`: the analysis would become a chunk of its own, which costs more than it saves.
 */
import {
  analyzeAttendanceInSteps,
  audienceMembersOf,
  checkDayRange,
  dailyVisitorsOf,
  onDemandWindow,
  registrantContacts,
  sortAudienceMembers,
  statisticsOf,
  type AttendanceAnalysis,
  type AudienceMember,
  type RegistrantContact,
  type DailyOnDemandVisitorsResult,
  type DayRange,
  type OnDemandStatistics,
} from '../core/index.ts';
import { throwIfAborted } from '../adapters/abort.ts';
import { nextTask } from '../adapters/slices.ts';
import { AdapterError, type AudiencePage, type AudienceRequest } from '../adapters/adapter.ts';
import { audiencePageOf, parseAudienceMembersBody } from '../contract/audience.ts';
import { problemPhrase } from '../contract/errors.ts';
import { asAdapterFailure } from './data-errors.ts';
import { registrantRecordsOf, type EventDataSource } from './event-data-source.ts';

/**
 * Unique no-show visitors per day of `range` (the adapter's `getDailySummary` when it has one).
 * Rejects with `AdapterError`.
 *
 * @example
 * const summary = await summaryFrom(eventDataSource(adapter, 'evt-1'), { from: '2026-03-21', to: '2026-03-27' });
 */
export function summaryFrom(source: EventDataSource, range: DayRange | undefined, signal?: AbortSignal): Promise<DailyOnDemandVisitorsResult> {
  return asAdapterFailure(async () => {
    // A range outside the window is the page's mistake, whoever computes: say so before asking.
    const checked = checkDayRange(range, onDemandWindow(await source.event(signal)));
    const { adapter, eventId } = source;
    if (adapter.getDailySummary) return adapter.getDailySummary(eventId, checked, { signal });
    const analysis = await source.analysis(analyzeAttendanceInSteps, signal);
    await breather(signal);
    return { ...dailyVisitorsOf(analysis, checked), diagnostics: analysis.diagnostics };
  });
}

/**
 * Starts what `summaryFrom` will need, before the widget knows its range (that needs the event):
 * the attendance download and analysis when the adapter does not aggregate the summary itself.
 * The event and the attendance then download side by side; a summary alone on a page waited for
 * the event first, one round trip more. Failures are `summaryFrom`'s to report: it joins the same
 * shared request.
 *
 * @example
 * prefetchSummary(source, signal);
 * const event = await source.event(signal);
 */
export function prefetchSummary(source: EventDataSource, signal?: AbortSignal): void {
  if (!source.adapter.getDailySummary) source.analysis(analyzeAttendanceInSteps, signal).catch(() => {});
}

/**
 * Days remaining, visitors to date and average watch time at `now` (the adapter's
 * `getStatistics` when it has one). Rejects with `AdapterError`.
 *
 * @example
 * const statistics = await statisticsFrom(eventDataSource(adapter, 'evt-1'), new Date(), undefined);
 */
export function statisticsFrom(source: EventDataSource, now: Date, closingThreshold: number | undefined, signal?: AbortSignal): Promise<OnDemandStatistics> {
  const { adapter, eventId } = source;
  return asAdapterFailure(async () => {
    if (adapter.getStatistics) return adapter.getStatistics(eventId, { now, closingThreshold, signal });
    const analysis = await source.analysis(analyzeAttendanceInSteps, signal);
    await breather(signal);
    return statisticsOf(analysis, now.getTime(), closingThreshold === undefined ? {} : { closingThreshold });
  });
}


/**
 * Gives the main thread back for a moment (input, paint), then goes on unless aborted. Each
 * widget computing from a shared analysis does so in a task of its own: the analysis settles for
 * all of them at once, and at a million views each computation is tens of milliseconds.
 */
async function breather(signal: AbortSignal | undefined): Promise<void> {
  await nextTask();
  throwIfAborted(signal);
}

/** Names and e-mails of an analysis's registrants, read once, when a list first asks. */
const contactsOf = new WeakMap<AttendanceAnalysis, Map<string, RegistrantContact>>();
/** The last list computed from an analysis (criteria, clock and sort as its key), so paging sorts once. */
const listsOf = new WeakMap<AttendanceAnalysis, { key: string; sorted: AudienceMember[] }>();

/**
 * One page of the people `request.criteria` select at `request.now`, sorted as asked (the
 * adapter's `listAudience` when it has one; else core's `audienceMembersOf` on the shared
 * analysis, cut into pages with the same cursors). Rejects with `AdapterError`.
 *
 * @example
 * const page = await audiencePageFrom(source, { criteria, now: new Date(), limit: 100, sort: { by: 'name', direction: 'ascending' } });
 * const next = page.nextCursor && (await audiencePageFrom(source, { criteria, now, limit: 100, sort, cursor: page.nextCursor }));
 */
export function audiencePageFrom(source: EventDataSource, request: AudienceRequest, signal?: AbortSignal): Promise<AudiencePage> {
  const { adapter, eventId } = source;
  return asAdapterFailure(async () => {
    if (adapter.listAudience) return adapter.listAudience(eventId, request, { signal });
    const { criteria, now, cursor, limit, sort } = request;
    const query = parseAudienceMembersBody({ criteria, cursor, limit, sort });
    if (!query.ok) throw new AdapterError('invalid-request', `This widget is set up wrongly: ${problemPhrase(query.problem)}.`);
    const analysis = await source.analysis(analyzeAttendanceInSteps, signal);
    const time = now.getTime();
    const key = JSON.stringify([query.value.criteria, time, query.value.sort]);
    let list = listsOf.get(analysis);
    if (list?.key !== key) {
      // Three steps, each a task of its own, so 200 000 people never hold the page in one piece.
      let contacts = contactsOf.get(analysis);
      if (contacts === undefined) {
        await breather(signal);
        contactsOf.set(analysis, (contacts = registrantContacts(registrantRecordsOf(analysis)).contacts));
      }
      await breather(signal);
      const members = audienceMembersOf(analysis, query.value.criteria, time, contacts);
      await breather(signal);
      list = { key, sorted: sortAudienceMembers(members, query.value.sort) };
      listsOf.set(analysis, list);
    }
    const page = audiencePageOf(list.sorted, query.value, analysis.reportedThrough, eventId);
    if (!page.ok) throw new AdapterError('invalid-request', page.problem.message);
    return page.value;
  });
}
