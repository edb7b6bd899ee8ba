/*
 * Test helpers: a fresh database per test file (migrated) and the reference server on a free port.
 */
import pg from 'pg';
import { inject } from 'vitest';
import { startServer, type AppOptions, type RunningServer } from '../../server/app.ts';
import { createPool, type Pool } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';

export interface TestDatabase {
  pool: Pool;
  url: string;
  /** Ends the pool and drops the database. */
  drop(): Promise<void>;
}

/** Creates and migrates a database of its own for one test file. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const adminUrl = inject('postgresUrl');
  const name = `odw_${label.replace(/\W+/g, '_')}_${process.pid}_${Math.floor(Math.random() * 1e6)}`.toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = createPool({ connectionString: url.toString(), max: 6, onIdleError: () => undefined });
  await migrate(pool);
  return {
    pool,
    url: url.toString(),
    async drop() {
      await pool.end();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // The pool's sessions may take a moment to end on the server side.
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name}`);
            break;
          } catch (error) {
            if (attempt >= 50 || (error as { code?: string }).code !== '55006') throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}

/** The reference server over `pool` on 127.0.0.1 at a free port; errors it logs are collected. */
export async function startTestServer(pool: Pool, options: Partial<AppOptions> = {}): Promise<RunningServer & { errors: unknown[] }> {
  const errors: unknown[] = [];
  const running = await startServer({ pool, port: 0, logError: (error) => errors.push(error), ...options });
  return { ...running, errors };
}
