/*
 * `npm run server -- [--port 8787] [--host 127.0.0.1] [--base-path /api] [--page-size 5000]
 *                    [--cors ORIGIN] [--migrate] [--exit-with-stdin]`
 *
 * Serves the REST contract from the database named by DATABASE_URL (else libpq's PG* variables).
 * `--migrate` applies server/sql/ first. `--exit-with-stdin` stops the server when its standard
 * input closes (how a parent process, e.g. the benchmark, makes sure it never outlives it).
 */
import { parseArgs } from 'node:util';
import { startServer } from './app.ts';
import { createPool } from './db.ts';
import { migrate } from './migrate.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'base-path': { type: 'string', default: '' },
    'page-size': { type: 'string', default: '5000' },
    cors: { type: 'string' },
    migrate: { type: 'boolean', default: false },
    'exit-with-stdin': { type: 'boolean', default: false },
  },
});

const pool = createPool();
if (values.migrate) {
  const applied = await migrate(pool);
  console.log(applied.length === 0 ? 'schema up to date' : `applied migrations ${applied.join(', ')}`);
}
const running = await startServer({
  pool,
  host: values.host,
  port: Number(values.port),
  basePath: values['base-path'],
  pageSize: Number(values['page-size']),
  ...(values.cors === undefined ? {} : { corsOrigin: values.cors }),
});
console.log(`odw reference server listening on ${running.baseUrl}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await running.close().catch(() => undefined);
  await pool.end().catch(() => undefined);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
if (values['exit-with-stdin']) {
  process.stdin.resume();
  process.stdin.on('end', () => void stop());
  process.stdin.on('close', () => void stop());
}
