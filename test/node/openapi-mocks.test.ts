/*
 * The mock backend (mocks/handlers.ts, mocks/faults.ts over MSW in Node) against the REST
 * contract docs/openapi.yaml: the document is valid OpenAPI 3.1, and every answer of the mock —
 * each scenario on every route, the errors for bad input, every fault — conforms to it.
 * Known disagreements run as `it.fails` (see MISMATCHES).
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faultHandlers, FAULTS, REFERENCE_NOW, restHandlers, scenarioData, SCENARIO_NAMES, type Fault, type FaultOptions } from '../../mocks/index.ts';
import { describeErrorAnswers, describeGoodAnswers, methodOf, pathOf, postJson, recorded, ROUTES, type ContractBackend, type Route } from '../contract/cases.ts';
import { checkAnswer, checkDocumentSchemas, checkRequest, checkSchema, documentedStatuses, loadContract, validateDocument, type RecordedAnswer } from '../contract/openapi.ts';

// Pages of 97 records: several pages per scenario, and one page that holds the last registrants
// and the first views. The 200 000-registrant scenario is read in the mock's default pages of 5 000.
const baseUrl = 'https://contract.example.test/api';
const hugeBaseUrl = 'https://contract-huge.example.test/api';
const server = setupServer(...restHandlers({ baseUrl, pageSize: 97 }), ...restHandlers({ baseUrl: hugeBaseUrl }));

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const backend: ContractBackend = { send: (path, init) => recorded(`${baseUrl}${path}`, init) };
const hugeBackend: ContractBackend = { send: (path, init) => recorded(`${hugeBaseUrl}${path}`, init) };

/**
 * Where the mock answers differently from the contract: case name → why. Each runs as `it.fails`.
 * None today. (Until src/contract/ took over request parsing, the mock read `now` with
 * `new Date(text)` — text without an offset in its own zone, a bare day as UTC midnight, a non-text
 * `now` in a body as "not given" — and `closingThreshold` with `Number(text)` — `1e1` as 10, '' as 0 —
 * and took POST bodies of any Content-Type: seven cases here were `it.fails` then.)
 */
const MISMATCHES: Record<string, string> = {};

describe('the contract document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await validateDocument();
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.version).toBe('3.1');
    expect(loadContract().openapi).toMatch(/^3\.1\.\d+$/);
  });

  // Compiling every schema with Ajv in strict mode is CPU-bound: about a second on a quiet
  // machine, 7 s measured on a 2-core machine with two busy loops and other suites running.
  it('has schemas that compile as strict JSON Schema 2020-12, and examples that match them', { timeout: 60_000 }, () => {
    expect(checkDocumentSchemas()).toEqual([]);
  });

  it('documents every route with the statuses the client handles', () => {
    expect(Object.keys(loadContract().paths).sort()).toEqual(Object.values(ROUTES).sort());
    for (const route of Object.keys(ROUTES) as Route[]) {
      const statuses = documentedStatuses(methodOf(route), ROUTES[route]);
      expect(statuses, route).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '429', '500', '503', '504']));
    }
  });
});

