/*
 * The routes of the REST contract, all below `{base}/events/{id}`: one table, URL builders for
 * the client, MSW path patterns for the mock backend and a matcher for the reference server.
 * A new route is one entry in `ROUTES` (and, for the client, a one-line builder).
 */
import type { DayRange } from '../core/index.ts';

/** One route: its method and its path below `/events/{id}` ('' for the event itself). */
export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
}

// Each path once, named, so that the client's builders below use only the paths (the ./adapters
// entry has a size budget; the ROUTES table is for the mock backend and the server).
const EVENT = '';
const ATTENDANCE = '/attendance';
const SUMMARY = '/on-demand/summary';
const STATISTICS = '/on-demand/statistics';
const AUDIENCE_COUNT = '/audience/count';
const AUDIENCE_MEMBERS = '/audience/members';
const FUNNEL = '/program/funnel';
const PROJECTION = '/on-demand/projection';

/** Every route of the contract. The push-down routes (all but event and attendance) are optional for a backend. */
export const ROUTES = {
  event: { method: 'GET', path: EVENT },
  attendance: { method: 'GET', path: ATTENDANCE },
  summary: { method: 'GET', path: SUMMARY },
  statistics: { method: 'GET', path: STATISTICS },
  audienceCount: { method: 'POST', path: AUDIENCE_COUNT },
  audienceMembers: { method: 'POST', path: AUDIENCE_MEMBERS },
  funnel: { method: 'GET', path: FUNNEL },
  projection: { method: 'GET', path: PROJECTION },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;

/** Query parameters; `undefined` ones are left out. */
export type Query = Readonly<Record<string, string | number | undefined>>;

/** `{base}/events/{id}{path}`, the id encoded. */
const pathOf = (base: string, eventId: string, path: string): string => `${base}/events/${encodeURIComponent(eventId)}${path}`;

/**
 * The URL of `route` for `eventId` below `base` (no trailing slash), with `query` encoded — for
 * any route, including ones added later; the builders below are the client's short forms.
 *
 * @example routeUrl('/api', 'summary', 'evt 1', { from: '2026-03-20', to: '2026-03-22' })
 * // '/api/events/evt%201/on-demand/summary?from=2026-03-20&to=2026-03-22'
 */
export function routeUrl(base: string, route: RouteName, eventId: string, query: Query = {}): string {
  const search = Object.keys(query)
    .filter((name) => query[name] !== undefined)
    .map((name) => `${name}=${encodeURIComponent(query[name] as string | number)}`)
    .join('&');
  return `${pathOf(base, eventId, ROUTES[route].path)}${search && `?${search}`}`;
}

// The builders write their few parameters directly: the ./adapters entry has a size budget.
const encoded = encodeURIComponent;

/** `GET {base}/events/{id}` */
export const eventPath = (base: string, eventId: string): string => pathOf(base, eventId, EVENT);

/** `GET {base}/events/{id}/attendance[?cursor=…]`: the first page without a cursor. */
export const attendancePath = (base: string, eventId: string, cursor?: string | null): string =>
  pathOf(base, eventId, ATTENDANCE) + (cursor == null ? '' : `?cursor=${encoded(cursor)}`);

/** `GET {base}/events/{id}/on-demand/summary[?from=…&to=…]`: the whole window without a range. */
export const summaryPath = (base: string, eventId: string, range?: DayRange): string =>
  pathOf(base, eventId, SUMMARY) + (range === undefined ? '' : `?from=${encoded(range.from)}&to=${encoded(range.to)}`);

/** `GET {base}/events/{id}/on-demand/statistics?now=…[&closingThreshold=…]`; `now` is an instant with an offset. */
export const statisticsPath = (base: string, eventId: string, now: string, closingThreshold?: number): string =>
  `${pathOf(base, eventId, STATISTICS)}?now=${encoded(now)}${closingThreshold === undefined ? '' : `&closingThreshold=${closingThreshold}`}`;

/** `POST {base}/events/{id}/audience/count` with an `AudienceCountRequest` body. */
export const audienceCountPath = (base: string, eventId: string): string => pathOf(base, eventId, AUDIENCE_COUNT);

/** `POST {base}/events/{id}/audience/members` with an `AudienceMembersRequest` body. */
export const audienceMembersPath = (base: string, eventId: string): string => pathOf(base, eventId, AUDIENCE_MEMBERS);

/** `GET {base}/events/{id}/program/funnel?now=…`; `now` is an instant with an offset. */
export const funnelPath = (base: string, eventId: string, now: string): string => `${pathOf(base, eventId, FUNNEL)}?now=${encoded(now)}`;

/** `GET {base}/events/{id}/on-demand/projection?now=…[&level=…]`; without `level` the backend's default, 0.8. */
export const projectionPath = (base: string, eventId: string, now: string, level?: number): string =>
  `${pathOf(base, eventId, PROJECTION)}?now=${encoded(now)}${level === undefined ? '' : `&level=${level}`}`;

/**
 * The MSW path pattern of `route` below `base`; the event id is the `id` path parameter.
 *
 * @example http.get(routePattern(base, 'attendance'), ({ params }) => …params.id…)
 */
export function routePattern(base: string, route: RouteName): string {
  return `${base}/events/:id${ROUTES[route].path}`;
}

/** The MSW pattern of every path below `{base}/events/` (for handlers that act on all routes, e.g. faults). */
export function allRoutesPattern(base: string): string {
  return `${base}/events/*`;
}

/** A path matched to its route. */
export interface MatchedRoute {
  name: RouteName;
  route: Route;
  eventId: string;
}

/**
 * The route of a path below the base, given as its decoded segments
 * (`/events/e%2F1/attendance` → `['events', 'e/1', 'attendance']`), whatever the method:
 * the caller answers 405 when `route.method` differs. `undefined` when no route has this path.
 */
export function matchRoute(segments: readonly string[]): MatchedRoute | undefined {
  if (segments[0] !== 'events' || segments.length < 2) return undefined;
  const tail = segments.slice(2);
  // A decoded "%2F" is part of a segment, not a separator: `on-demand%2Fsummary` is no route.
  if (tail.some((segment) => segment.includes('/'))) return undefined;
  const rest = tail.map((segment) => `/${segment}`).join('');
  for (const name of Object.keys(ROUTES) as RouteName[]) {
    if (ROUTES[name].path === rest) return { name, route: ROUTES[name], eventId: segments[1] as string };
  }
  return undefined;
}
