/*
 * The in-memory adapter: the embedded default for the demo, stories and tests. It behaves
 * like a remote backend would — optional latency, abort honoured at any point, not-found for
 * unknown ids, copies out so nobody can change its data — and computes its push-down
 * aggregates with core, so they are by construction what the widgets would compute.
 */
import {
  audienceMembers,
  dailyOnDemandVisitors,
  InvalidInputError,
  onDemandStatistics,
  programFunnel,
  projectOnDemandVisitors,
  selectAudience,
  sortAudienceMembers,
  type Attendance,
  type AudienceMember,
  type WebinarEvent,
} from '../core/index.ts';
import { sleep, throwIfAborted } from './abort.ts';
import { AdapterError, type DataAdapter, type RequestOptions } from './adapter.ts';
import { pushDownChoice, type PushDownOption } from './push-down.ts';
import { inSlices } from './slices.ts';
import { audiencePageOf, parseAudienceMembersBody } from '../contract/audience.ts';

/** One event and its attendance, as a backend would hold them. */
export interface WebinarData {
  event: WebinarEvent;
  attendance: Attendance;
}

export interface MemoryAdapterOptions {
  events: readonly WebinarData[];
  /** Wait this long before every answer (abortable), to show loading states. Default 0. */
  latencyMs?: number;
  /**
   * Offer the push-down aggregates (computed with core on every call). Off by default: the data
   * provider analyzes the attendance once and shares it, which is cheaper for data already in memory.
   */
  pushDown?: PushDownOption;
}

/**
 * Records are flat, so a shallow copy of each one is a full copy (a non-object bad record is
 * copied as is). In steps, so a million views are copied in slices (`inSlices`), not in one
 * long task.
 */
function* copiedRecords<T>(records: readonly T[], stepSize = 20_000): Generator<void, T[], void> {
  // Not an array (data held in a bad shape): handed on as it is, for core to say what is wrong.
  if (!Array.isArray(records)) return records as T[];
  const copies: T[] = [];
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as T;
    copies.push(typeof record === 'object' && record !== null ? { ...record } : record);
    if ((index + 1) % stepSize === 0) yield;
  }
  return copies;
}

/**
 * Core's input errors by their origin: the caller's range/criteria/clock → invalid-request; the
 * held data, which plays the backend's answer here → invalid-response. (InvalidCriteriaError is
 * an InvalidInputError of origin `request`.)
 */
function fromCore(error: unknown): unknown {
  if (!(error instanceof InvalidInputError)) return error;
  return new AdapterError(error.origin === 'request' ? 'invalid-request' : 'invalid-response', error.message, { cause: error });
}

/**
 * A `DataAdapter` over data held in memory. Keeps a reference to `events` (do not change them
 * afterwards); hands out copies.
 *
 * @example
 * const adapter = createMemoryAdapter({ events: [{ event, attendance }], latencyMs: 300, pushDown: true });
 * await adapter.getStatistics?.(event.id, { now: new Date() });
 */
export function createMemoryAdapter(options: MemoryAdapterOptions): DataAdapter {
  const byId = new Map<string, WebinarData>();
  for (const data of options.events) {
    if (byId.has(data.event.id)) throw new TypeError(`createMemoryAdapter: two events have the id "${data.event.id}".`);
    byId.set(data.event.id, data);
  }
  const offered = pushDownChoice(options.pushDown);
  /** The last sorted list of each event, so paging through it computes it once. */
  const lists = new WeakMap<WebinarData, { key: string; sorted: AudienceMember[] }>();

  /** Waits the latency, then answers from the event's data; every failure is an AdapterError. */
  async function answer<T>(eventId: string, signal: AbortSignal | undefined, compute: (data: WebinarData) => T): Promise<T> {
    throwIfAborted(signal);
    if (options.latencyMs) await sleep(options.latencyMs, signal);
    const data = byId.get(eventId);
    if (data === undefined) throw new AdapterError('not-found', `Event "${eventId}" was not found.`, { status: 404 });
    try {
      return compute(data);
    } catch (error) {
      throw fromCore(error);
    }
  }

  const adapter: DataAdapter = {
    getEvent: (eventId, { signal }: RequestOptions = {}) => answer(eventId, signal, ({ event }) => ({ ...event })),
    getAttendance: async (eventId, { signal }: RequestOptions = {}) => {
      const { attendance } = await answer(eventId, signal, (data) => data);
      return {
        registrants: await inSlices(copiedRecords(attendance.registrants), signal),
        views: await inSlices(copiedRecords(attendance.views), signal),
        reportedThrough: attendance.reportedThrough,
      };
    },
  };
  if (offered.summary) {
    adapter.getDailySummary = (eventId, range, { signal }: RequestOptions = {}) =>
      answer(eventId, signal, ({ event, attendance }) => dailyOnDemandVisitors(event, attendance, range));
  }
  if (offered.statistics) {
    adapter.getStatistics = (eventId, { now, closingThreshold, signal }) =>
      answer(eventId, signal, ({ event, attendance }) =>
        onDemandStatistics(event, attendance, now, closingThreshold === undefined ? {} : { closingThreshold }),
      );
  }
  if (offered.audience) {
    adapter.countAudience = (eventId, criteria, { now, signal }) =>
      answer(eventId, signal, ({ event, attendance }) => selectAudience(event, attendance, criteria, now).length);
  }
  if (offered.members) {
    adapter.listAudience = (eventId, request, { signal }: RequestOptions = {}) =>
      answer(eventId, signal, (data) => {
        const { criteria, now, cursor, limit, sort } = request;
        if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new AdapterError('invalid-request', 'The clock (now) must be a valid Date.');
        // The REST contract's reading of the request, so both adapters refuse the same ones.
        const query = parseAudienceMembersBody({ criteria, cursor, limit, sort });
        if (!query.ok) throw new AdapterError('invalid-request', query.problem.message, { status: query.problem.status });
        const key = JSON.stringify([query.value.criteria, now.getTime(), query.value.sort]);
        let list = lists.get(data);
        if (list?.key !== key) {
          list = { key, sorted: sortAudienceMembers(audienceMembers(data.event, data.attendance, query.value.criteria, now), query.value.sort) };
          lists.set(data, list);
        }
        const page = audiencePageOf(list.sorted, query.value, data.attendance.reportedThrough, eventId);
        if (!page.ok) throw new AdapterError('invalid-request', page.problem.message, { status: page.problem.status });
        // Copies out, as every answer.
        return { ...page.value, members: page.value.members.map((member) => ({ ...member })) };
      });
  }
  if (offered.funnel) {
    // With the day views are reported through, as the REST contract's backends answer.
    adapter.getFunnel = (eventId, { now, signal }) =>
      answer(eventId, signal, ({ event, attendance }) => ({ ...programFunnel(event, attendance, now), reportedThrough: attendance.reportedThrough }));
  }
  if (offered.projection) {
    adapter.getProjection = (eventId, { now, level, signal }) =>
      answer(eventId, signal, ({ event, attendance }) => projectOnDemandVisitors(event, attendance, now, level === undefined ? {} : { level }));
  }
  return adapter;
}
