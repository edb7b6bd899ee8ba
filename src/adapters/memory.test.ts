import { describe, expect, it, vi } from 'vitest';
import { dailyOnDemandVisitors, onDemandStatistics, selectAudience, type Attendance, type WebinarEvent } from '../core/index.ts';
import { rejection } from '../../test/fixtures/adapter-rejection.ts';
import { createMemoryAdapter } from './memory.ts';

const event: WebinarEvent = { id: 'e1', name: 'Launch', startsAt: '2026-03-20T15:00:00Z', endsAt: '2026-03-20T16:00:00Z', timeZone: 'Europe/Amsterdam' };
const attendance: Attendance = {
  registrants: [{ leadId: 'A', status: 'No Show' }, { leadId: 'B', status: 'Attended', liveMinutes: 50 }, { leadId: 'C', status: 'Registered' }],
  views: [{ leadId: 'A', viewedAt: '2026-03-21T10:00:00Z', minutes: 12 }, { leadId: 'B', viewedAt: '2026-03-22T10:00:00Z', minutes: 5 }],
  reportedThrough: '2026-03-25',
};
const now = new Date('2026-03-26T09:00:00Z');

describe('createMemoryAdapter', () => {
  it('serves events and attendance', async () => {
    const adapter = createMemoryAdapter({ events: [{ event, attendance }] });
    expect(await adapter.getEvent('e1')).toEqual(event);
    expect(await adapter.getAttendance('e1')).toEqual(attendance);
  });

  it('hands out copies: changing an answer does not change the data', async () => {
    const adapter = createMemoryAdapter({ events: [{ event, attendance }] });
    const first = await adapter.getAttendance('e1');
    (first.registrants[0] as { status: string }).status = 'Attended';
    (first.views as unknown[]).length = 0;
    (await adapter.getEvent('e1')).name = 'changed';
    expect(await adapter.getAttendance('e1')).toEqual(attendance);
    expect((await adapter.getEvent('e1')).name).toBe('Launch');
  });

  it('copies a big event in slices, giving the event loop back in between', async () => {
    // Copied in one piece, 300 000 views were one task of tens to hundreds of milliseconds (mostly garbage collection).
    const views = Array.from({ length: 300_000 }, (_, index) => ({ leadId: 'A', viewedAt: '2026-03-21T10:00:00Z', minutes: index % 60 }));
    const adapter = createMemoryAdapter({ events: [{ event, attendance: { ...attendance, views } }] });
    let ticks = 0;
    let done = false;
    const tick = () => {
      if (done) return;
      ticks++;
      setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const copy = await adapter.getAttendance('e1');
    done = true;
    expect(copy.views).toHaveLength(views.length);
    expect(copy.views.at(-1)).toEqual(views.at(-1));
    expect(copy.views.at(-1)).not.toBe(views.at(-1));
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops copying a big event when aborted', async () => {
    const views = Array.from({ length: 300_000 }, () => ({ leadId: 'A', viewedAt: '2026-03-21T10:00:00Z', minutes: 1 }));
    const adapter = createMemoryAdapter({ events: [{ event, attendance: { ...attendance, views } }] });
    const controller = new AbortController();
    const pending = adapter.getAttendance('e1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 0);
    expect((await rejection(pending)).kind).toBe('aborted');
  });

  it('rejects an unknown id with "not-found"', async () => {
    const error = await rejection(createMemoryAdapter({ events: [] }).getEvent('nope'));
    expect(error.kind).toBe('not-found');
    expect(error.message).toBe('Event "nope" was not found.');
  });

  it('refuses two events with one id', () => {
    expect(() => createMemoryAdapter({ events: [{ event, attendance }, { event, attendance }] })).toThrow(/two events have the id "e1"/);
  });

  it('honours abort during its latency, at once', async () => {
    const adapter = createMemoryAdapter({ events: [{ event, attendance }], latencyMs: 10_000 });
    const controller = new AbortController();
    const pending = adapter.getAttendance('e1', { signal: controller.signal });
    const started = Date.now();
    controller.abort();
    expect((await rejection(pending)).kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('offers no push-down unless asked, and only what is asked', () => {
    const none = createMemoryAdapter({ events: [] });
    expect([none.getDailySummary, none.getStatistics, none.countAudience]).toEqual([undefined, undefined, undefined]);
    const some = createMemoryAdapter({ events: [], pushDown: { statistics: true } });
    expect([typeof some.getDailySummary, typeof some.getStatistics, typeof some.countAudience]).toEqual(['undefined', 'function', 'undefined']);
  });

  it('computes push-downs with core', async () => {
    const adapter = createMemoryAdapter({ events: [{ event, attendance }], pushDown: true });
    const range = { from: '2026-03-21', to: '2026-03-23' };
    expect(await adapter.getDailySummary!('e1', range)).toEqual(dailyOnDemandVisitors(event, attendance, range));
    expect(await adapter.getStatistics!('e1', { now, closingThreshold: 7 })).toEqual(onDemandStatistics(event, attendance, now, { closingThreshold: 7 }));
    const criteria = { version: 1, kind: 'has-attended', eventMode: 'on-demand' } as const;
    expect(await adapter.countAudience!('e1', criteria, { now })).toBe(selectAudience(event, attendance, criteria, now).length);
  });

  it('maps core errors: the caller’s range or criteria → "invalid-request", bad held data → "invalid-response"', async () => {
    const adapter = createMemoryAdapter({ events: [{ event, attendance }, { event: { ...event, id: 'broken', endsAt: 'soon' }, attendance }], pushDown: true });
    const range = await rejection(adapter.getDailySummary!('e1', { from: '2026-05-01', to: '2026-05-02' }));
    expect(range.kind).toBe('invalid-request');
    expect(range.message).toMatch(/outside the on-demand window/);
    const criteria = await rejection(adapter.countAudience!('e1', { version: 1, kind: 'has-attended', eventMode: 'live', watchDuration: { operator: 'at-least', minutes: 1 } }, { now }));
    expect(criteria.kind).toBe('invalid-request');
    expect(criteria.message).toMatch(/^Invalid criteria: watchDuration: /);
    expect((await rejection(adapter.getStatistics!('e1', { now: new Date(Number.NaN) }))).kind).toBe('invalid-request');
    const broken = await rejection(adapter.getStatistics!('broken', { now }));
    expect(broken.kind).toBe('invalid-response');
    expect(broken.message).toMatch(/event\.endsAt/);
  });

  it.each([
    ['data', 'now', 'invalid-response'],
    ['request', 'event.endsAt', 'invalid-request'],
  ] as const)('decides by the error’s origin, not its field name (origin %s, field %s → %s)', async (origin, field, kind) => {
    vi.resetModules();
    vi.doMock('../core/index.ts', async (importOriginal) => {
      // The fresh module graph has its own error classes: throw the one memory.ts will see.
      const core = await importOriginal<typeof import('../core/index.ts')>();
      return {
        ...core,
        onDemandStatistics: () => {
          throw new core.InvalidInputError(field, `${field} is wrong.`, origin);
        },
      };
    });
    try {
      const fresh = await import('./memory.ts');
      const error = await rejection(fresh.createMemoryAdapter({ events: [{ event, attendance }], pushDown: true }).getStatistics!('e1', { now }));
      expect([error.kind, error.message]).toEqual([kind, `${field} is wrong.`]);
    } finally {
      vi.doUnmock('../core/index.ts');
      vi.resetModules();
    }
  });
});
