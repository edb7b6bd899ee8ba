/*
 * The audience list on the reference server (`POST …/audience/members`), beyond the conformance
 * suite's equality with core: paging by cursor, a cursor from before a daily report (409), the
 * empty list, and names and e-mails served back with the attendance as given.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceMembers, sortAudienceMembers, type AttendanceCriteria } from '../../src/core/index.ts';
import { REFERENCE_NOW, scenarioData } from '../../mocks/index.ts';
import { loadWebinar } from '../../server/load.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  database = await createTestDatabase('audience-members');
  for (const name of ['mid-window', 'closed', 'bad-records'] as const) await loadWebinar(database.pool, scenarioData(name));
  server = await startTestServer(database.pool, { pageSize: 100 });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function members(eventId: string, body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}/events/${eventId}/audience/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('POST …/audience/members on the reference server', () => {
  it.each(['closed', 'mid-window', 'bad-records'])('%s: pages of 37 by name equal core, and end with a null cursor', async (eventId) => {
    const data = scenarioData(eventId as "closed");
    const criteria: AttendanceCriteria = { version: 1, kind: 'has-attended', eventMode: 'on-demand' };
    const expected = sortAudienceMembers(audienceMembers(data.event, data.attendance, criteria, REFERENCE_NOW), { by: 'name', direction: 'ascending' });
    const seen: unknown[] = [];
    let cursor: string | null | undefined;
    do {
      const answer = await members(eventId, { criteria, now: REFERENCE_NOW.toISOString(), limit: 37, sort: { by: 'name', direction: 'ascending' }, ...(cursor ? { cursor } : {}) });
      expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
      expect(answer.body.total).toBe(expected.length);
      seen.push(...(answer.body.members as unknown[]));
      cursor = answer.body.nextCursor as string | null;
    } while (cursor !== null);
    expect(seen).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(server.errors).toEqual([]);
  });

  it('answers an empty list with total 0 and no cursor', async () => {
    const answer = await members('mid-window', { criteria: { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'is', date: '2020-01-01' } }, now: REFERENCE_NOW.toISOString() });
    expect(answer).toEqual({ status: 200, body: { members: [], nextCursor: null, total: 0, reportedThrough: expect.any(String) } });
  });

  it('refuses a cursor of another reportedThrough with 409 stale-cursor', async () => {
    const answer = await members('mid-window', { criteria: { version: 1, kind: 'has-attended' }, cursor: 'p10@2001-01-01' });
    expect(answer.status, JSON.stringify(server.errors.map(String))).toBe(409);
    expect((answer.body.error as { code: string }).code).toBe('stale-cursor');
  });

  it('serves names and e-mails back with the attendance, as given', async () => {
    const response = await fetch(`${server.baseUrl}/events/mid-window/attendance`);
    const page = (await response.json()) as { registrants: Record<string, unknown>[] };
    const given = scenarioData('mid-window').attendance.registrants.slice(0, page.registrants.length);
    expect(page.registrants).toEqual(given);
  });
});
