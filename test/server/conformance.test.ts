/*
 * The adapter conformance suite against the REST adapter with push-down, talking to the
 * reference server over a real PostgreSQL: every push-down answer must equal core's answer on
 * the attendance the same server serves — diagnostics compared exactly.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createRestAdapter } from '../../src/adapters/index.ts';
import { runAdapterConformance } from '../../src/testing/index.ts';
import { REFERENCE_NOW, scenarioData } from '../../mocks/index.ts';
import { loadWebinar } from '../../server/load.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';

const SCENARIOS = ['mid-window', 'bad-records', 'closed'] as const;

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  database = await createTestDatabase('conformance');
  for (const name of SCENARIOS) await loadWebinar(database.pool, scenarioData(name));
  server = await startTestServer(database.pool, { pageSize: 100 });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

for (const eventId of SCENARIOS) {
  runAdapterConformance(() => createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0 }), {
    describe,
    it,
    name: `REST adapter over the PostgreSQL reference server (${eventId}, pages of 100)`,
    eventId,
    now: REFERENCE_NOW,
    strictAbort: true,
    expectPushDown: true,
    diagnostics: 'exact',
  });
}
