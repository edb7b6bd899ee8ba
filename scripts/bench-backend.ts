/*
 * What the server benchmarks (bench:server, bench:pushdown) share: a database (DATABASE_URL, or a
 * throwaway cluster) and the reference server in a child process, both stopped on exit or Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startCluster, type Cluster } from '../server/cluster.ts';

export interface ServerProcess {
  baseUrl: string;
  stop(): void;
}

/** `server/main.ts` on a free port of 127.0.0.1; it also exits when this process's stdin to it closes. */
export async function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const main = fileURLToPath(new URL('../server/main.ts', import.meta.url));
  const child = spawn(process.execPath, [main, '--port', '0', '--exit-with-stdin'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`The server exited (${code}) before listening: ${output}`)));
  });
  return {
    baseUrl,
    stop() {
      child.stdin.end();
      child.kill();
    },
  };
}

/** What a benchmark started, for `stopAll`. */
export interface BenchBackend {
  cluster: Cluster | undefined;
  server: ServerProcess | undefined;
}

/**
 * DATABASE_URL, or a throwaway cluster with `settings`; Ctrl-C stops what `backend` holds.
 * The caller starts the server once the data is loaded and calls `stopAll(backend)` when done.
 */
export async function benchDatabase(backend: BenchBackend, settings: Record<string, string>): Promise<string> {
  process.once('SIGINT', () => {
    stopAll(backend);
    process.exit(130);
  });
  const url = process.env['DATABASE_URL'];
  if (url !== undefined && url !== '') return url;
  console.log('DATABASE_URL not set: starting a throwaway PostgreSQL cluster');
  backend.cluster = await startCluster({ settings });
  return backend.cluster.url;
}

export function stopAll(backend: BenchBackend): void {
  backend.server?.stop();
  backend.cluster?.stop();
}
