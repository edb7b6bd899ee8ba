/*
 * The REST contract (DESIGN.md §2) over PostgreSQL, on node:http. Routes, query parameters,
 * status codes and error bodies are those of the mock backend (mocks/handlers.ts), so the REST
 * adapter and the widgets cannot tell the two apart. Requests are checked with core (criteria,
 * day ranges, thresholds); the numbers are computed by PostgreSQL (queries.ts).
 *
 * node:http rather than a framework: five routes, no middleware, nothing to configure, and no
 * dependency beyond `pg` — a model an adopter can port to whatever their backend already uses.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  daysRemaining,
  DEFAULT_CLOSING_THRESHOLD_DAYS,
  InvalidInputError,
  isCalendarDay,
  onDemandWindow,
  validateCriteria,
  type CriteriaError,
  type DailyOnDemandVisitorsResult,
  type OnDemandStatistics,
  type WebinarEvent,
} from '../src/core/index.ts';
import { checkDayRange } from '../src/core/summary.ts';
import { compileCriteria } from './criteria-sql.ts';
import type { Pool } from './db.ts';
import { diagnosticsOf } from './diagnostics.ts';
import {
  AUDIENCE_FIRST_PARAMETER,
  audienceCounts,
  findEvent,
  problemRows,
  registrantRows,
  statisticsRow,
  summaryRows,
  viewRows,
  type StoredEvent,
} from './queries.ts';

export interface AppOptions {
  pool: Pool;
  /** Where the routes live, e.g. `/api` (default: the root). */
  basePath?: string;
  /** Registrants + views per attendance page. Default 5 000 (as the mock backend). */
  pageSize?: number;
  /** The clock when a request gives no `now`. Default: the real clock. */
  now?: () => Date;
  /** Answer cross-origin requests from this origin (`*` for any). Default: none. */
  corsOrigin?: string;
  /** Where unexpected errors are reported. Default `console.error`. */
  logError?: (error: unknown) => void;
}

/** An answer that ends the request: the contract's error body `{ error: { code, message } }`. */
class Problem extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: readonly CriteriaError[] | undefined;
  readonly headers: Record<string, string>;
  constructor(status: number, code: string, message: string, errors?: readonly CriteriaError[], headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.headers = headers;
  }
}

const MAX_BODY_BYTES = 64 * 1024;

function unknownEvent(id: string): Problem {
  return new Problem(404, 'not-found', `There is no event "${id}".`);
}

