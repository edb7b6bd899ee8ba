/*
 * `npm run server -- [--port 8787] [--host 127.0.0.1] [--base-path /api] [--page-size 5000]
 *                    [--cors ORIGIN] [--migrate] [--exit-with-stdin]
 *                    [--auth-token-file FILE] [--no-attendance]
 *                    [--pool-size 8] [--max-waiting 128] [--wait-timeout-ms 3000]
 *                    [--request-timeout-ms 8000] [--statement-timeout-ms 5000] [--connect-timeout-ms 5000]`
 *
 * Serves the REST contract from the database named by DATABASE_URL (else libpq's PG* variables).
 * `--migrate` applies server/sql/ first (that needs a role that may create tables; the server
 * itself only reads). Requests must send `Authorization: Bearer <token>` when `--auth-token-file`
 * names a file of tokens (one per line; several allow rotation) or ODW_AUTH_TOKEN holds one.
 * `--no-attendance` keeps lead-level data in: GET …/attendance answers 403. `--exit-with-stdin`
 * stops the server when its standard input closes (how a parent process, e.g. the benchmark,
 * makes sure it never outlives it).
 */
import { readFileSync } from 'node:fs';
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
    'auth-token-file': { type: 'string' },
    'no-attendance': { type: 'boolean', default: false },
    'pool-size': { type: 'string', default: '8' },
    'max-waiting': { type: 'string', default: '128' },
    'wait-timeout-ms': { type: 'string', default: '3000' },
    'request-timeout-ms': { type: 'string', default: '8000' },
    'statement-timeout-ms': { type: 'string', default: '5000' },
    'connect-timeout-ms': { type: 'string', default: '5000' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** A whole-number option, at least `min`. */
function whole(name: keyof typeof values, min: number): number {
  const text = values[name] as string;
  if (!/^\d+$/.test(text) || Number(text) < min) fail(`--${name} must be a whole number ≥ ${min}, got ${JSON.stringify(text)}.`);
  return Number(text);
}

/** Tokens a request may present: the file's non-blank lines (# starts a comment), else ODW_AUTH_TOKEN. */
function authTokens(): string[] | undefined {
  const file = values['auth-token-file'];
  let tokens: string[];
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      fail(`--auth-token-file: cannot read ${file}: ${(error as Error).message}`);
    }
    tokens = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
    if (tokens.length === 0) fail(`--auth-token-file: ${file} holds no token.`);
  } else {
    const token = process.env['ODW_AUTH_TOKEN']?.trim();
    if (token === undefined || token === '') return undefined;
    tokens = [token];
  }
  // A token is a secret: short ones can be guessed.
  if (tokens.some((token) => token.length < 16 || /\s/.test(token))) fail('Bearer tokens must be at least 16 characters without spaces.');
  return tokens;
}

const tokens = authTokens();
const poolSize = whole('pool-size', 1);
const pool = createPool({ max: poolSize, statementTimeoutMs: whole('statement-timeout-ms', 1), connectTimeoutMs: whole('connect-timeout-ms', 1) });
if (values.migrate) {
  const applied = await migrate(pool);
  console.log(applied.length === 0 ? 'schema up to date' : `applied migrations ${applied.join(', ')}`);
}
const running = await startServer({
  pool,
  host: values.host,
  port: whole('port', 0),
  basePath: values['base-path'],
  pageSize: whole('page-size', 1),
  maxWaiting: whole('max-waiting', 0),
  waitTimeoutMs: whole('wait-timeout-ms', 1),
  requestTimeoutMs: whole('request-timeout-ms', 1),
  serveAttendance: !values['no-attendance'],
  ...(tokens === undefined ? {} : { authTokens: tokens }),
  ...(values.cors === undefined ? {} : { corsOrigin: values.cors }),
});
console.log(
  `odw reference server listening on ${running.baseUrl}` +
    `${tokens === undefined ? '' : ' (bearer token required)'}${values['no-attendance'] ? ' (attendance not served)' : ''}`,
);

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