describe('the validator', () => {
  const statistics = {
    daysRemaining: 20, phase: 'open', totalVisitors: 2, rewatchers: 1, averageWatchMinutes: 16, medianWatchMinutes: 12,
    noShowWatchMinutes: 36, rewatchWatchMinutes: 12, reportedThrough: '2026-04-30', diagnostics: [],
  };
  const ok = (body: unknown, status = 200, headers: Record<string, string> = {}): RecordedAnswer => ({
    status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body),
  });
  const template = ROUTES.statistics;

  it('accepts a right answer', () => {
    expect(checkAnswer('GET', template, ok(statistics))).toEqual([]);
  });

  it.each<[string, RecordedAnswer, RegExp]>([
    ['an unknown phase', ok({ ...statistics, phase: 'half-open' }), /body\.phase must be equal to one of the allowed values/],
    ['a missing field', ok({ ...statistics, rewatchers: undefined }), /body must have required property 'rewatchers'/],
    ['a number as text', ok({ ...statistics, totalVisitors: '2' }), /body\.totalVisitors must be integer/],
    ['more than 30 days remaining', ok({ ...statistics, daysRemaining: 31 }), /body\.daysRemaining must be <= 30/],
    ['a day that does not exist', ok({ ...statistics, reportedThrough: '2026-02-30' }), /body\.reportedThrough must match format "date"/],
    ['an extra field', ok({ ...statistics, visitors: 3 }), /must NOT have additional properties \("visitors"\)/],
    ['a diagnostic with an unknown code', ok({ ...statistics, diagnostics: [{ code: 'view-odd', message: 'x' }] }), /body\.diagnostics\[0\]\.code must be equal to one of the allowed values/],
    ['a status the operation does not document', ok(statistics, 418), /status 418 is not documented for this operation/],
    ['an error body of another shape', ok({ message: 'nope' }, 500), /body must have required property 'error'/],
    ['the wrong error code for the status', ok({ error: { code: 'internal', message: 'x' } }, 404), /body\.error\.code must be equal to constant \("not-found"\)/],
    ['a 429 without Retry-After', ok({ error: { code: 'rate-limited', message: 'x' } }, 429), /header Retry-After is required/],
    ['a Retry-After that is neither seconds nor a date', ok({ error: { code: 'rate-limited', message: 'x' } }, 429, { 'retry-after': 'soon' }), /header Retry-After must match pattern/],
    ['a body that is not JSON', { status: 200, headers: { 'content-type': 'application/json' }, body: '{"daysRemaining": 2' }, /the body is not JSON/],
    ['a body sent as text/html', { status: 200, headers: { 'content-type': 'text/html' }, body: '<p>hi</p>' }, /Content-Type "text\/html" is not documented/],
  ])('rejects %s', (_, answer, problem) => {
    const problems = checkAnswer('GET', template, answer);
    expect(problems.join('\n')).toMatch(problem);
  });

  it('rejects an answer for a route or method the contract does not have', () => {
    expect(checkAnswer('GET', '/events/{eventId}/secrets', ok({}))).toEqual([expect.stringMatching(/no path/)]);
    expect(checkAnswer('DELETE', ROUTES.event, ok({}))).toEqual([expect.stringMatching(/no DELETE/)]);
  });

  it('checks named schemas and requests', () => {
    expect(checkSchema('AttendanceCriteria', { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'in-past', days: 7 } })).toEqual([]);
    expect(checkSchema('AttendanceCriteria', { version: 1, kind: 'has-attended', watchDate: { operator: 'in-past', days: 7 } }).join('\n')).toMatch(/must have required property 'eventMode'/);
    expect(checkRequest('GET', ROUTES.statistics, { path: { eventId: 'e' }, query: { now: '2026-03-19T14:00:00Z', closingThreshold: '5' } })).toEqual([]);
    expect(checkRequest('GET', ROUTES.statistics, { path: { eventId: 'e' }, query: { soon: '1' } })).toEqual([expect.stringMatching(/query parameter soon is not documented/)]);
  });

  it('fails a broken document', async () => {
    const broken = structuredClone(loadContract()) as unknown as Record<string, unknown>;
    delete broken['info'];
    const result = await validateDocument(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/info/);
  });
});

describe('mock backend: good requests on every route', () => {
  describeGoodAnswers({ backend, events: SCENARIO_NAMES.filter((name) => name !== 'huge'), now: REFERENCE_NOW, mismatches: MISMATCHES });
  describeGoodAnswers({ backend: hugeBackend, events: ['huge'], now: REFERENCE_NOW, mismatches: MISMATCHES, light: true, timeoutMs: 120_000 });

  it('serves a page that ends the registrants and starts the views', async () => {
    const { attendance } = scenarioData('mid-window');
    const straddling = Math.floor(attendance.registrants.length / 97);
    let cursor: string | null = null;
    for (let page = 0; page <= straddling; page++) {
      const answer = await backend.send(pathOf('attendance', 'mid-window', cursor === null ? undefined : { cursor }));
      expect(checkAnswer('GET', ROUTES.attendance, answer)).toEqual([]);
      const body = JSON.parse(answer.body) as { registrants: unknown[]; views: unknown[]; nextCursor: string | null };
      if (page === straddling) {
        expect(body.registrants.length).toBeGreaterThan(0);
        expect(body.views.length).toBeGreaterThan(0);
      }
      cursor = body.nextCursor;
    }
  });
});

describe('mock backend: errors for bad input', () => {
  describeErrorAnswers({ backend, event: scenarioData('mid-window').event, mismatches: MISMATCHES });
});

