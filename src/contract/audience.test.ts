import { describe, expect, it } from 'vitest';
import type { AudienceMember } from '../core/index.ts';
import { audiencePageOf, decodeAudienceCursor, encodeAudienceCursor, parseAudienceMembersBody, parseAudienceMembersRequest } from './audience.ts';

const criteria = { version: 1, kind: 'has-attended' };

describe('audience cursors', () => {
  it('round-trip, and refuse what this kit does not give out', () => {
    expect(encodeAudienceCursor({ position: 100, reportedThrough: '2026-03-18' })).toBe('p100@2026-03-18');
    expect(decodeAudienceCursor('p100@2026-03-18')).toEqual({ position: 100, reportedThrough: '2026-03-18' });
    for (const text of ['', 'p@2026-03-18', 'p01@2026-03-18', 'r0@2026-03-18', 'p1@2026-02-30', 'p99999999999@2026-03-18', 42]) expect(decodeAudienceCursor(text)).toBeNull();
    expect(() => encodeAudienceCursor({ position: -1, reportedThrough: '2026-03-18' })).toThrow(RangeError);
  });
});

describe('parseAudienceMembersBody', () => {
  it('reads the count body plus cursor, limit and sort, with defaults', () => {
    expect(parseAudienceMembersBody({ criteria })).toEqual({ ok: true, value: { criteria, now: undefined, cursor: undefined, limit: 100, sort: { by: 'leadId', direction: 'ascending' } } });
    const full = parseAudienceMembersBody({ criteria, now: '2026-03-19T14:00:00Z', cursor: 'p5@2026-03-18', limit: 1000, sort: { by: 'name', direction: 'descending' } });
    expect(full).toEqual({
      ok: true,
      value: { criteria, now: new Date('2026-03-19T14:00:00Z'), cursor: { position: 5, reportedThrough: '2026-03-18' }, limit: 1000, sort: { by: 'name', direction: 'descending' } },
    });
  });

  it.each<[string, unknown, string, string | undefined]>([
    ['not an object', [], 'invalid-request', undefined],
    ['invalid criteria', { criteria: { version: 1, kind: 'nope' } }, 'invalid-criteria', 'criteria'],
    ['now without an offset', { criteria, now: '2026-03-19T14:00:00' }, 'invalid-request', 'now'],
    ['a cursor of the attendance', { criteria, cursor: 'r0@2026-03-18' }, 'invalid-cursor', 'cursor'],
    ['limit 0', { criteria, limit: 0 }, 'invalid-request', 'limit'],
    ['limit 1001', { criteria, limit: 1001 }, 'invalid-request', 'limit'],
    ['limit 1.5', { criteria, limit: 1.5 }, 'invalid-request', 'limit'],
    ['limit as text', { criteria, limit: '10' }, 'invalid-request', 'limit'],
    ['an unknown column', { criteria, sort: { by: 'age', direction: 'ascending' } }, 'invalid-request', 'sort'],
    ['a direction missing', { criteria, sort: { by: 'name' } }, 'invalid-request', 'sort'],
  ])('refuses %s', (_, body, code, field) => {
    const result = parseAudienceMembersBody(body);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe(code);
      expect(result.problem.field).toBe(field);
    }
  });

  it('checks the media type and JSON first', () => {
    expect(parseAudienceMembersRequest('text/plain', JSON.stringify({ criteria }))).toMatchObject({ ok: false, problem: { status: 415 } });
    expect(parseAudienceMembersRequest('application/json', '{ nope')).toMatchObject({ ok: false, problem: { code: 'invalid-request' } });
  });
});

describe('audiencePageOf', () => {
  const people: AudienceMember[] = ['a', 'b', 'c', 'd', 'e'].map((leadId) => ({ leadId, status: 'no-show', onDemandMinutes: 0, onDemandViews: 0, firstWatched: null, lastWatched: null }));
  const page = (cursor: string | undefined, limit: number, reportedThrough = '2026-03-18') =>
    audiencePageOf(people, { cursor: cursor === undefined ? undefined : (decodeAudienceCursor(cursor) ?? undefined), limit }, reportedThrough, 'evt');

  it('cuts pages with cursors to the next, null after the last', () => {
    expect(page(undefined, 2)).toEqual({ ok: true, value: { members: people.slice(0, 2), nextCursor: 'p2@2026-03-18', total: 5, reportedThrough: '2026-03-18' } });
    expect(page('p4@2026-03-18', 2)).toEqual({ ok: true, value: { members: people.slice(4), nextCursor: null, total: 5, reportedThrough: '2026-03-18' } });
    expect(page('p9@2026-03-18', 2)).toEqual({ ok: true, value: { members: [], nextCursor: null, total: 5, reportedThrough: '2026-03-18' } });
    expect(audiencePageOf([], { cursor: undefined, limit: 10 }, '2026-03-18', 'evt')).toEqual({ ok: true, value: { members: [], nextCursor: null, total: 0, reportedThrough: '2026-03-18' } });
  });

  it('refuses a cursor of other data with 409 stale-cursor', () => {
    expect(page('p2@2026-03-17', 2)).toMatchObject({ ok: false, problem: { status: 409, code: 'stale-cursor', field: 'cursor' } });
  });
});
