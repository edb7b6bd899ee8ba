/*
 * MSW handlers serving the REST contract (docs/openapi.yaml) over the named scenarios. Routes,
 * parameter parsing, error bodies and cursors come from src/contract/, as the reference server's
 * do, so both accept, refuse and page alike. Environment-agnostic (they import only `msw` and
 * the kit's plain modules): use them with `setupServer` in Node tests, `setupWorker` in the
 * browser, Storybook and the demo.
 *
 * The serving clock (`now`) may move, as the demo's does: what is served follows it. Attendance
 * cursors carry the `reportedThrough` snapshot they started from, and a cursor is served from
 * that snapshot, so paging stays consistent even when the clock moves between two pages.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import {
  audienceMembers,
  checkDayRange,
  daysRemaining,
  dailyOnDemandVisitors,
  onDemandStatistics,
  onDemandWindow,
  programFunnel,
  projectOnDemandVisitors,
  selectAudience,
  sortAudienceMembers,
  type Attendance,
  type AudienceMember,
  type CriteriaError,
  type WebinarEvent,
} from '../src/core/index.ts';
import {
  encodeCursor,
  errorBody,
  inputProblem,
  audiencePageOf,
  parseAudienceCountRequest,
  parseAudienceMembersRequest,
  parseCursor,
  parseFunnelQuery,
  parseProjectionQuery,
  parseStatisticsQuery,
  parseSummaryQuery,
  routePattern,
  unknownEventProblem,
  type AttendanceCursor,
  type AttendancePage,
  type AudienceCountPayload,
  type AudienceMembersPayload,
  type FunnelPayload,
  type Problem,
  type ProjectionPayload,
} from '../src/contract/index.ts';
import { REFERENCE_NOW, type GeneratedWebinar } from './generate.ts';
import { buildScenario, isScenarioName } from './scenarios.ts';

export interface RestHandlerOptions {
  /** Where the routes live, e.g. `https://api.example.test` or `/api` (no trailing slash needed). */
  baseUrl: string;
  /** The serving clock; may move. Default: always `scenariosAt`. */
  now?: () => Date;
  /** The clock the scenarios are built around. Default `REFERENCE_NOW`. */
  scenariosAt?: Date;
  /** Registrants + views per attendance page. Default 5 000. */
  pageSize?: number;
  /** More events to serve beside the scenarios (ids must differ from the scenario names). */
  events?: readonly GeneratedWebinar[];
}

/** A contract problem (`src/contract/`) as an MSW response, with extra headers if any. */
export function problemResponse(answer: Problem, headers?: HeadersInit): HttpResponse<Record<string, unknown>> {
  return HttpResponse.json({ ...errorBody(answer) }, { status: answer.status, ...(headers === undefined ? {} : { headers }) });
}

/**
 * An error answer of the contract, `{ error: { code, message[, errors] } }`, with any status
 * (kept for custom handlers; `problemResponse` takes the contract's `Problem`, status included).
 */
export function problem(status: number, code: string, message: string, errors?: readonly CriteriaError[]): HttpResponse<Record<string, unknown>> {
  return HttpResponse.json({ ...errorBody({ code, message, errors }) }, { status });
}

/**
 * One page from `start` (the first page without one): registrants, then views, `size` records at
 * most — cut exactly as the reference server cuts its pages (a registrants cursor past the end
 * goes on with the first view), so both give out the same cursors for the same data.
 */