describe('mock backend: every fault', () => {
  const EVENT = 'mid-window';
  const calls: [Route, 'GET' | 'POST', string, RequestInit][] = [
    ['event', 'GET', pathOf('event', EVENT), {}],
    ['attendance', 'GET', pathOf('attendance', EVENT), {}],
    ['summary', 'GET', pathOf('summary', EVENT), {}],
    ['statistics', 'GET', pathOf('statistics', EVENT, { now: REFERENCE_NOW.toISOString() }), {}],
    ['audienceCount', 'POST', pathOf('audienceCount', EVENT), postJson({ criteria: { version: 1, kind: 'has-attended' }, now: REFERENCE_NOW.toISOString() })],
    ['funnel', 'GET', pathOf('funnel', EVENT, { now: REFERENCE_NOW.toISOString() }), {}],
    ['projection', 'GET', pathOf('projection', EVENT, { now: REFERENCE_NOW.toISOString() }), {}],
  ];
  const use = (fault: Fault, options: Omit<FaultOptions, 'baseUrl'> = {}) => server.use(...faultHandlers(fault, { baseUrl, ...options }));

  /** How each fault must look on the wire: a documented answer, or (for the faults that model a broken backend) one the validator refuses. */
  const expectations: Record<Fault, (answers: () => Promise<[Route, 'GET' | 'POST', RecordedAnswer][]>) => Promise<void>> = {
    'server-error': async (answers) => {
      for (const [route, method, answer] of await answers()) {
        expect(answer.status).toBe(500);
        expect(checkAnswer(method, ROUTES[route], answer)).toEqual([]);
      }
    },
    'unavailable-then-ok': async (answers) => {
      // `times` = one per route: the first answer of each route is a 503, the second the normal answer.
      for (const [route, method, answer] of await answers()) {
        expect(answer.status).toBe(503);
        expect(checkAnswer(method, ROUTES[route], answer)).toEqual([]);
      }
      for (const [route, method, answer] of await answers()) {
        expect(answer.status).toBe(200);
        expect(checkAnswer(method, ROUTES[route], answer)).toEqual([]);
      }
    },
    'rate-limited': async (answers) => {
      for (const [route, method, answer] of await answers()) {
        expect(answer.status).toBe(429);
        expect(answer.headers instanceof Headers ? answer.headers.get('retry-after') : undefined).toBe('1');
        expect(checkAnswer(method, ROUTES[route], answer)).toEqual([]);
      }
    },
    slow: async (answers) => {
      for (const [route, method, answer] of await answers()) {
        expect(answer.status).toBe(200);
        expect(checkAnswer(method, ROUTES[route], answer)).toEqual([]);
      }
    },
    'malformed-json': async (answers) => {
      // Models a backend that breaks the contract: the validator must say so.
      for (const [route, method, answer] of await answers()) expect(checkAnswer(method, ROUTES[route], answer)).toEqual([expect.stringMatching(/the body is not JSON/)]);
    },
    'wrong-shape': async (answers) => {
      // Models a backend that speaks another schema: the validator must say so.
      for (const [route, method, answer] of await answers()) {
        expect(answer.status).toBe(200);
        expect(checkAnswer(method, ROUTES[route], answer).join('\n')).toMatch(/additional properties|required property/);
      }
    },
    'not-found': async (answers) => {
      for (const [route, method, answer] of await answers()) {
        expect(answer.status).toBe(404);
        expect(checkAnswer(method, ROUTES[route], answer)).toEqual([]);
      }
    },
    unauthorized: async (answers) => {
      for (const [route, method, answer] of await answers()) {
        expect(answer.status).toBe(401);
        expect(checkAnswer(method, ROUTES[route], answer)).toEqual([]);
      }
    },
  };

  it('covers every fault of mocks/faults.ts', () => {
    expect(Object.keys(expectations).sort()).toEqual([...FAULTS].sort());
  });

  for (const fault of FAULTS) {
    it(`${fault}: every route`, async () => {
      use(fault, fault === 'slow' ? { delayMs: 5 } : fault === 'unavailable-then-ok' ? { times: calls.length } : {});
      const answers = async () => Promise.all(calls.map(async ([route, method, path, init]) => [route, method, await backend.send(path, { method, ...init })] as [Route, 'GET' | 'POST', RecordedAnswer]));
      await expectations[fault](answers);
    });
  }

  it('rate-limited with Retry-After as an HTTP date', async () => {
    use('rate-limited', { retryAfter: 'Thu, 19 Mar 2026 14:02:00 GMT' });
    const answer = await backend.send(pathOf('event', EVENT));
    expect(answer.status).toBe(429);
    expect(checkAnswer('GET', ROUTES.event, answer)).toEqual([]);
  });
});
