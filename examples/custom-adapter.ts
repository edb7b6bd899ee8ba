import { checkEvent, fetchJson, type DataAdapter } from '../src/adapters/index.ts';

// Your backend, your routes and field names: GET /webinars/:id and GET /webinars/:id/plays.
type Plays = { attendees: { id: string; state: string }[]; plays: { who: string; at: string; seconds: number }[]; completeThrough: string };

export function createWebinarApiAdapter(baseUrl: string, token: () => string): DataAdapter {
  const get = (path: string, signal?: AbortSignal) =>
    fetchJson(`${baseUrl}/webinars/${path}`, { signal, headers: () => ({ authorization: `Bearer ${token()}` }), what: 'the webinar' });
  return {
    getEvent: async (id, options) => checkEvent(await get(encodeURIComponent(id), options?.signal)),
    async getAttendance(id, options) {
      const { attendees, plays, completeThrough } = (await get(`${encodeURIComponent(id)}/plays`, options?.signal)) as Plays;
      return {
        registrants: attendees.map((attendee) => ({ leadId: attendee.id, status: attendee.state })),
        views: plays.map((play) => ({ leadId: play.who, viewedAt: play.at, minutes: play.seconds / 60 })),
        reportedThrough: completeThrough,
      };
    },
  };
}
