/*
 * The adapter conformance suite against the REST adapter with push-down, talking to the
 * reference server over a real PostgreSQL: every push-down answer must equal core's answer on
 * the attendance the same server serves — diagnostics compared exactly. Events in New York and
 * Amsterdam (one with a DST change in its window), open, closed and upcoming; the funnel and the
 * projection are checked at clocks across each window.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createRestAdapter } from '../../src/adapters/index.ts';
import { runAdapterConformance } from '../../src/testing/index.ts';
import { REFERENCE_NOW, scenarioData } from '../../mocks/index.ts';
import { loadWebinar } from '../../server/load.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';
import { datasets } from './datasets.ts';

const SCENARIOS = ['mid-window', 'bad-records', 'closed', 'upcoming', 'just-ended'] as const;
// Amsterdam, reported a week into its window (its projection is the model's, not a final count).
const AMSTERDAM = datasets().filter((data) => data.event.id === 'amsterdam-dst');

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  database = await createTestDatabase('conformance');
  for (const name of SCENARIOS) await loadWebinar(database.pool, scenarioData(name));
  for (const data of AMSTERDAM) await loadWebinar(database.pool, data);
  server = await startTestServer(database.pool, { pageSize: 100 });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const EVENTS: [string, Date][] = [...SCENARIOS.map((name): [string, Date] => [name, REFERENCE_NOW]), ...AMSTERDAM.map((data): [string, Date] => [data.event.id, data.clocks[0] as Date])];

for (const [eventId, now] of EVENTS) {
  runAdapterConformance(() => createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0 }), {
    describe,
    it,
    name: `REST adapter over the PostgreSQL reference server (${eventId}, pages of 100)`,
    eventId,
    now,
    strictAbort: true,
    expectPushDown: true,
    diagnostics: 'exact',
  });
}
