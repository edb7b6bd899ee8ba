/*
 * The REST contract (docs/openapi.yaml) over PostgreSQL, on node:http. Routes, parameter parsing,
 * error bodies and cursors come from src/contract/, as the mock backend's do (mocks/handlers.ts),
 * so the REST adapter and the widgets cannot tell the two apart. Requests are checked with the
 * contract and core (criteria, day ranges, thresholds) before any connection is taken; the
 * push-down routes then read the aggregates kept per daily report (queries.ts), under a bounded
 * wait for a connection, a deadline and cancellation (session.ts).
 *
 * node:http rather than a framework: eight routes, no middleware, nothing to configure, and no
 * dependency beyond `pg` — a model an adopter can port to whatever their backend already uses.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checkDayRange,
  daysRemaining,
  DEFAULT_CLOSING_THRESHOLD_DAYS,
  onDemandWindow,
  projectionFromFirstVisits,
  type DayRange,
  type WebinarEvent,
} from '../src/core/index.ts';
import {
  encodeAudienceCursor,
  encodeCursor,
  errorBody,
  inputProblem,
  matchRoute,
  parseAudienceCountRequest,
  parseAudienceMembersRequest,
  parseCursor,
  parseFunnelQuery,
  parseProjectionQuery,
  parseStatisticsQuery,
  parseSummaryQuery,
  problem,
  staleAudienceCursorProblem,
  staleCursorProblem,
  unknownEventProblem,
  type AttendanceCursor,
  type AttendancePage,
  type AudienceCountPayload,
  type AudienceMembersPayload,
  type AudienceCountQuery,
  type AudienceMembersQuery,
  type FunnelPayload,
  type FunnelQuery,
  type Parsed,
  type Problem,
  type ProjectionPayload,
  type ProjectionQuery,
  type RouteName,
  type StatisticsPayload,
  type StatisticsQuery,
  type SummaryPayload,
} from '../src/contract/index.ts';
import { compileCriteria } from './criteria-sql.ts';
import type { Pool, Queryable } from './db.ts';
import { diagnosticsOf } from './diagnostics.ts';
import { audienceMemberRows } from './members.ts';
import { audienceCounts, findEvent, firstVisitCounts, funnelOf, problemRows, registrantRows, statisticsOf, summaryRows, viewRows, type StoredEvent } from './queries.ts';
import { ClientGoneError, createSessions, DatabaseUnavailableError, ServerBusyError } from './session.ts';

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
  /**
   * Bearer tokens, any of which a request must send as `Authorization: Bearer <token>` (401
   * otherwise; several allow rotating one). Default: none required.
   */
  authTokens?: readonly string[];
  /**
   * Serve `GET …/attendance` (lead-level data). `false` for a push-down-only deployment: the
   * route answers 403 and only aggregates leave the server. Default true.
   */
  serveAttendance?: boolean;
  /** Requests that may wait for a database connection; more get 503 at once. Default 128. */
  maxWaiting?: number;
  /** How long a request may wait for a connection before 503. Default 3 000 ms. */
  waitTimeoutMs?: number;
  /** A request's whole database work must finish within this (503 otherwise; the statement is cancelled). Default 8 000 ms. */
  requestTimeoutMs?: number;
}

/** Ends a request with a contract problem (thrown from anywhere inside a route). */
class Refusal extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;
  constructor(answer: Problem, headers: Record<string, string> = {}) {
    super(answer.message);
    this.problem = answer;
    this.headers = headers;
  }
}

/** The value of a parsed request part, or the end of the request with its problem. */
function accepted<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Refusal(result.problem);
  return result.value;
}

/** Runs core's check of a request value; its refusal (an InvalidInputError) becomes a `code` problem. */
function checked<T>(check: () => T, code: Problem['code']): T {
  try {
    return check();
  } catch (error) {
    throw new Refusal(inputProblem(error, code));
  }
}

const MAX_BODY_BYTES = 64 * 1024;

function webinarEvent(event: StoredEvent): WebinarEvent {
  return { id: event.id, name: event.name, startsAt: event.startsAt, endsAt: event.endsAt, timeZone: event.timeZone };
}