function page(attendance: Attendance, start: AttendanceCursor | undefined, size: number): AttendancePage {
  const { registrants, views, reportedThrough } = attendance;
  const answer = (pageViews: readonly unknown[], from: number, to: number, next?: Pick<AttendanceCursor, 'list' | 'position'>): AttendancePage => ({
    registrants: registrants.slice(from, to),
    views: pageViews as AttendancePage['views'],
    reportedThrough,
    nextCursor: next === undefined ? null : encodeCursor({ ...next, reportedThrough }),
  });
  const from = start?.list === 'views' ? registrants.length : Math.min(start?.position ?? 0, registrants.length);
  const to = Math.min(registrants.length, from + size);
  if (to < registrants.length) return answer([], from, to, { list: 'registrants', position: to });
  const viewsFrom = start?.list === 'views' ? start.position : 0;
  const viewsTo = Math.min(views.length, viewsFrom + size - (to - from));
  return answer(views.slice(viewsFrom, viewsTo), from, to, viewsTo < views.length ? { list: 'views', position: viewsTo } : undefined);
}

/**
 * The REST contract over the scenarios (event id = scenario name, built lazily on first use
 * and kept) and any extra `events`.
 *
 * @example
 * const server = setupServer(...restHandlers({ baseUrl: 'https://api.example.test' }));
 * const worker = setupWorker(...restHandlers({ baseUrl: '/api', now: () => demoClock.now }));
 */
