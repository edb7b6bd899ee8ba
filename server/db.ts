/*
 * Connections. One `pg` Pool per server; every session runs in UTC (no statement depends on the
 * session's zone — days are stored dates — but a fixed one keeps timestamps printed by psql and
 * logs unambiguous), with a statement timeout and a connection timeout so a slow or silent
 * database cannot hold a request forever (server/session.ts adds the per-request deadline, the
 * bounded wait for a connection and cancelling).
 */
import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/** What the queries need: a pool or one checked-out connection. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface PoolOptions {
  /**
   * Told about errors of idle connections (the database restarted, an administrator ended the
   * session). The pool drops such a connection and opens a new one when needed; without a
   * listener the error would crash the process. Default: `console.error`.
   */
  onIdleError?: (error: Error) => void;
  /** A libpq connection string; default `DATABASE_URL`, else libpq's PG* variables and defaults. */
  connectionString?: string | undefined;
  /** Connections kept. Default 8. */
  max?: number;
  /**
   * PostgreSQL cancels a statement after this long (the request then answers 504). Default
   * 5 000 ms: the push-down routes read aggregates in milliseconds; the loader lifts it for its
   * own transactions.
   */
  statementTimeoutMs?: number;
  /** Opening a connection (TCP, TLS, authentication) fails after this long (503). Default 5 000 ms. */
  connectTimeoutMs?: number;
  /** Memory per sort/hash step (loading a million views groups ~600 000 (lead, day) pairs). Default '64MB'. */
  workMem?: string;
}

/** A pool whose sessions run in UTC with statement and connection timeouts. */
export function createPool(options: PoolOptions = {}): Pool {
  const connectionString = options.connectionString ?? process.env['DATABASE_URL'];
  const workMem = options.workMem ?? '64MB';
  if (!/^\d+\s*(kB|MB|GB)$/.test(workMem)) throw new Error(`workMem must look like "64MB", got ${JSON.stringify(workMem)}.`);
  const pool = new pg.Pool({
    ...(connectionString === undefined || connectionString === '' ? {} : { connectionString }),
    max: options.max ?? 8,
    statement_timeout: options.statementTimeoutMs ?? 5_000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    // Notice a peer that vanished (a crashed host, a cut network) on idle connections too.
    keepAlive: true,
    // A session left in a transaction by a crashed client must not hold locks for long.
    idle_in_transaction_session_timeout: 60_000,
    // JIT compilation costs more than it saves on these statements (measured: ~10-30 % slower);
    // parallel workers take longer to start than the reads of aggregates take, and under
    // concurrent requests they only compete for the same cores.
    options: `-c TimeZone=UTC -c jit=off -c max_parallel_workers_per_gather=0 -c work_mem=${workMem.replace(/\s+/g, '')}`,
    application_name: 'odw-reference-server',
  });
  pool.on('error', options.onIdleError ?? ((error) => console.error(`PostgreSQL connection lost: ${error.message}`)));
  return pool;
}

/** Runs `work` in a transaction on one connection; rolls back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
