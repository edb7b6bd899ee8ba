/*
 * A million-view event must not freeze the portal: the provider analyzes attendance in slices
 * and gives the main thread back in between. Chromium's Long Tasks API reports every main-thread
 * task over 50 ms while a widget loads and analyzes 300 000 views. In one piece the analysis is
 * most of the load time (measured: a 185 ms task in a 192 ms load); sliced, no task may take a
 * third of it. Relative, because a busy CI machine slows every task alike; long tasks rather
 * than a timer heartbeat, because timers also stall when other processes load the CPU.
 */
import { afterEach, expect, it } from 'vitest';
import type { DataAdapter } from '../../src/adapters/adapter.ts';
import type { Attendance, WebinarEvent } from '../../src/core/index.ts';
import '../../src/statistics.ts';
import { cleanup, mount, waitForShadow } from '../fixtures/dom.ts';
import { watchLongTasks } from '../fixtures/long-tasks.ts';

afterEach(cleanup);

const event: WebinarEvent = { id: 'big', name: 'Big event', startsAt: '2026-03-20T15:00:00Z', endsAt: '2026-03-20T16:00:00Z', timeZone: 'Europe/Amsterdam' };

function bigAttendance(views: number, registrants: number): Attendance {
  const endsAt = Date.parse(event.endsAt);
  return {
    registrants: Array.from({ length: registrants }, (_, index) => ({ leadId: `L${index}`, status: index % 3 === 0 ? 'Attended' : 'No Show' })),
    views: Array.from({ length: views }, (_, index) => ({
      leadId: `L${(index * 7919) % registrants}`,
      viewedAt: new Date(endsAt + 60_000 + ((index * 104_729) % (14 * 86_400_000))).toISOString(),
      minutes: (index % 50) + 1,
    })),
    reportedThrough: '2026-04-19',
  };
}

it('keeps the main thread responsive while 300 000 views are analyzed', async () => {
  const attendance = bigAttendance(300_000, 60_000);
  // Hands out the same objects (no copy), so all the work measured is the kit's.
  const adapter: DataAdapter = { getEvent: async () => event, getAttendance: async () => attendance };
  const longTasks = await watchLongTasks();
  try {
    const element = document.createElement('odw-on-demand-statistics');
    element.adapter = adapter;
    element.eventId = 'big';
    element.now = new Date('2026-04-02T12:00:00Z');
    const started = performance.now();
    mount(element);
    // 300 000 views in slices took over 3 s on a loaded 2-core CI machine; the long-task check below is what this test asserts.
    await waitForShadow(element, (root) => root.querySelector('.value'), 25_000);
    const took = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The analysis itself takes far longer than one slice, so the check means something.
    expect(took).toBeGreaterThan(150);
    expect(longTasks.longest()).toBeLessThan(took / 3);
  } finally {
    longTasks.stop();
  }
}, 30_000);
