/*
 * Vitest globalSetup of the `server` project: one throwaway PostgreSQL cluster for the whole run
 * (server/cluster.ts), stopped and deleted at the end — also when tests fail, and by its watchdog
 * if Vitest itself dies. Test files get its URL with `inject('postgresUrl')` and each creates its
 * own database (test/server/database.ts), so files can run in parallel.
 */
import type { TestProject } from 'vitest/node';
import { startCluster } from '../../server/cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser connection string of the throwaway cluster's `postgres` database. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
