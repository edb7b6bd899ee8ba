// The data the app shows: one webinar in memory. A real portal would use
// createRestAdapter({ baseUrl: '/api/webinars' }) from 'on-demand-webinar-widgets/adapters'.
import { createMemoryAdapter, type WebinarData } from 'on-demand-webinar-widgets/adapters/memory';

export const webinar: WebinarData = {
  event: { id: 'evt-42', name: 'React webinar', startsAt: '2026-03-10T15:00:00Z', endsAt: '2026-03-10T16:00:00Z', timeZone: 'Europe/Amsterdam' },
  attendance: {
    registrants: [
      { leadId: 'a', status: 'No Show' },
      { leadId: 'b', status: 'Registered' },
      { leadId: 'c', status: 'Attended' },
      { leadId: 'd', status: 'No Show' },
    ],
    views: [
      { leadId: 'a', viewedAt: '2026-03-11T09:30:00Z', minutes: 18 },
      { leadId: 'b', viewedAt: '2026-03-12T19:05:00Z', minutes: 42 },
      { leadId: 'c', viewedAt: '2026-03-12T08:00:00Z', minutes: 10 },
      { leadId: 'd', viewedAt: '2026-03-13T20:15:00Z', minutes: 25 },
    ],
    reportedThrough: '2026-03-14',
  },
};

export const adapter = createMemoryAdapter({ events: [webinar] });
/** A fixed clock, so the figures do not depend on the day the app is opened. */
export const now = new Date('2026-03-15T12:00:00Z');