function readInstant(text: string | null, fallback: () => Date): Date | null {
  if (text === null) return fallback();
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

function webinarEvent(event: StoredEvent): WebinarEvent {
  return { id: event.id, name: event.name, startsAt: event.startsAt, endsAt: event.endsAt, timeZone: event.timeZone };
}

/** Core's complaint about a request (a range outside the window, a bad threshold) as a 400. */
function badRequest(error: unknown, code: string): never {
  if (error instanceof InvalidInputError) throw new Problem(400, code, error.message);
  throw error;
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Problem(413, 'payload-too-large', `The body must be at most ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new Problem(400, 'invalid-request', 'The body must be JSON: { "criteria": …, "now": "<ISO instant>" }.');
  }
}

/** Attendance cursors are `r<position>@<reportedThrough>` or `v<position>@<reportedThrough>`: opaque to clients. */
function readCursor(cursor: string): { table: 'r' | 'v'; from: number; reportedThrough: string } | null {
  const match = /^([rv])(\d{1,10})@(\d{4}-\d\d-\d\d)$/.exec(cursor);
  if (!match || !isCalendarDay(match[3])) return null;
  const from = Number(match[2]);
  if (from > 2_147_483_647) return null;
  return { table: match[1] as 'r' | 'v', from, reportedThrough: match[3] as string };
}

/** PostgreSQL errors that mean "try again": the database is down, restarting, or out of connections. */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', '53300', '57P01', '57P02', '57P03'].includes(code) || code.startsWith('08');
}

/**
 * The request handler of the REST contract over PostgreSQL.
 *
 * @example
 * const server = http.createServer(createHandler({ pool: createPool() }));
 */
export function createHandler(options: AppOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const { pool } = options;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const pageSize = options.pageSize ?? 5000;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a whole number ≥ 1, got ${String(pageSize)}.`);
  const clock = options.now ?? (() => new Date());
  const logError = options.logError ?? ((error: unknown) => console.error(error));

  async function event(id: string): Promise<StoredEvent> {
    // PostgreSQL text cannot hold NUL: no stored id contains one.
    if (id.includes('\u0000')) throw unknownEvent(id);
    const found = await findEvent(pool, id);
    if (found === undefined) throw unknownEvent(id);
    return found;
  }

  async function attendance(id: string, query: URLSearchParams): Promise<unknown> {
    const stored = await event(id);
    const cursorText = query.get('cursor');
    let table: 'r' | 'v' = 'r';
    let from = 0;
    if (cursorText !== null) {
      const cursor = readCursor(cursorText);
      if (cursor === null) throw new Problem(400, 'invalid-cursor', `The cursor ${JSON.stringify(cursorText)} is not one this server gave out.`);
      if (cursor.reportedThrough !== stored.reportedThrough) {
        throw new Problem(409, 'stale-cursor', `The attendance of event "${id}" was reloaded (now reported through ${stored.reportedThrough}) after this cursor was given out; read it again from the first page.`);
      }
      ({ table, from } = cursor);
    }
    const registrants: unknown[] = [];
    const views: unknown[] = [];
    let nextCursor: string | null = null;
    // One more row than fits tells whether another page follows, and where it starts.
    if (table === 'r') {
      const rows = await registrantRows(pool, id, from, pageSize + 1);
      for (const row of rows.slice(0, pageSize)) {
        if (row.is_malformed) registrants.push(row.malformed);
        else registrants.push({ leadId: row.lead_id, status: row.status_text, ...(row.has_live_minutes ? { liveMinutes: row.live_minutes } : {}) });
      }
      if (rows.length > pageSize) nextCursor = `r${(rows[pageSize] as { ord: number }).ord}@${stored.reportedThrough}`;
      from = 0;
    }
    if (nextCursor === null) {
      const room = pageSize - registrants.length;
      const rows = await viewRows(pool, id, from, room + 1);
      for (const row of rows.slice(0, room)) {
        views.push(row.is_malformed ? row.malformed : { leadId: row.lead_id, viewedAt: row.viewed_at, minutes: row.minutes });
      }
      if (rows.length > room) nextCursor = `v${(rows[room] as { ord: number }).ord}@${stored.reportedThrough}`;
    }
    return { registrants, views, reportedThrough: stored.reportedThrough, nextCursor };
  }

  async function diagnostics(stored: StoredEvent) {
    return diagnosticsOf(await problemRows(pool, stored), stored.reportedThrough);
  }

  async function summary(id: string, query: URLSearchParams): Promise<DailyOnDemandVisitorsResult> {
    const stored = await event(id);
    const from = query.get('from');
    const to = query.get('to');
    if ((from === null) !== (to === null)) throw new Problem(400, 'invalid-range', 'Give both from and to, or neither for the whole window.');
    let range;
    try {
      range = checkDayRange(from === null || to === null ? undefined : { from, to }, onDemandWindow(webinarEvent(stored)));
    } catch (error) {
      badRequest(error, 'invalid-range');
    }
    const [rows, found] = await Promise.all([summaryRows(pool, stored, range.from, range.to), diagnostics(stored)]);
    return { days: rows.days, totalVisitors: rows.totalVisitors, totalRewatchers: rows.totalRewatchers, reportedThrough: stored.reportedThrough, diagnostics: found };
  }

  async function statistics(id: string, query: URLSearchParams): Promise<OnDemandStatistics> {
    const stored = await event(id);
    const at = readInstant(query.get('now'), clock);
    if (at === null) throw new Problem(400, 'invalid-request', `now must be an ISO-8601 instant, got ${JSON.stringify(query.get('now'))}.`);
    const thresholdText = query.get('closingThreshold');
    const closingThreshold = thresholdText === null ? DEFAULT_CLOSING_THRESHOLD_DAYS : Number(thresholdText);
    try {
      // Core checks the request (a threshold of 0…30 whole days); PostgreSQL computes the answer.
      daysRemaining(webinarEvent(stored), at, closingThreshold);
    } catch (error) {
      badRequest(error, 'invalid-request');
    }
    const [row, found] = await Promise.all([statisticsRow(pool, stored, at, closingThreshold), diagnostics(stored)]);
    return { ...row, reportedThrough: stored.reportedThrough, diagnostics: found };
  }

  async function audienceCount(id: string, request: IncomingMessage): Promise<{ count: number }> {
    const stored = await event(id);
    const body = (await readJsonBody(request)) as { criteria?: unknown; now?: unknown } | null;
    const validation = validateCriteria(body?.criteria);
    if (!validation.valid) throw new Problem(400, 'invalid-criteria', 'The audience criteria are not valid.', validation.errors);
    const at = readInstant(typeof body?.now === 'string' ? body.now : null, clock);
    if (at === null) throw new Problem(400, 'invalid-request', `now must be an ISO-8601 instant, got ${JSON.stringify(body?.now)}.`);
    const { criteria } = validation;
    const counts = await audienceCounts(pool, stored, at, compileCriteria(criteria, AUDIENCE_FIRST_PARAMETER));
    return { count: criteria.kind === 'has-not-attended' ? counts.registrants - counts.attended : counts.attended };
  }

  /** The route of a path below the base, or undefined. */
  function route(method: string, segments: string[], url: URL, request: IncomingMessage): { allow: string; run?: () => Promise<unknown> } | undefined {
    if (segments[0] !== 'events' || segments.length < 2) return undefined;
    const id = segments[1] as string;
    const rest = segments.slice(2).join('/');
    const get = (run: () => Promise<unknown>) => ({ allow: 'GET', ...(method === 'GET' ? { run } : {}) });
    switch (rest) {
      case '': return get(async () => webinarEvent(await event(id)));
      case 'attendance': return get(() => attendance(id, url.searchParams));
      case 'on-demand/summary': return get(() => summary(id, url.searchParams));
      case 'on-demand/statistics': return get(() => statistics(id, url.searchParams));
      case 'audience/count': return { allow: 'POST', ...(method === 'POST' ? { run: () => audienceCount(id, request) } : {}) };
      default: return undefined;
    }
  }

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      'cache-control': 'no-store',
      ...headers,
    });
    response.end(text);
  }

  function sendProblem(response: ServerResponse, problem: Problem): void {
    const error = problem.errors === undefined ? { code: problem.code, message: problem.message } : { code: problem.code, message: problem.message, errors: problem.errors };
    send(response, problem.status, { error }, problem.headers);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const cors: Record<string, string> = options.corsOrigin === undefined ? {} : { 'access-control-allow-origin': options.corsOrigin, vary: 'origin' };
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const method = request.method ?? 'GET';
      if (basePath !== '' && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) throw new Problem(404, 'not-found', `No route ${url.pathname}.`);
      let segments: string[];
      try {
        segments = url.pathname.slice(basePath.length).split('/').filter((segment) => segment !== '').map(decodeURIComponent);
      } catch {
        throw new Problem(400, 'invalid-request', 'The path is not valid percent-encoded UTF-8.');
      }
      const found = route(method, segments, url, request);
      if (found === undefined) throw new Problem(404, 'not-found', `No route ${method} ${url.pathname}.`);
      if (method === 'OPTIONS' && options.corsOrigin !== undefined) {
        response.writeHead(204, { ...cors, 'access-control-allow-methods': found.allow, 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': '600' });
        response.end();
        return;
      }
      if (found.run === undefined) throw new Problem(405, 'method-not-allowed', `${method} is not allowed here; use ${found.allow}.`, undefined, { allow: found.allow });
      send(response, 200, await found.run(), cors);
    } catch (error) {
      if (error instanceof Problem) return sendProblem(response, new Problem(error.status, error.code, error.message, error.errors, { ...cors, ...error.headers }));
      if (isUnavailable(error)) return sendProblem(response, new Problem(503, 'unavailable', 'The database is not available right now.', undefined, { ...cors, 'retry-after': '1' }));
      if ((error as { code?: unknown } | null)?.code === '57014') return sendProblem(response, new Problem(504, 'timeout', 'The database did not answer in time.', undefined, cors));
      logError(error);
      sendProblem(response, new Problem(500, 'internal', 'Something went wrong on the server.', undefined, cors));
    }
  }

  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      logError(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  };
}

export interface RunningServer {
  server: Server;
  /** `http://127.0.0.1:PORT` plus the base path: what `createRestAdapter({ baseUrl })` takes. */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Starts the server. Port 0 picks a free port.
 *
 * @example
 * const { baseUrl, close } = await startServer({ pool, port: 0 });
 */
export async function startServer(options: AppOptions & { host?: string; port?: number }): Promise<RunningServer> {
  const server = createServer(createHandler(options));
  // Keep-alive sockets would hold close() open until they time out.
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    baseUrl: `http://${shownHost}:${port}${(options.basePath ?? '').replace(/\/+$/, '')}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
