import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../core/index.ts';
import { decodeCursor, encodeCursor, MAX_CURSOR_POSITION, parseCursor, staleCursorProblem, type AttendanceCursor } from './cursor.ts';

describe('attendance cursor codec', () => {
  it('writes list, position and snapshot day', () => {
    expect(encodeCursor({ list: 'registrants', position: 0, reportedThrough: '2026-03-18' })).toBe('r0@2026-03-18');
    expect(encodeCursor({ list: 'views', position: 4200, reportedThrough: '2026-03-18' })).toBe('v4200@2026-03-18');
  });

  // A property test (fast-check): well under a second idle; 30 s so a busy CI host cannot fail it on time alone.
  it('round-trips every cursor', { timeout: 30_000 }, () => {
    const cursors = fc.record<AttendanceCursor>({
      list: fc.constantFrom('registrants', 'views'),
      position: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: MAX_CURSOR_POSITION }), fc.constant(MAX_CURSOR_POSITION)),
      reportedThrough: fc.integer({ min: -400_000, max: 2_900_000 }).map((days) => addDays('1970-01-01', days)),
    });
    fc.assert(
      fc.property(cursors, (cursor) => {
        const text = encodeCursor(cursor);
        expect(decodeCursor(text)).toEqual(cursor);
        expect(encodeCursor(decodeCursor(text) as AttendanceCursor)).toBe(text);
      }),
    );
  });

  it.each([
    '',
    'garbage',
    'r',
    'r@2026-03-18',
    'r-1@2026-03-18',
    'r+1@2026-03-18',
    'r1.5@2026-03-18',
    'r05@2026-03-18',
    'x5@2026-03-18',
    'R5@2026-03-18',
    'r99999999999@2026-03-18',
    `r${MAX_CURSOR_POSITION + 1}@2026-03-18`,
    'r5@2026-02-30',
    'r5@2026-3-18',
    'r5@',
    'r5',
    '5@2026-03-18',
    'r5@2026-03-18 ',
    'r5@2026-03-18@2026-03-18',
  ])('refuses %j', (text) => {
    expect(decodeCursor(text)).toBeNull();
    const parsed = parseCursor(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && [parsed.problem.status, parsed.problem.code, parsed.problem.field]).toEqual([400, 'invalid-cursor', 'cursor']);
  });

  it('reads an absent cursor as the first page', () => {
    expect(parseCursor(null)).toEqual({ ok: true, value: undefined });
    expect(parseCursor(undefined)).toEqual({ ok: true, value: undefined });
    expect(parseCursor('v7@2026-03-18')).toEqual({ ok: true, value: { list: 'views', position: 7, reportedThrough: '2026-03-18' } });
  });

  it.each<[string, AttendanceCursor]>([
    ['a negative position', { list: 'views', position: -1, reportedThrough: '2026-03-18' }],
    ['a fraction', { list: 'views', position: 1.5, reportedThrough: '2026-03-18' }],
    ['a position too large', { list: 'views', position: MAX_CURSOR_POSITION + 1, reportedThrough: '2026-03-18' }],
    ['a day that does not exist', { list: 'views', position: 1, reportedThrough: '2026-02-30' }],
    ['an unknown list', { list: 'people' as 'views', position: 1, reportedThrough: '2026-03-18' }],
  ])('will not encode %s (a backend bug)', (_name, cursor) => {
    expect(() => encodeCursor(cursor)).toThrow(RangeError);
  });

  it('has a 409 for a snapshot that is gone', () => {
    expect(staleCursorProblem('evt-1', '2026-03-19')).toMatchObject({ status: 409, code: 'stale-cursor', field: 'cursor', message: expect.stringContaining('now reported through 2026-03-19') });
  });
});
