/*
 * A throwaway PostgreSQL cluster for tests and the benchmark: initdb in a temporary directory,
 * a postgres listening on 127.0.0.1 at a free port (and a socket in that directory only), trust
 * authentication, durability off (fsync, full-page writes: a crash loses nothing we keep).
 *
 * As root, PostgreSQL refuses to run: the cluster then belongs to an unprivileged user
 * (`postgres`, which Debian's package creates, or ODW_PG_USER) and every command runs through
 * `runuser -u USER --`. A watchdog process stops the cluster and deletes the directory when the
 * process that started it exits for any reason (a crash, a kill), so nothing outlives the run.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** Connection string of the `postgres` database as superuser `postgres`. */
  url: string;
  port: number;
  dir: string;
  /** Stops postgres and deletes the directory. Safe to call twice. */
  stop(): void;
  /**
   * Stops the server, keeping the directory: `fast` as an administrator would (sessions are told
   * and ended: SQLSTATE 57P01), `immediate` as a crash does (connections just drop).
   */
  halt(mode: 'fast' | 'immediate'): void;
  /** Starts the server again, on the same port. */
  restart(): void;
  /** Suspends (SIGSTOP) every process of the server: connections are accepted by the kernel but never answered. */
  freeze(): void;
  /** Resumes (SIGCONT) a frozen server. */
  thaw(): void;
}

export interface ClusterOptions {
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
  /** Where progress goes. Default: nowhere. */
  log?: (line: string) => void;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The directory holding initdb, pg_ctl and postgres: PG_BIN, else PATH, else Debian's
 * /usr/lib/postgresql/<newest>/bin (not on PATH there). Throws saying how to install it.
 */
export function findPostgresBin(): string {
  const fromEnv = process.env['PG_BIN'];
  if (fromEnv && isExecutable(join(fromEnv, 'initdb'))) return fromEnv;
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    if (dir && isExecutable(join(dir, 'initdb')) && isExecutable(join(dir, 'pg_ctl'))) return dir;
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const dir = join(debian, version, 'bin');
      if (isExecutable(join(dir, 'initdb'))) return dir;
    }
  }
  throw new Error('PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them (Debian/Ubuntu: `apt-get install -y postgresql`) or set PG_BIN to their directory.');
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface RunAs {
  /** The command line that runs `command args` as the cluster's owner. */
  wrap(command: string, args: string[]): [string, string[]];
  uid: number | undefined;
  gid: number | undefined;
}

function runAs(): RunAs {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { wrap: (command, args) => [command, args], uid: undefined, gid: undefined };
  const user = process.env['ODW_PG_USER'] ?? 'postgres';
  const id = (flag: string) => {
    try {
      return Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
    } catch {
      throw new Error(`Running as root, PostgreSQL needs an unprivileged user to run as; there is no user "${user}". Create one or set ODW_PG_USER.`);
    }
  };
  return { wrap: (command, args) => ['runuser', ['-u', user, '--', command, ...args]], uid: id('-u'), gid: id('-g') };
}

function run(as: RunAs, command: string, args: string[]): void {
  const [file, fileArgs] = as.wrap(command, args);
  const result = spawnSync(file, fileArgs, { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}): ${(result.stderr || result.stdout || String(result.error ?? '')).trim()}`);
  }
}

/**
 * Starts a throwaway cluster. Call `stop()` when done; if this process dies first, the watchdog
 * stops it within a second or two.
 *
 * @example
 * const cluster = await startCluster();
 * try { … new pg.Pool({ connectionString: cluster.url }) … } finally { cluster.stop(); }
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const log = options.log ?? (() => undefined);
  const bin = findPostgresBin();
  const as = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'odw-pg-'));
  const data = join(dir, 'data');
  if (as.uid !== undefined && as.gid !== undefined) chownSync(dir, as.uid, as.gid);
  let stopped = false;
  let watchdog: ReturnType<typeof spawn> | undefined;
  /** The postmaster and its children (Linux: read from /proc). */
  const serverProcesses = (): number[] => {
    const pidFile = join(data, 'postmaster.pid');
    if (!existsSync(pidFile)) return [];
    const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(postmaster) || postmaster <= 0) return [];
    const children = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((name) => {
        try {
          // "pid (comm) state ppid …": the command may hold spaces, so read after its closing parenthesis.
          const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [postmaster, ...children];
  };
  const signal = (name: NodeJS.Signals) => {
    for (const pid of serverProcesses()) {
      try {
        process.kill(pid, name);
      } catch {
        // gone meanwhile
      }
    }
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    // A frozen server would never act on the stop signal.
    signal('SIGCONT');
    if (existsSync(join(data, 'postmaster.pid'))) {
      const [file, args] = as.wrap(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30']);
      spawnSync(file, args, { stdio: 'ignore', timeout: 60_000 });
    }
    rmSync(dir, { recursive: true, force: true });
    if (watchdog?.pid !== undefined) {
      try {
        process.kill(watchdog.pid);
      } catch {
        // already gone
      }
    }
  };
  try {
    log(`initdb in ${dir} (${bin})`);
    run(as, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync', '--no-instructions']);
    // The watchdog: when this process is gone, stop the cluster and remove its directory.
    const [stopFile, stopArgs] = as.wrap(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30']);
    const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
    const pidFile = quote(join(data, 'postmaster.pid'));
    // Resume a frozen server first (its postmaster and children), or it would never stop.
    const thaw = `if [ -f ${pidFile} ]; then p=$(head -n 1 ${pidFile}); kill -CONT "$p" $(ps -o pid= --ppid "$p" 2>/dev/null) 2>/dev/null; fi`;
    const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${thaw}; ${[stopFile, ...stopArgs].map(quote).join(' ')} >/dev/null 2>&1; rm -rf ${quote(dir)}`;
    watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
    watchdog.unref();
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: dir,
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '60',
      ...options.settings,
    };
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const serverOptions = [`-p ${port}`, ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)].join(' ');
      const start = () => run(as, join(bin, 'pg_ctl'), ['start', '-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', '-o', serverOptions]);
      try {
        log(`starting postgres on 127.0.0.1:${port}`);
        start();
        return {
          url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
          port,
          dir,
          stop,
          halt: (mode) => run(as, join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', mode, '-w', '-t', '60']),
          restart: start,
          freeze: () => signal('SIGSTOP'),
          thaw: () => signal('SIGCONT'),
        };
      } catch (error) {
        // Someone took the port between our look and postgres' bind: try another.
        const logText = existsSync(join(dir, 'postgres.log')) ? readFileSync(join(dir, 'postgres.log'), 'utf8') : '';
        if (attempt >= 3 || !/could not bind|Address already in use/i.test(logText)) throw error;
      }
    }
  } catch (error) {
    stop();
    throw error;
  }
}
