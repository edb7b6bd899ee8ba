/*
 * The README's custom adapter is examples/custom-adapter.ts, verbatim: type-checked by tsc,
 * run here through the conformance suite against a backend with its own routes and field
 * names, and compared with the README block so the two cannot drift.
 */
import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebinarApiAdapter } from '../../examples/custom-adapter.ts';
import { REFERENCE_NOW, scenarioData } from '../../mocks/index.ts';
import { runAdapterConformance } from '../../src/testing/index.ts';

const baseUrl = 'https://webinar-api.example.test';
const data = scenarioData('mid-window');
const authorizations: (string | null)[] = [];

// A backend that is not the kit's contract: other routes, other field names, seconds not minutes.
const server = setupServer(
  http.get(`${baseUrl}/webinars/:id`, ({ params, request }) => {
    authorizations.push(request.headers.get('authorization'));
    return params['id'] === data.event.id ? HttpResponse.json(data.event) : HttpResponse.json({ message: 'no such webinar' }, { status: 404 });
  }),
  http.get(`${baseUrl}/webinars/:id/plays`, async ({ params }) => {
    if (params['id'] !== data.event.id) return HttpResponse.json({ message: 'no such webinar' }, { status: 404 });
    const { registrants, views, reportedThrough } = data.attendance;
    return HttpResponse.json({
      attendees: registrants.map((registrant) => ({ id: registrant.leadId, state: registrant.status })),
      plays: views.map((view) => ({ who: view.leadId, at: view.viewedAt, seconds: view.minutes * 60 })),
      completeThrough: reportedThrough,
    });
  }),
);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

runAdapterConformance(() => createWebinarApiAdapter(baseUrl, () => 'secret-token'), {
  describe,
  it,
  name: 'examples/custom-adapter.ts',
  eventId: data.event.id,
  now: REFERENCE_NOW,
  strictAbort: true,
});

describe('examples/custom-adapter.ts', () => {
  it('sends the token and maps the backend’s fields to the kit’s', async () => {
    const adapter = createWebinarApiAdapter(baseUrl, () => 'secret-token');
    const attendance = await adapter.getAttendance(data.event.id);
    expect(attendance.views.map((view) => view.minutes)).toEqual(data.attendance.views.map((view) => view.minutes));
    expect(attendance.registrants).toEqual(data.attendance.registrants.map(({ leadId, status }) => ({ leadId, status })));
    await adapter.getEvent(data.event.id);
    expect(authorizations.at(-1)).toBe('Bearer secret-token');
  });

  it('is the README’s “Plug in your backend” example, verbatim (package import path aside)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const marker = readme.indexOf('<!-- examples/custom-adapter.ts');
    expect(marker, 'the README marks the example block').toBeGreaterThan(readme.indexOf('## Plug in your backend'));
    const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(marker))?.[1];
    const file = readFileSync(new URL('../../examples/custom-adapter.ts', import.meta.url), 'utf8');
    // The one difference: the README imports the published subpath, the file the sources it is type-checked against.
    expect(block).toBe(file.replace("from '../src/adapters/index.ts'", "from 'on-demand-webinar-widgets/adapters'"));
  });
});
