/*
 * Migrations: the numbered files in server/sql/, applied in order, each once, each in its own
 * transaction, under an advisory lock so two servers starting together do not race.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pool } from './db.ts';

const SQL_DIR = fileURLToPath(new URL('./sql/', import.meta.url));
// An arbitrary constant: "odw migrations".
const LOCK_KEY = 7_301_104_911;

export interface Migration {
  version: string;
  file: string;
}

/** The migration files, in order (`001_schema.sql` → version `001`). */
export function migrations(): Migration[] {
  return readdirSync(SQL_DIR)
    .filter((name) => /^\d{3}_[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: name.slice(0, 3), file: join(SQL_DIR, name) }));
}

/** Applies the migrations not applied yet; returns their versions. Safe to run at every start. */
export async function migrate(pool: Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query('CREATE TABLE IF NOT EXISTS public.odw_schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: string }>('SELECT version FROM public.odw_schema_migrations')).rows.map((row) => row.version));
    const applied: string[] = [];
    for (const migration of migrations()) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(readFileSync(migration.file, 'utf8'));
        await client.query('INSERT INTO public.odw_schema_migrations (version) VALUES ($1)', [migration.version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.file} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