/** The body as text, at most `MAX_BODY_BYTES` (413 beyond, before reading the rest). */
async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Refusal(problem('payload-too-large', `The body must be at most ${MAX_BODY_BYTES} bytes.`));
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A token's digest: tokens of any length compare in constant time. */
const digest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** Checks `Authorization: Bearer <token>` against the accepted tokens; throws the 401. */
function checkBearer(header: string | undefined, accepted: readonly Buffer[]): void {
  const given = /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
  // Compare with every token, whichever matches: the time taken says nothing about which one.
  let match = false;
  if (given !== undefined) {
    const candidate = digest(given);
    for (const token of accepted) match = timingSafeEqual(candidate, token) || match;
  }
  if (!match) {
    throw new Refusal(problem('unauthorized', given === undefined ? 'This server needs a bearer token: Authorization: Bearer <token>.' : 'The bearer token is not valid.'), {
      'www-authenticate': given === undefined ? 'Bearer realm="odw"' : 'Bearer realm="odw", error="invalid_token"',
    });
  }
}

/** What a route needs from the request, read before a connection is taken. */
type Prepared =
  | { route: 'event' }
  | { route: 'attendance'; cursor: AttendanceCursor | undefined }
  | { route: 'summary'; range: DayRange | undefined }
  | { route: 'statistics'; query: StatisticsQuery }
  | { route: 'audienceCount'; query: AudienceCountQuery }
  | { route: 'audienceMembers'; query: AudienceMembersQuery }
  | { route: 'funnel'; query: FunnelQuery }
  | { route: 'projection'; query: ProjectionQuery };

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
  const tokens = options.authTokens?.map(digest);
  if (tokens !== undefined && tokens.length === 0) throw new Error('authTokens must hold at least one token (leave it out to require none).');
  const serveAttendance = options.serveAttendance ?? true;
  const sessions = createSessions({
    pool,
    size: (pool as { options?: { max?: number } }).options?.max ?? 10,
    ...(options.maxWaiting === undefined ? {} : { maxWaiting: options.maxWaiting }),
    ...(options.waitTimeoutMs === undefined ? {} : { waitTimeoutMs: options.waitTimeoutMs }),
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
  });

  async function event(db: Queryable, id: string): Promise<StoredEvent> {
    // PostgreSQL text cannot hold NUL: no stored id contains one.
    if (id.includes('\u0000')) throw new Refusal(unknownEventProblem(id));
    const found = await findEvent(db, id);
    if (found === undefined) throw new Refusal(unknownEventProblem(id));
    return found;
  }

  async function attendance(db: Queryable, id: string, cursor: AttendanceCursor | undefined): Promise<AttendancePage> {
    const stored = await event(db, id);
    // The cursor's snapshot guard: a reload or a daily append moves reportedThrough, and a cursor
    // of another reportedThrough points into data that changed.
    if (cursor !== undefined && cursor.reportedThrough !== stored.reportedThrough) throw new Refusal(staleCursorProblem(id, stored.reportedThrough));
    const { reportedThrough } = stored;
    const registrants: unknown[] = [];
    const views: unknown[] = [];
    let nextCursor: string | null = null;
    let from = cursor?.position ?? 0;
    // One more row than fits tells whether another page follows, and where it starts.
    if (cursor?.list !== 'views') {
      const rows = await registrantRows(db, id, from, pageSize + 1);
      for (const row of rows.slice(0, pageSize)) {
        if (row.is_malformed) registrants.push(row.malformed);
        else {
          registrants.push({
            leadId: row.lead_id,
            status: row.status_text,
            ...(row.has_live_minutes ? { liveMinutes: row.live_minutes } : {}),
            ...(row.name_json === null ? {} : { name: JSON.parse(row.name_json) as unknown }),
            ...(row.email_json === null ? {} : { email: JSON.parse(row.email_json) as unknown }),
          });
        }
      }
      if (rows.length > pageSize) nextCursor = encodeCursor({ list: 'registrants', position: (rows[pageSize] as { ord: number }).ord, reportedThrough });
      from = 0;
    }
    if (nextCursor === null) {
      const room = pageSize - registrants.length;
      const rows = await viewRows(db, id, from, room + 1);
      for (const row of rows.slice(0, room)) {
        views.push(row.is_malformed ? row.malformed : { leadId: row.lead_id, viewedAt: row.viewed_at, minutes: row.minutes });
      }
      if (rows.length > room) nextCursor = encodeCursor({ list: 'views', position: (rows[room] as { ord: number }).ord, reportedThrough });
    }
    // Records are served as loaded (bad ones included); the client checks and core diagnoses them.
    return { registrants, views, reportedThrough, nextCursor } as AttendancePage;
  }

  async function diagnostics(db: Queryable, stored: StoredEvent) {
    return diagnosticsOf(await problemRows(db, stored.key), stored.reportedThrough);
  }

  async function summary(db: Queryable, id: string, asked: DayRange | undefined): Promise<SummaryPayload> {
    const stored = await event(db, id);
    const range = checked(() => checkDayRange(asked, onDemandWindow(webinarEvent(stored))), 'invalid-range');
    const rows = await summaryRows(db, stored, range.from, range.to);
    return { days: rows.days, totalVisitors: rows.totalVisitors, totalRewatchers: rows.totalRewatchers, reportedThrough: stored.reportedThrough, diagnostics: await diagnostics(db, stored) };
  }

  async function statistics(db: Queryable, id: string, asked: StatisticsQuery): Promise<StatisticsPayload> {
    const stored = await event(db, id);
    const at = asked.now ?? clock();
    const closingThreshold = asked.closingThreshold ?? DEFAULT_CLOSING_THRESHOLD_DAYS;
    // Core checks the request (a threshold of 0…30 whole days, a clock in the years 1000–9999).
    const row = checked(() => statisticsOf(stored, at, closingThreshold), 'invalid-request');
    return { ...row, reportedThrough: stored.reportedThrough, diagnostics: await diagnostics(db, stored) };
  }

  async function audienceCount(db: Queryable, id: string, asked: AudienceCountQuery): Promise<AudienceCountPayload> {
    const stored = await event(db, id);
    const at = asked.now ?? clock();
    const webinar = webinarEvent(stored);
    // Core's check of the clock (the years 1000–9999), as the mock backend's count makes it.
    checked(() => daysRemaining(webinar, at), 'invalid-request');
    const { criteria } = asked;
    // "Today", its week and month come from the clock, by core's calendar: plain dates for SQL.
    const counts = await audienceCounts(db, stored, compileCriteria(criteria, onDemandWindow(webinar), stored.timeZone, at));
    return { count: criteria.kind === 'has-not-attended' ? counts.registrants - counts.attended : counts.attended };
  }

  async function audienceMembersPage(db: Queryable, id: string, asked: AudienceMembersQuery): Promise<AudienceMembersPayload> {
    const stored = await event(db, id);
    const { reportedThrough } = stored;
    // The cursor's snapshot guard, as for attendance pages: a daily report moves every total.
    if (asked.cursor !== undefined && asked.cursor.reportedThrough !== reportedThrough) throw new Refusal(staleAudienceCursorProblem(id, reportedThrough));
    const at = asked.now ?? clock();
    const webinar = webinarEvent(stored);
    checked(() => daysRemaining(webinar, at), 'invalid-request');
    const compiled = compileCriteria(asked.criteria, onDemandWindow(webinar), stored.timeZone, at);
    const attended = asked.criteria.kind !== 'has-not-attended';
    const offset = asked.cursor?.position ?? 0;
    const page = await audienceMemberRows(db, stored, compiled, attended, asked.sort, offset, asked.limit);
    let total = page.total;
    if (total === undefined) {
      // An empty page (nobody, or a cursor at the end) carries no count: ask the aggregates.
      const counts = await audienceCounts(db, stored, compiled);
      total = attended ? counts.attended : counts.registrants - counts.attended;
    }
    const end = offset + page.members.length;
    return { members: page.members, nextCursor: end < total ? encodeAudienceCursor({ position: end, reportedThrough }) : null, total, reportedThrough };
  }

  async function funnel(db: Queryable, id: string, asked: FunnelQuery): Promise<FunnelPayload> {
    const stored = await event(db, id);
    // Core's check of the clock (the years 1000–9999), as core's programFunnel makes it; the
    // stages themselves depend only on what is reported.
    checked(() => daysRemaining(webinarEvent(stored), asked.now ?? clock()), 'invalid-request');
    return { ...funnelOf(stored), reportedThrough: stored.reportedThrough, diagnostics: await diagnostics(db, stored) };
  }

  async function projection(db: Queryable, id: string, asked: ProjectionQuery): Promise<ProjectionPayload> {
    const stored = await event(db, id);
    const webinar = webinarEvent(stored);
    const firstVisits = await firstVisitCounts(db, stored, onDemandWindow(webinar));
    // The model is core's, on the counts SQL aggregated; core checks the clock and the level.
    const { level } = asked;
    return checked(() => projectionFromFirstVisits(webinar, firstVisits, stored.reportedThrough, asked.now ?? clock(), level === undefined ? {} : { level }), 'invalid-request');
  }

  /** Reads and checks what a route needs from the request: no database yet. */
  async function prepare(name: RouteName, url: URL, request: IncomingMessage): Promise<Prepared> {
    switch (name) {
      case 'event': return { route: name };
      case 'attendance': return { route: name, cursor: accepted(parseCursor(url.searchParams.get('cursor'))) };
      case 'summary': return { route: name, range: accepted(parseSummaryQuery(url.searchParams)) };
      case 'statistics': return { route: name, query: accepted(parseStatisticsQuery(url.searchParams)) };
      case 'audienceCount': return { route: name, query: accepted(parseAudienceCountRequest(request.headers['content-type'], await readBody(request))) };
      case 'audienceMembers': return { route: name, query: accepted(parseAudienceMembersRequest(request.headers['content-type'], await readBody(request))) };
      case 'funnel': return { route: name, query: accepted(parseFunnelQuery(url.searchParams)) };
      case 'projection': return { route: name, query: accepted(parseProjectionQuery(url.searchParams)) };
    }
  }

  /** Answers a prepared request with one connection. */
  function answer(db: Queryable, id: string, prepared: Prepared): Promise<unknown> {
    switch (prepared.route) {
      case 'event': return event(db, id).then(webinarEvent);
      case 'attendance': return attendance(db, id, prepared.cursor);
      case 'summary': return summary(db, id, prepared.range);
      case 'statistics': return statistics(db, id, prepared.query);
      case 'audienceCount': return audienceCount(db, id, prepared.query);
      case 'audienceMembers': return audienceMembersPage(db, id, prepared.query);
      case 'funnel': return funnel(db, id, prepared.query);
      case 'projection': return projection(db, id, prepared.query);
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

  function sendProblem(response: ServerResponse, answered: Problem, headers: Record<string, string>): void {
    send(response, answered.status, errorBody(answered), headers);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const cors: Record<string, string> = options.corsOrigin === undefined ? {} : { 'access-control-allow-origin': options.corsOrigin, vary: 'origin' };
    // Aborts when the client goes away before the answer is sent: the statement is cancelled.
    const gone = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) gone.abort(new ClientGoneError('The client went away.'));
    });
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const method = request.method ?? 'GET';
      if (basePath !== '' && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) throw new Refusal(problem('not-found', `No route ${url.pathname}.`));
      let segments: string[];
      try {
        segments = url.pathname.slice(basePath.length).split('/').filter((segment) => segment !== '').map(decodeURIComponent);
      } catch {
        throw new Refusal(problem('invalid-request', 'The path is not valid percent-encoded UTF-8.'));
      }
      const found = matchRoute(segments);
      const allow = found?.route.method;
      // A CORS preflight carries no credentials: it is answered without them.
      if (method === 'OPTIONS' && options.corsOrigin !== undefined && allow !== undefined) {
        response.writeHead(204, { ...cors, 'access-control-allow-methods': allow, 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': '600' });
        response.end();
        return;
      }
      if (tokens !== undefined) checkBearer(request.headers.authorization, tokens);
      if (found === undefined || allow === undefined) throw new Refusal(problem('not-found', `No route ${method} ${url.pathname}.`));
      if (method !== allow) throw new Refusal(problem('method-not-allowed', `${method} is not allowed here; use ${allow}.`), { allow });
      if (found.name === 'attendance' && !serveAttendance) {
        throw new Refusal(problem('forbidden', 'This server does not serve attendance (push-down only): ask for the summary, the statistics, the funnel, the projection or an audience count.'));
      }
      const prepared = await prepare(found.name, url, request);
      const body = await sessions.run(gone.signal, (db) => answer(db, found.eventId, prepared));
      send(response, 200, body, cors);
    } catch (error) {
      if (error instanceof Refusal) return sendProblem(response, error.problem, { ...cors, ...error.headers });
      if (error instanceof ClientGoneError || gone.signal.aborted) {
        response.destroy();
        return;
      }
      if (error instanceof ServerBusyError) return sendProblem(response, problem('unavailable', 'The server is busy; try again in a moment.'), { ...cors, 'retry-after': '1' });
      if (error instanceof DatabaseUnavailableError) return sendProblem(response, problem('unavailable', 'The database is not available right now.'), { ...cors, 'retry-after': '1' });
      if ((error as { code?: unknown } | null)?.code === '57014') return sendProblem(response, problem('timeout', 'The database did not answer in time.'), cors);
      logError(error);
      sendProblem(response, problem('internal', 'Something went wrong on the server.'), cors);
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
