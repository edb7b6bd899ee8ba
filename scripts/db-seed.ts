/*
 * `npm run db:seed -- [--scenario NAME]… [--now ISO-INSTANT | --complete]`
 *
 * Writes mock scenarios (mocks/scenarios.ts) into the database named by DATABASE_URL (else
 * libpq's PG* variables): applies the migrations, replaces each scenario's event with the data a
 * backend serves at `--now` (default: the clock the scenarios are built around), then
 * VACUUM ANALYZE. `--complete` loads everything the platform will ever report instead (the
 * window fully reported: 'huge' then has ~1 M views, not the ~400 000 reported by its default
 * clock). Without --scenario: every scenario but 'huge'.
 *
 * @example DATABASE_URL=postgresql://localhost/webinars npm run db:seed -- --scenario huge --complete
 */
import { parseArgs } from 'node:util';
import { buildScenario, isScenarioName, REFERENCE_NOW, SCENARIO_NAMES, type ScenarioName } from '../mocks/index.ts';
import { createPool } from '../server/db.ts';
import { loadWebinar, vacuumAnalyze } from '../server/load.ts';
import { migrate } from '../server/migrate.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', multiple: true },
    now: { type: 'string' },
    complete: { type: 'boolean', default: false },
  },
});

const names = values.scenario ?? SCENARIO_NAMES.filter((name) => name !== 'huge');
const unknown = names.filter((name) => !isScenarioName(name));
if (unknown.length > 0) {
  console.error(`Unknown scenario ${unknown.map((name) => JSON.stringify(name)).join(', ')}; choose from ${SCENARIO_NAMES.join(', ')}.`);
  process.exit(2);
}
const now = values.now === undefined ? REFERENCE_NOW : new Date(values.now);
if (Number.isNaN(now.getTime())) {
  console.error(`--now must be an ISO-8601 instant, got ${JSON.stringify(values.now)}.`);
  process.exit(2);
}

const pool = createPool({ statementTimeoutMs: 600_000 });
try {
  const applied = await migrate(pool);
  if (applied.length > 0) console.log(`applied migrations ${applied.join(', ')}`);
  for (const name of names as ScenarioName[]) {
    const generated = buildScenario(name, { now });
    const attendance = values.complete ? generated.attendance : generated.attendanceAt(now);
    const report = await loadWebinar(pool, { event: generated.event, attendance }, { analyze: false });
    const rate = Math.round(((report.registrants + report.views) / report.milliseconds) * 1000);
    console.log(`${name}: ${report.registrants} registrants, ${report.views} views in ${(report.milliseconds / 1000).toFixed(1)} s (${rate} rows/s)`);
  }
  const started = performance.now();
  await vacuumAnalyze(pool);
  console.log(`VACUUM ANALYZE in ${((performance.now() - started) / 1000).toFixed(1)} s; ${values.complete ? 'complete data (fully reported)' : `served as of ${now.toISOString()}`}`);
} finally {
  await pool.end();
}
