/*
 * `npm run db:load` with files people write: a small export written by hand
 * (fixtures/hand-written-export.json: a Kathmandu event, UTC+05:45, with a duplicate, an unknown
 * status, a numeric lead id, plays in seconds ÷ 60, bad dates and minutes, a view at the local
 * midnight) loads, and the server then answers exactly as core on the file's content; a daily
 * report file appends; files that are not in the kit's format are refused with the field at
 * fault, exit status 1, and nothing changed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestAdapter } from '../../src/adapters/index.ts';
import { dailyOnDemandVisitors, onDemandStatistics, selectAudience, type Attendance, type WebinarEvent } from '../../src/core/index.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/db-load.ts', import.meta.url));
const EXPORT = fileURLToPath(new URL('./fixtures/hand-written-export.json', import.meta.url));
const REPORT = fileURLToPath(new URL('./fixtures/hand-written-report.json', import.meta.url));
const exported = JSON.parse(readFileSync(EXPORT, 'utf8')) as { event: WebinarEvent; attendance: Attendance };
const report = JSON.parse(readFileSync(REPORT, 'utf8')) as { reportedThrough: string; views: Attendance['views'] };

let database: TestDatabase;
let scratch: string;

beforeAll(async () => {
  database = await createTestDatabase('dbload');
  scratch = mkdtempSync(join(tmpdir(), 'odw-db-load-'));
});

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await database?.drop();
});

/** Runs `npm run db:load -- …args` against the test database. */
function dbLoad(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

async function storedViews(eventId: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM odw.views WHERE event_id = $1', [eventId]);
  return (rows[0] as { n: number }).n;
}

// Each run starts Node and connects to the database: seconds on a busy machine.
describe('npm run db:load', { timeout: 90_000 }, () => {
  it('loads a hand-written export; the server then answers as core on it', async () => {
    const result = dbLoad('--file', EXPORT);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/loaded event "kathmandu-town-hall": 8 registrants, 15 views in [\d.]+ s; 12 records diagnosed/);
    // 3 registrants (an unknown status, a duplicate, no lead id) and 9 views, as core diagnoses them.
    expect(dailyOnDemandVisitors(exported.event, exported.attendance).diagnostics).toHaveLength(12);
    const server = await startTestServer(database.pool);
    try {
      const adapter = createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0 });
      const { event, attendance } = exported;
      const now = new Date('2026-03-24T12:00:00Z');
      expect(await adapter.getDailySummary!(event.id, undefined)).toEqual(dailyOnDemandVisitors(event, attendance));
      expect(await adapter.getStatistics!(event.id, { now })).toEqual(onDemandStatistics(event, attendance, now));
      const isTen = { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'is', minutes: 10 } } as const;
      // Ana's 1 s + 3 s + 596 s on the 21st: exactly 10 minutes.
      expect(selectAudience(event, attendance, isTen, now)).toEqual(['ana']);
      expect(await adapter.countAudience!(event.id, isTen, { now })).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('appends a hand-written daily report', async () => {
    const result = dbLoad('--append', 'kathmandu-town-hall', '--file', REPORT);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/appended 3 views to event "kathmandu-town-hall", reported through 2026-03-23 → 2026-03-25/);
    const server = await startTestServer(database.pool);
    try {
      const { event, attendance } = exported;
      const joined: Attendance = { ...attendance, views: [...attendance.views, ...report.views], reportedThrough: report.reportedThrough };
      const adapter = createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0 });
      expect(await adapter.getDailySummary!(event.id, undefined)).toEqual(dailyOnDemandVisitors(event, joined));
    } finally {
      await server.close();
    }
  });

  it('refuses files not in the kit’s format, naming what is wrong, and changes nothing', async () => {
    const before = await storedViews('kathmandu-town-hall');
    const event = exported.event;
    const cases: [string, string, RegExp][] = [
      ['not-json.json', '{ "event": ', /not JSON/],
      ['array.json', '[]', /must hold one JSON object \{ "event": …, "attendance": … \}/],
      ['no-attendance.json', JSON.stringify({ event }), /attendance: is missing/],
      ['event-string.json', JSON.stringify({ event: 'kathmandu', attendance: exported.attendance }), /event: must be an object/],
      ['bad-zone.json', JSON.stringify({ event: { ...event, timeZone: 'Asia/Atlantis' }, attendance: exported.attendance }), /event\.timeZone/],
      ['no-offset.json', JSON.stringify({ event: { ...event, endsAt: '2026-03-20T18:00:00' }, attendance: exported.attendance }), /event\.endsAt/],
      ['views-object.json', JSON.stringify({ event, attendance: { ...exported.attendance, views: {} } }), /attendance\.views: must be an array/],
      ['minutes-text.json', JSON.stringify({ event, attendance: { ...exported.attendance, views: [{ leadId: 'ana', viewedAt: '2026-03-21T09:00:00Z', minutes: '5' }] } }), /attendance\.views\[0\]\.minutes: must be a number, got string/],
      ['reported-day.json', JSON.stringify({ event, attendance: { ...exported.attendance, reportedThrough: '23/03/2026' } }), /attendance\.reportedThrough: must be a day YYYY-MM-DD/],
    ];
    for (const [name, content, message] of cases) {
      const result = dbLoad('--file', file(name, content));
      expect(result.status, name).toBe(1);
      expect(result.stderr, name).toMatch(/not loaded, nothing changed/);
      expect(result.stderr, name).toMatch(message);
    }
    expect(dbLoad('--file', join(scratch, 'missing.json'))).toMatchObject({ status: 1, stderr: expect.stringMatching(/cannot read it/) });
    expect(dbLoad('--append', 'kathmandu-town-hall', '--file', file('going-back.json', JSON.stringify({ reportedThrough: '2026-03-01', views: [] })))).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/must not be before the stored reportedThrough 2026-03-25/),
    });
    expect(dbLoad()).toMatchObject({ status: 2, stderr: expect.stringMatching(/usage: npm run db:load/) });
    expect(await storedViews('kathmandu-town-hall')).toBe(before);
  });
});
