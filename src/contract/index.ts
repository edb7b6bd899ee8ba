/**
 * The REST contract in code — the one place its routes, parameters, error body, cursor and
 * payloads are written. The REST adapter (browser), the MSW mock backend (browser and Node) and
 * the reference server (Node) all use it, so the three cannot drift; docs/openapi.yaml is the
 * same contract for people and other languages. Plain TypeScript over core: no DOM, no Node.
 *
 * @example
 * // a backend route
 * const query = parseStatisticsQuery(url.searchParams);
 * if (!query.ok) return json(query.problem.status, errorBody(query.problem));
 * // a client
 * fetch(statisticsPath(base, 'evt-1', new Date().toISOString(), 5));
 */
export {
  ERROR_STATUS,
  errorBody,
  inputProblem,
  parsed,
  problem,
  readErrorBody,
  refused,
  unknownEventProblem,
  type ErrorBody,
  type ErrorCode,
  type Parsed,
  type Problem,
  type ProblemDetails,
  type ReadError,
} from './errors.ts';
export {
  allRoutesPattern,
  attendancePath,
  audienceCountPath,
  audienceMembersPath,
  eventPath,
  funnelPath,
  matchRoute,
  projectionPath,
  routePattern,
  ROUTES,
  routeUrl,
  statisticsPath,
  summaryPath,
  type MatchedRoute,
  type Query,
  type Route,
  type RouteName,
} from './routes.ts';
export {
  checkJsonContentType,
  parseAudienceCountBody,
  parseAudienceCountRequest,
  parseClosingThreshold,
  parseDayRange,
  parseFunnelQuery,
  parseLevel,
  parseNow,
  parseProjectionQuery,
  parseStatisticsQuery,
  parseSummaryQuery,
  type AudienceCountQuery,
  type FunnelQuery,
  type ProjectionQuery,
  type StatisticsQuery,
} from './parameters.ts';
export { decodeCursor, encodeCursor, MAX_CURSOR_POSITION, parseCursor, staleCursorProblem, type AttendanceCursor } from './cursor.ts';
export type {
  AttendancePage,
  AudienceCountPayload,
  AudienceCountRequest,
  EventPayload,
  FunnelPayload,
  ProjectionPayload,
  StatisticsPayload,
  SummaryPayload,
} from './payloads.ts';
export {
  audiencePageOf,
  decodeAudienceCursor,
  DEFAULT_AUDIENCE_PAGE_LIMIT,
  DEFAULT_AUDIENCE_SORT,
  encodeAudienceCursor,
  MAX_AUDIENCE_PAGE_LIMIT,
  parseAudienceMembersBody,
  parseAudienceMembersRequest,
  staleAudienceCursorProblem,
  type AudienceCursor,
  type AudienceMembersPayload,
  type AudienceMembersQuery,
  type AudienceMembersRequest,
} from './audience.ts';
