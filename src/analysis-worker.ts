/*
 * The analysis Web Worker's script (the package's `analysis-worker` entry): downloads an event's
 * attendance with the page's REST adapter options, runs core's analysis in one go (no page to
 * keep responsive here) and sends the result back. The page side is src/worker/analysis-in-worker.ts.
 */
import { createRestAdapter } from './adapters/rest.ts';
import { analyzeAttendance } from './core/activity.ts';
import type { WebinarEvent } from './core/index.ts';
import { asAdapterError } from './data/data-errors.ts';
import { PIECE, STATUSES, type FromWorker, type ToWorker } from './worker/transfer.ts';

const reply = (message: FromWorker, transfer: Transferable[] = []) => postMessage(message, { transfer });
const inPieces = <Item>(items: readonly Item[], message: (piece: Item[]) => FromWorker) => {
  for (let from = 0; from < items.length; from += PIECE) reply(message(items.slice(from, from + PIECE)));
};

let eventArrived: (event: WebinarEvent) => void;
const event = new Promise<WebinarEvent>((resolve) => (eventArrived = resolve));

addEventListener('message', async ({ data }: MessageEvent<ToWorker>) => {
  if ('event' in data) return eventArrived(data.event);
  try {
    const attendance = await createRestAdapter(data.rest).getAttendance(data.eventId);
    const { registrants, leadIds, statusOf, diagnostics, activities, ...rest } = analyzeAttendance(await event, attendance);
    const codeOf = (status: (typeof STATUSES)[number]) => STATUSES.indexOf(status);
    const given = new Uint8Array(leadIds.length);
    const liveMinutes = new Float64Array(leadIds.length).fill(NaN);
    leadIds.forEach((leadId, number) => {
      const registrant = registrants.get(leadId);
      given[number] = codeOf(registrant?.status ?? 'not-in-program');
      if (registrant?.liveMinutes !== undefined) liveMinutes[number] = registrant.liveMinutes;
    });
    const resolved = Uint8Array.from(statusOf, codeOf);
    inPieces(leadIds, (piece) => ({ leadIds: piece }));
    inPieces(diagnostics, (piece) => ({ diagnostics: piece }));
    // The records themselves too: the audience list shows names and e-mails.
    inPieces(attendance.registrants, (piece) => ({ registrants: piece }));
    const columns = [activities.lead, activities.day, activities.milliseconds, activities.views, resolved, given, liveMinutes];
    reply({ done: { ...rest, activities, resolved, given, liveMinutes } }, columns.map((column) => column.buffer));
  } catch (error) {
    // As the page would report it: the same AdapterError, field by field.
    const { kind, message, status, retryAfterMs } = asAdapterError(error);
    reply({ error: { kind, message, status, retryAfterMs } });
  }
});
