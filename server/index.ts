/**
 * The reference backend: the kit's REST contract served from PostgreSQL, with the push-down
 * aggregates (daily summary, statistics, audience counts) computed in SQL by the rules of
 * DESIGN.md §1. Not part of the published package; `npm run server` runs it.
 *
 * @example
 * const pool = createPool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * await loadWebinar(pool, scenarioData('mid-window'));
 * const { baseUrl } = await startServer({ pool, port: 8787 });
 * createRestAdapter({ baseUrl, pushDown: true });
 */
export { createHandler, startServer, type AppOptions, type RunningServer } from './app.ts';
export { startCluster, findPostgresBin, freePort, type Cluster, type ClusterOptions } from './cluster.ts';
export { compileCriteria, type CompiledCriteria } from './criteria-sql.ts';
export { createPool, inTransaction, type Pool, type PoolOptions } from './db.ts';
export { diagnosticsOf } from './diagnostics.ts';
export { loadWebinar, LoadError, vacuumAnalyze, type LoadInput, type LoadOptions, type LoadReport } from './load.ts';
export { migrate, migrations } from './migrate.ts';
