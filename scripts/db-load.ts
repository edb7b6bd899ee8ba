/*
 * `npm run db:load -- --file export.json`
 * `npm run db:load -- --append EVENT_ID --file report.json`
 *
 * Loads your own export into the database named by DATABASE_URL (else libpq's PG* variables),
 * after applying the migrations:
 *
 *   --file F               F is `{ "event": …, "attendance": … }` in the kit's format — the event as
 *                          `GET …/events/{id}` answers it and the attendance as the joined
 *                          `GET …/attendance` pages (registrants, views, reportedThrough). The event
 *                          is replaced with this data, and its aggregates rebuilt, in one transaction.
 *   --append ID --file F   F is one daily report `{ "reportedThrough": "YYYY-MM-DD", "views": […] }`
 *                          for the stored event ID: its views are added after the event's and the
 *                          aggregates updated by what they touch, without reloading.
 *
 * Bad records (unknown statuses, unparsable dates, negative minutes …) are stored and diagnosed as
 * core diagnoses them; a file that is not in the kit's format is refused with the field at fault
 * (`attendance.views[3].minutes: must be a number, got string.`) and nothing is changed.
 * Exit status: 0 loaded, 1 refused (the message says why), 2 wrong arguments.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InvalidInputError } from '../src/core/index.ts';
import { createPool } from '../server/db.ts';
import { appendDailyReport, LoadError, loadWebinar, parseDailyReport, parseExport } from '../server/load.ts';
import { migrate } from '../server/migrate.ts';

const USAGE = 'usage: npm run db:load -- --file export.json   |   npm run db:load -- --append EVENT_ID --file report.json';

let values: { file?: string | undefined; append?: string | undefined };
try {
  ({ values } = parseArgs({ options: { file: { type: 'string' }, append: { type: 'string' } } }));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.file === undefined || values.append === '') {
  console.error(USAGE);
  process.exit(2);
}
const file = values.file;

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`${file}: cannot read it: ${(error as Error).message}`);
  process.exit(1);
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;
const pool = createPool({ onIdleError: () => undefined });
try {
  const applied = await migrate(pool);
  if (applied.length > 0) console.log(`applied migrations ${applied.join(', ')}`);
  const diagnosticsOf = async (eventId: string) =>
    (await pool.query<{ count: number }>('SELECT count(*)::int AS count FROM odw.diagnostics d JOIN odw.events e ON e.key = d.event_key WHERE e.id = $1', [eventId])).rows[0]?.count ?? 0;
  if (values.append === undefined) {
    const report = await loadWebinar(pool, parseExport(text));
    console.log(`${file}: loaded event ${JSON.stringify(report.eventId)}: ${report.registrants} registrants, ${report.views} views in ${seconds(report.milliseconds)}; ${await diagnosticsOf(report.eventId)} records diagnosed`);
  } else {
    const report = await appendDailyReport(pool, values.append, parseDailyReport(text));
    console.log(
      `${file}: appended ${report.views} views to event ${JSON.stringify(report.eventId)}, reported through ${report.previousReportedThrough} → ${report.reportedThrough}, in ${seconds(report.milliseconds)}; ${await diagnosticsOf(report.eventId)} records diagnosed`,
    );
  }
} catch (error) {
  if (!(error instanceof LoadError || error instanceof InvalidInputError)) throw error;
  // The field at fault, as the file spells it: `attendance.views[3].minutes`, `event.timeZone`.
  const where = error instanceof LoadError && /^(views|registrants)\[/.test(error.field) ? (values.append === undefined ? 'attendance.' : '') : '';
  console.error(`${file}: not loaded, nothing changed — ${where}${error.message}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
