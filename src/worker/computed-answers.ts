/*
 * The aggregates an adapter offers as push-down methods, computed instead by the data layer from
 * another adapter's attendance: the same question functions (and so the same figures, errors and
 * slices) the widgets use on the page. The analysis worker answers with them, and the page does
 * wherever a worker cannot.
 */
import type { DataAdapter } from '../adapters/adapter.ts';
import { analyzeAttendanceInSteps, projectionOf } from '../core/index.ts';
import { audienceOf, requireValidCriteria } from '../core/audience.ts';
import { checkNow } from '../core/calendar.ts';
import { asAdapterFailure } from '../data/data-errors.ts';
import { eventDataSource } from '../data/event-data-source.ts';
import { funnelFrom } from '../data/funnel-question.ts';
import { projectionFrom } from '../data/projection-question.ts';
import { audiencePageFrom, statisticsFrom, summaryFrom } from '../data/questions.ts';
import type { Question } from './transfer.ts';

/** The push-down methods, each a question the data layer knows how to answer. */
export type ComputedAnswers = Required<Pick<DataAdapter, Question>>;

/**
 * `adapter`'s events' aggregates as push-down methods: the data layer downloads the attendance
 * once per event through `adapter` and computes every answer from the shared analysis (or asks
 * `adapter`'s own push-down, where it has one).
 *
 * @example
 * const answers = computedAnswers(createRestAdapter({ baseUrl: '/api' }));
 * const statistics = await answers.getStatistics('evt-1', { now: new Date() });
 */
export function computedAnswers(adapter: DataAdapter): ComputedAnswers {
  const source = (eventId: string) => eventDataSource(adapter, eventId);
  return {
    getDailySummary: (eventId, range, { signal } = {}) => summaryFrom(source(eventId), range, signal),
    getStatistics: (eventId, { now, closingThreshold, signal }) => statisticsFrom(source(eventId), now, closingThreshold, signal),
    // Not audienceCountFrom: as an adapter's answer it checks the criteria and the clock (the
    // picker asks only with valid ones), before the download, and core's audience is imported
    // here, not loaded by import(): a worker has no use for a chunk of its own (Vitest's browser
    // runner cannot load one in a worker).
    countAudience: (eventId, criteria, { now, signal }) =>
      asAdapterFailure(async () => {
        if (adapter.countAudience) return adapter.countAudience(eventId, criteria, { now, signal });
        const valid = requireValidCriteria(criteria);
        const time = checkNow(now);
        return audienceOf(await source(eventId).analysis(analyzeAttendanceInSteps, signal), valid, time).length;
      }),
    listAudience: (eventId, request, { signal } = {}) => audiencePageFrom(source(eventId), request, signal),
    getFunnel: (eventId, { now, signal }) => funnelFrom(source(eventId), now, signal),
    getProjection: (eventId, { now, level, signal }) =>
      // The widgets never ask for another level than core's default; a page calling the adapter itself may.
      level === undefined
        ? projectionFrom(source(eventId), now, signal)
        : asAdapterFailure(async () => projectionOf(await source(eventId).analysis(analyzeAttendanceInSteps, signal), checkNow(now), { level })),
  };
}
