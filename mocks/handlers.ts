/*
 * MSW handlers implementing the kit's REST contract (DESIGN.md §2) over the named scenarios.
 * Environment-agnostic (they import only `msw`): use them with `setupServer` in Node tests,
 * `setupWorker` in the browser, Storybook and the demo.
 *
 * The serving clock (`now`) may move, as the demo's does: what is served follows it. Attendance
 * cursors carry the `reportedThrough` snapshot they started from, so paging stays consistent
 * even when the clock moves between two pages — as a real backend's snapshot cursors would.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import {
  dailyOnDemandVisitors,
  InvalidInputError,
  isCalendarDay,
  onDemandStatistics,
  selectAudience,
  validateCriteria,
  type Attendance,
  type CriteriaError,
  type WebinarEvent,
} from '../src/core/index.ts';
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

/** The contract's error body. */
export function problem(status: number, code: string, message: string, errors?: readonly CriteriaError[]): HttpResponse<Record<string, unknown>> {
  return HttpResponse.json({ error: errors === undefined ? { code, message } : { code, message, errors } }, { status });
}

function unknownEvent(id: string) {
  return problem(404, 'not-found', `There is no event "${id}".`);
}

/** Cursors are `<offset>@<reportedThrough>`: opaque to clients, a snapshot to us. */
function readCursor(cursor: string): { offset: number; reportedThrough: string } | null {
  const match = /^(\d+)@(\d{4}-\d\d-\d\d)$/.exec(cursor);
  if (!match || !isCalendarDay(match[2])) return null;
  return { offset: Number(match[1]), reportedThrough: match[2] as string };
}

/** One page of registrants-then-views starting at record `offset`. */
function page(attendance: Attendance, offset: number, size: number) {
  const registrantCount = attendance.registrants.length;
  const total = registrantCount + attendance.views.length;
  const end = Math.min(total, offset + size);
  return {
    registrants: attendance.registrants.slice(Math.min(offset, registrantCount), Math.min(end, registrantCount)),
    views: attendance.views.slice(Math.max(0, offset - registrantCount), Math.max(0, end - registrantCount)),
    reportedThrough: attendance.reportedThrough,
    nextCursor: end < total ? `${end}@${attendance.reportedThrough}` : null,
  };
}

function readInstant(text: string | null, fallback: () => Date): Date | null {
  if (text === null) return fallback();
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Core's complaints about the request (a range outside the window, a bad threshold) as a 400. */
function badRequest(error: unknown, code: string) {
  if (error instanceof InvalidInputError) return problem(400, code, error.message);
  throw error;
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

  return [
    http.get(`${base}/events/:id`, ({ params }) => {
      const data = find(id(params));
      return data ? HttpResponse.json(data.event) : unknownEvent(id(params));
    }),

    http.get(`${base}/events/:id/attendance`, ({ params, request }) => {
      const data = find(id(params));
      if (data === undefined) return unknownEvent(id(params));
      const cursorText = new URL(request.url).searchParams.get('cursor');
      if (cursorText === null) return HttpResponse.json(page(served(data).attendance, 0, pageSize));
      const cursor = readCursor(cursorText);
      if (cursor === null) return problem(400, 'invalid-cursor', `The cursor ${JSON.stringify(cursorText)} is not one this server gave out.`);
      return HttpResponse.json(page(data.attendanceThrough(cursor.reportedThrough), cursor.offset, pageSize));
    }),

    http.get(`${base}/events/:id/on-demand/summary`, ({ params, request }) => {
      const data = find(id(params));
      if (data === undefined) return unknownEvent(id(params));
      const query = new URL(request.url).searchParams;
      const from = query.get('from');
      const to = query.get('to');
      if ((from === null) !== (to === null)) return problem(400, 'invalid-range', 'Give both from and to, or neither for the whole window.');
      const { event, attendance } = served(data);
      try {
        return HttpResponse.json(dailyOnDemandVisitors(event, attendance, from === null || to === null ? undefined : { from, to }));
      } catch (error) {
        return badRequest(error, 'invalid-range');
      }
    }),

    http.get(`${base}/events/:id/on-demand/statistics`, ({ params, request }) => {
      const data = find(id(params));
      if (data === undefined) return unknownEvent(id(params));
      const query = new URL(request.url).searchParams;
      const at = readInstant(query.get('now'), now);
      if (at === null) return problem(400, 'invalid-request', `now must be an ISO-8601 instant, got ${JSON.stringify(query.get('now'))}.`);
      const threshold = query.get('closingThreshold');
      const { event, attendance } = served(data);
      try {
        return HttpResponse.json(onDemandStatistics(event, attendance, at, threshold === null ? {} : { closingThreshold: Number(threshold) }));
      } catch (error) {
        return badRequest(error, 'invalid-request');
      }
    }),

    http.post(`${base}/events/:id/audience/count`, async ({ params, request }) => {
      const data = find(id(params));
      if (data === undefined) return unknownEvent(id(params));
      let body: { criteria?: unknown; now?: unknown };
      try {
        body = (await request.json()) as typeof body;
      } catch {
        return problem(400, 'invalid-request', 'The body must be JSON: { "criteria": …, "now": "<ISO instant>" }.');
      }
      const validation = validateCriteria(body?.criteria);
      if (!validation.valid) return problem(400, 'invalid-criteria', 'The audience criteria are not valid.', validation.errors);
      const at = readInstant(typeof body.now === 'string' ? body.now : null, now);
      if (at === null) return problem(400, 'invalid-request', `now must be an ISO-8601 instant, got ${JSON.stringify(body.now)}.`);
      const { event, attendance } = served(data);
      return HttpResponse.json({ count: selectAudience(event, attendance, validation.criteria, at).length });
    }),
  ];
}