export function restHandlers(options: RestHandlerOptions): HttpHandler[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  const scenariosAt = options.scenariosAt ?? REFERENCE_NOW;
  const now = options.now ?? (() => scenariosAt);
  const pageSize = options.pageSize ?? 5000;
  const built = new Map<string, GeneratedWebinar>();
  for (const data of options.events ?? []) built.set(data.event.id, data);

  function find(id: string): GeneratedWebinar | undefined {
    let data = built.get(id);
    if (data === undefined && isScenarioName(id)) built.set(id, (data = buildScenario(id, { now: scenariosAt })));
    return data;
  }
  const served = (data: GeneratedWebinar): { event: WebinarEvent; attendance: Attendance } => ({ event: data.event, attendance: data.attendanceAt(now()) });
  const id = (params: Record<string, string | readonly string[] | undefined>) => String(params['id']);
  /** The last sorted audience list per event, so paging through it computes it once. */
  const lists = new WeakMap<GeneratedWebinar, { key: string; sorted: AudienceMember[] }>();

  return [
    http.get(routePattern(base, 'event'), ({ params }) => {
      const data = find(id(params));
      return data ? HttpResponse.json(data.event) : problemResponse(unknownEventProblem(id(params)));
    }),

    http.get(routePattern(base, 'attendance'), ({ params, request }) => {
      const data = find(id(params));
      if (data === undefined) return problemResponse(unknownEventProblem(id(params)));
      const cursor = parseCursor(new URL(request.url).searchParams.get('cursor'));
      if (!cursor.ok) return problemResponse(cursor.problem);
      // A cursor is served from its own snapshot: the clock may have moved since the first page.
      const attendance = cursor.value === undefined ? served(data).attendance : data.attendanceThrough(cursor.value.reportedThrough);
      return HttpResponse.json(page(attendance, cursor.value, pageSize));
    }),

    http.get(routePattern(base, 'summary'), ({ params, request }) => {
      const data = find(id(params));
      if (data === undefined) return problemResponse(unknownEventProblem(id(params)));
      const query = parseSummaryQuery(new URL(request.url).searchParams);
      if (!query.ok) return problemResponse(query.problem);
      const { event, attendance } = served(data);
      let range;
      try {
        range = checkDayRange(query.value, onDemandWindow(event));
      } catch (error) {
        return problemResponse(inputProblem(error, 'invalid-range'));
      }
      return HttpResponse.json(dailyOnDemandVisitors(event, attendance, range));
    }),

    http.get(routePattern(base, 'statistics'), ({ params, request }) => {
      const data = find(id(params));
      if (data === undefined) return problemResponse(unknownEventProblem(id(params)));
      const query = parseStatisticsQuery(new URL(request.url).searchParams);
      if (!query.ok) return problemResponse(query.problem);
      const at = query.value.now ?? now();
      const { event, attendance } = served(data);
      try {
        // Core checks the threshold (0…30 whole days), as on the reference server.
        daysRemaining(event, at, query.value.closingThreshold);
      } catch (error) {
        return problemResponse(inputProblem(error, 'invalid-request'));
      }
      const { closingThreshold } = query.value;
      return HttpResponse.json(onDemandStatistics(event, attendance, at, closingThreshold === undefined ? {} : { closingThreshold }));
    }),

    http.post(routePattern(base, 'audienceCount'), async ({ params, request }) => {
      const data = find(id(params));
      if (data === undefined) return problemResponse(unknownEventProblem(id(params)));
      const query = parseAudienceCountRequest(request.headers.get('content-type'), await request.text());
      if (!query.ok) return problemResponse(query.problem);
      const { event, attendance } = served(data);
      let count: number;
      try {
        // Core refuses a clock it cannot count at (outside the years 1000–9999), as on the reference server.
        count = selectAudience(event, attendance, query.value.criteria, query.value.now ?? now()).length;
      } catch (error) {
        return problemResponse(inputProblem(error, 'invalid-request'));
      }
      return HttpResponse.json({ count } satisfies AudienceCountPayload);
    }),

    http.post(routePattern(base, 'audienceMembers'), async ({ params, request }) => {
      const data = find(id(params));
      if (data === undefined) return problemResponse(unknownEventProblem(id(params)));
      const query = parseAudienceMembersRequest(request.headers.get('content-type'), await request.text());
      if (!query.ok) return problemResponse(query.problem);
      const { criteria, cursor, sort } = query.value;
      const at = query.value.now ?? now();
      // A cursor is served from its own snapshot, as attendance pages are.
      const attendance = cursor === undefined ? served(data).attendance : data.attendanceThrough(cursor.reportedThrough);
      const key = JSON.stringify([criteria, at.getTime(), sort, attendance.reportedThrough]);
      let list = lists.get(data);
      if (list?.key !== key) {
        try {
          list = { key, sorted: sortAudienceMembers(audienceMembers(data.event, attendance, criteria, at), sort) };
        } catch (error) {
          return problemResponse(inputProblem(error, 'invalid-request'));
        }
        lists.set(data, list);
      }
      const page = audiencePageOf(list.sorted, query.value, attendance.reportedThrough, data.event.id);
      return page.ok ? HttpResponse.json(page.value satisfies AudienceMembersPayload) : problemResponse(page.problem);
    }),

    http.get(routePattern(base, 'funnel'), ({ params, request }) => {
      const data = find(id(params));
      if (data === undefined) return problemResponse(unknownEventProblem(id(params)));
      const query = parseFunnelQuery(new URL(request.url).searchParams);
      if (!query.ok) return problemResponse(query.problem);
      const { event, attendance } = served(data);
      let funnel: FunnelPayload;
      try {
        // Core refuses a clock it cannot compute at (outside the years 1000–9999), as on the reference server.
        funnel = { ...programFunnel(event, attendance, query.value.now ?? now()), reportedThrough: attendance.reportedThrough };
      } catch (error) {
        return problemResponse(inputProblem(error, 'invalid-request'));
      }
      return HttpResponse.json(funnel);
    }),

    http.get(routePattern(base, 'projection'), ({ params, request }) => {
      const data = find(id(params));
      if (data === undefined) return problemResponse(unknownEventProblem(id(params)));
      const query = parseProjectionQuery(new URL(request.url).searchParams);
      if (!query.ok) return problemResponse(query.problem);
      const { event, attendance } = served(data);
      const { level } = query.value;
      let projection: ProjectionPayload;
      try {
        projection = projectOnDemandVisitors(event, attendance, query.value.now ?? now(), level === undefined ? {} : { level });
      } catch (error) {
        return problemResponse(inputProblem(error, 'invalid-request'));
      }
      // JSON null while it is too early to say: the answer is the projection or null, never an envelope.
      return HttpResponse.json(projection);
    }),
  ];
}
