/**
 * The reference backend: the kit's REST contract (docs/openapi.yaml) served from PostgreSQL, with
 * the push-down aggregates (daily summary, statistics, audience counts) computed in SQL by the
 * rules of docs/domain.md — once per daily report, when data is loaded or appended, not per
 * request. Not part of the published package; `npm run server` runs it.
 *
 * Exported: what a deployment runs — the request handler (or a started server), the pool, the
 * migrations, the loader that fills the database and the daily append that keeps it current.
 * Not exported: the internals of the handler (SQL, aggregates, criteria compilation,
 * diagnostics, sessions) and test tooling — the throwaway PostgreSQL cluster of the tests and the
 * benchmarks is `server/cluster.ts`, imported directly where it is needed.
 *
 * @example
 * const pool = createPool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * await loadWebinar(pool, scenarioData('mid-window'));
 * const { baseUrl } = await startServer({ pool, port: 8787 });
 * createRestAdapter({ baseUrl, pushDown: true });
 */
export { createHandler, startServer, type AppOptions, type RunningServer } from './app.ts';
export { createPool, inTransaction, type Pool, type PoolOptions } from './db.ts';
export {
  appendDailyReport,
  loadWebinar,
  LoadError,
  parseDailyReport,
  parseExport,
  vacuumAnalyze,
  type AppendReport,
  type DailyReport,
  type LoadInput,
  type LoadOptions,
  type LoadReport,
} from './load.ts';
export { migrate, migrations } from './migrate.ts';
