/*
 * The REST contract (docs/openapi.yaml) over PostgreSQL, on node:http. Routes, parameter parsing,
 * error bodies and cursors come from src/contract/, as the mock backend's do (mocks/handlers.ts),
 * so the REST adapter and the widgets cannot tell the two apart. Requests are checked with the
 * contract and core (criteria, day ranges, thresholds); the numbers are computed by PostgreSQL
 * (queries.ts).
 *
 * node:http rather than a framework: five routes, no middleware, nothing to configure, and no
 * dependency beyond `pg` — a model an adopter can port to whatever their backend already uses.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checkDayRange,
  daysRemaining,
  DEFAULT_CLOSING_THRESHOLD_DAYS,
  onDemandWindow,
  type WebinarEvent,
} from '../src/core/index.ts';
import {
  encodeCursor,
  errorBody,
  inputProblem,
  matchRoute,
  parseAudienceCountRequest,
  parseCursor,
  parseStatisticsQuery,
  parseSummaryQuery,
  problem,
  staleCursorProblem,
  unknownEventProblem,
  type AttendancePage,
  type AudienceCountPayload,
  type Parsed,
  type Problem,
  type RouteName,
  type StatisticsPayload,
  type SummaryPayload,
} from '../src/contract/index.ts';
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
    if (id.includes('\u0000')) throw new Refusal(unknownEventProblem(id));
    const found = await findEvent(pool, id);
    if (found === undefined) throw new Refusal(unknownEventProblem(id));
    return found;
  }

  async function attendance(id: string, query: URLSearchParams): Promise<AttendancePage> {
    const stored = await event(id);
    const cursor = accepted(parseCursor(query.get('cursor')));
    // The cursor's snapshot guard: the attendance is replaced whole on reload, so a cursor of
    // another reportedThrough points into data that is gone.
    if (cursor !== undefined && cursor.reportedThrough !== stored.reportedThrough) throw new Refusal(staleCursorProblem(id, stored.reportedThrough));
    const { reportedThrough } = stored;
    const registrants: unknown[] = [];
    const views: unknown[] = [];
    let nextCursor: string | null = null;
    let from = cursor?.position ?? 0;
    // One more row than fits tells whether another page follows, and where it starts.
    if (cursor?.list !== 'views') {
      const rows = await registrantRows(pool, id, from, pageSize + 1);
      for (const row of rows.slice(0, pageSize)) {
        if (row.is_malformed) registrants.push(row.malformed);
        else registrants.push({ leadId: row.lead_id, status: row.status_text, ...(row.has_live_minutes ? { liveMinutes: row.live_minutes } : {}) });
      }
      if (rows.length > pageSize) nextCursor = encodeCursor({ list: 'registrants', position: (rows[pageSize] as { ord: number }).ord, reportedThrough });
      from = 0;
    }
    if (nextCursor === null) {
      const room = pageSize - registrants.length;
      const rows = await viewRows(pool, id, from, room + 1);
      for (const row of rows.slice(0, room)) {
        views.push(row.is_malformed ? row.malformed : { leadId: row.lead_id, viewedAt: row.viewed_at, minutes: row.minutes });
      }
      if (rows.length > room) nextCursor = encodeCursor({ list: 'views', position: (rows[room] as { ord: number }).ord, reportedThrough });
    }
    // Records are served as loaded (bad ones included); the client checks and core diagnoses them.
    return { registrants, views, reportedThrough, nextCursor } as AttendancePage;
  }

  async function diagnostics(stored: StoredEvent) {
    return diagnosticsOf(await problemRows(pool, stored), stored.reportedThrough);
  }

  async function summary(id: string, query: URLSearchParams): Promise<SummaryPayload> {
    const stored = await event(id);
    const asked = accepted(parseSummaryQuery(query));
    const range = checked(() => checkDayRange(asked, onDemandWindow(webinarEvent(stored))), 'invalid-range');
    const [rows, found] = await Promise.all([summaryRows(pool, stored, range.from, range.to), diagnostics(stored)]);
    return { days: rows.days, totalVisitors: rows.totalVisitors, totalRewatchers: rows.totalRewatchers, reportedThrough: stored.reportedThrough, diagnostics: found };
  }

  async function statistics(id: string, query: URLSearchParams): Promise<StatisticsPayload> {
    const stored = await event(id);
    const asked = accepted(parseStatisticsQuery(query));
    const at = asked.now ?? clock();
    const closingThreshold = asked.closingThreshold ?? DEFAULT_CLOSING_THRESHOLD_DAYS;
    // Core checks the request (a threshold of 0…30 whole days); PostgreSQL computes the answer.
    checked(() => daysRemaining(webinarEvent(stored), at, closingThreshold), 'invalid-request');
    const [row, found] = await Promise.all([statisticsRow(pool, stored, at, closingThreshold), diagnostics(stored)]);
    return { ...row, reportedThrough: stored.reportedThrough, diagnostics: found };
  }

  async function audienceCount(id: string, request: IncomingMessage): Promise<AudienceCountPayload> {
    const stored = await event(id);
    const asked = accepted(parseAudienceCountRequest(request.headers['content-type'], await readBody(request)));
    const at = asked.now ?? clock();
    // Core's check of the clock (the years 1000–9999), as the mock backend's count makes it.
    checked(() => daysRemaining(webinarEvent(stored), at), 'invalid-request');
    const { criteria } = asked;
    const counts = await audienceCounts(pool, stored, at, compileCriteria(criteria, AUDIENCE_FIRST_PARAMETER));
    return { count: criteria.kind === 'has-not-attended' ? counts.registrants - counts.attended : counts.attended };
  }

  /** What runs each route of the contract. */
  const routes = {
    event: async (id: string) => webinarEvent(await event(id)),
    attendance: (id: string, url: URL) => attendance(id, url.searchParams),
    summary: (id: string, url: URL) => summary(id, url.searchParams),
    statistics: (id: string, url: URL) => statistics(id, url.searchParams),
    audienceCount: (id: string, _url: URL, request: IncomingMessage) => audienceCount(id, request),
  } satisfies Record<RouteName, (id: string, url: URL, request: IncomingMessage) => Promise<unknown>>;

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

  function sendProblem(response: ServerResponse, answer: Problem, headers: Record<string, string>): void {
    send(response, answer.status, errorBody(answer), headers);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const cors: Record<string, string> = options.corsOrigin === undefined ? {} : { 'access-control-allow-origin': options.corsOrigin, vary: 'origin' };
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
      if (found === undefined) throw new Refusal(problem('not-found', `No route ${method} ${url.pathname}.`));
      const allow = found.route.method;
      if (method === 'OPTIONS' && options.corsOrigin !== undefined) {
        response.writeHead(204, { ...cors, 'access-control-allow-methods': allow, 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': '600' });
        response.end();
        return;
      }
      if (method !== allow) throw new Refusal(problem('method-not-allowed', `${method} is not allowed here; use ${allow}.`), { allow });
      send(response, 200, await routes[found.name](found.eventId, url, request), cors);
    } catch (error) {
      if (error instanceof Refusal) return sendProblem(response, error.problem, { ...cors, ...error.headers });
      if (isUnavailable(error)) return sendProblem(response, problem('unavailable', 'The database is not available right now.'), { ...cors, 'retry-after': '1' });
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
