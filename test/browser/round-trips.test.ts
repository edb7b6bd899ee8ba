/*
 * A widget whose figures do not depend on the event asks for them alongside the event, not after
 * it: on a real network the event's round trip no longer comes before the attendance's (or the
 * aggregate's). The summary needs the event for its range, so it only starts the attendance
 * early; the picker starts it while its edits settle.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DataAdapter } from '../../src/adapters/adapter.ts';
import { onDemandStatistics, programFunnel } from '../../src/core/index.ts';
import '../../src/index.ts';
import '../../src/audience-list.ts';
import '../../src/program-funnel.ts';
import { cleanup, mount, waitForShadow } from '../fixtures/dom.ts';
import { amsterdamEvent, clock, widgetAttendance } from '../fixtures/widget-data.ts';

afterEach(cleanup);

/** An adapter whose event answers only when released, recording what was asked in order. */
function slowEventAdapter(pushDown: boolean) {
  const attendance = widgetAttendance();
  const asked: string[] = [];
  let release = () => {};
  const eventAnswered = new Promise<void>((resolve) => (release = resolve));
  const adapter: DataAdapter = {
    getEvent: async () => (asked.push('event'), await eventAnswered, amsterdamEvent),
    getAttendance: async () => (asked.push('attendance'), attendance),
  };
  if (pushDown) {
    adapter.getStatistics = async (_id, { now }) => (asked.push('statistics'), onDemandStatistics(amsterdamEvent, attendance, now));
    adapter.getFunnel = async (_id, { now }) => (asked.push('funnel'), programFunnel(amsterdamEvent, attendance, now));
  }
  return { adapter, asked, release };
}

// The tag, what shows it loaded, and what it asks before the event answers (client-side; pushed down).
const WIDGETS = [
  ['odw-on-demand-statistics', '.value', 'attendance', 'statistics'],
  ['odw-on-demand-summary', '.total', 'attendance', undefined],
  ['odw-event-mode-picker', 'strong', 'attendance', undefined],
  ['odw-audience-list', 'tbody tr', 'attendance', undefined],
  ['odw-program-funnel', '[part="stages"]', 'attendance', 'funnel'],
] as const;

describe('a widget does not wait for the event before asking for its figures', () => {
  for (const [tag, shown, clientSide, pushedDown] of WIDGETS) {
    for (const pushDown of pushedDown === undefined ? [false] : [false, true]) {
      it(`${tag}${pushDown ? ', pushed down' : ''}`, async () => {
        const { adapter, asked, release } = slowEventAdapter(pushDown);
        const element = document.createElement(tag) as HTMLElement & { adapter: DataAdapter; eventId: string; now: Date; noProjection?: boolean };
        element.adapter = adapter;
        element.eventId = amsterdamEvent.id;
        element.now = clock.day5;
        element.noProjection = true;
        mount(element);
        const expected = pushDown ? pushedDown : clientSide;
        await vi.waitFor(() => expect(asked).toContain(expected), { timeout: 10_000 });
        expect(asked[0]).toBe('event');
        release();
        // The widget then shows its figures as before (10 s: a loaded CI machine; stuck is the failure).
        await waitForShadow(element, (root) => root.querySelector(shown), 10_000);
      });
    }
  }
});
