import { describe, expect, it } from 'vitest';
import { allRoutesPattern, attendancePath, audienceCountPath, eventPath, funnelPath, matchRoute, projectionPath, routePattern, ROUTES, routeUrl, statisticsPath, summaryPath, type RouteName } from './routes.ts';

const base = 'https://api.example.test/v1';

describe('URL builders', () => {
  it('build every route below /events/{id}, the id encoded', () => {
    expect(eventPath(base, 'evt/1 ?')).toBe(`${base}/events/evt%2F1%20%3F`);
    expect(attendancePath(base, 'e1')).toBe(`${base}/events/e1/attendance`);
    expect(attendancePath(base, 'e1', null)).toBe(`${base}/events/e1/attendance`);
    expect(attendancePath(base, 'e1', 'v12@2026-03-18')).toBe(`${base}/events/e1/attendance?cursor=v12%402026-03-18`);
    expect(summaryPath(base, 'e1')).toBe(`${base}/events/e1/on-demand/summary`);
    expect(summaryPath(base, 'e1', { from: '2026-03-20', to: '2026-03-22' })).toBe(`${base}/events/e1/on-demand/summary?from=2026-03-20&to=2026-03-22`);
    expect(statisticsPath(base, 'e1', '2026-03-19T14:00:00.000Z')).toBe(`${base}/events/e1/on-demand/statistics?now=2026-03-19T14%3A00%3A00.000Z`);
    expect(statisticsPath(base, 'e1', '2026-03-19T14:00:00+01:00', 0)).toBe(`${base}/events/e1/on-demand/statistics?now=2026-03-19T14%3A00%3A00%2B01%3A00&closingThreshold=0`);
    expect(audienceCountPath(base, 'e1')).toBe(`${base}/events/e1/audience/count`);
    expect(funnelPath(base, 'e1', '2026-03-19T14:00:00.000Z')).toBe(`${base}/events/e1/program/funnel?now=2026-03-19T14%3A00%3A00.000Z`);
    expect(projectionPath(base, 'e1', '2026-03-19T14:00:00.000Z')).toBe(`${base}/events/e1/on-demand/projection?now=2026-03-19T14%3A00%3A00.000Z`);
    expect(projectionPath(base, 'e1', '2026-03-19T14:00:00.000Z', 0.95)).toBe(`${base}/events/e1/on-demand/projection?now=2026-03-19T14%3A00%3A00.000Z&level=0.95`);
  });

  it('leave out undefined query parameters', () => {
    expect(routeUrl('', 'summary', 'e', { from: undefined, to: '2026-03-20' })).toBe('/events/e/on-demand/summary?to=2026-03-20');
  });
});

describe('patterns and matching', () => {
  it('give MSW one pattern per route', () => {
    expect(routePattern(base, 'event')).toBe(`${base}/events/:id`);
    expect(routePattern(base, 'audienceCount')).toBe(`${base}/events/:id/audience/count`);
    expect(allRoutesPattern(base)).toBe(`${base}/events/*`);
  });

  it('match every route the builders write, back to its name and event id', () => {
    for (const name of Object.keys(ROUTES) as RouteName[]) {
      const path = routeUrl('', name, 'e/1').split('/').filter(Boolean).map(decodeURIComponent);
      expect(matchRoute(path)).toEqual({ name, route: ROUTES[name], eventId: 'e/1' });
    }
  });

  it.each([[[]], [['events']], [['event', 'e1']], [['events', 'e1', 'secrets']], [['events', 'e1', 'on-demand']], [['events', 'e1', 'on-demand/summary']], [['events', 'e1', 'program']], [['events', 'e1', 'program', 'funnel', 'x']], [['events', 'e1', 'attendance', 'x']]])(
    'match no route for %j',
    (segments) => {
      expect(matchRoute(segments)).toBeUndefined();
    },
  );
});
