import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseLocalPort, isPortFree, PORTS_FILE } from '../../scripts/start/local-port.ts';
import { EMBEDDED_POSTGRES_PORT, localPostgres } from '../../scripts/start/local-postgres.ts';
import { LOCAL_REDIS_PORT, localRedis } from '../../scripts/start/local-redis.ts';
import { freePort } from '../support/free-port.ts';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function stateDir(): string {
  const dir = `${mkdtempSync(join(tmpdir(), 'relais-ports-'))}/`;
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Listens on `port` at 127.0.0.1 (as another checkout's server would), or does nothing if something already does. */
async function occupy(port: number): Promise<void> {
  const server: Server = createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (listening) cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  expect(await isPortFree(port)).toBe(false);
}

const stored = (dir: string) => JSON.parse(readFileSync(join(dir, PORTS_FILE), 'utf8')) as Record<string, number>;

describe('the port npm start gives a local server', () => {
  it('is the default when it is free, and is remembered', async () => {
    const dir = stateDir();
    const port = await freePort();
    expect(await chooseLocalPort(dir, 'postgres', port)).toEqual({ port });
    expect(stored(dir)).toEqual({ postgres: port });
  });

  it('is another free port when the default is taken, saying which one was taken', async () => {
    const dir = stateDir();
    const port = await freePort();
    await occupy(port);
    const chosen = await chooseLocalPort(dir, 'redis', port);
    expect(chosen.taken).toBe(port);
    expect(chosen.port).not.toBe(port);
    expect(await isPortFree(chosen.port)).toBe(true);
    expect(stored(dir)).toEqual({ redis: chosen.port });
  });

  it('is the one used last time when it is still free, even once the default is free again', async () => {
    const dir = stateDir();
    const port = await freePort();
    await occupy(port);
    const first = await chooseLocalPort(dir, 'postgres', port);
    for (const cleanup of cleanups.splice(1)) await cleanup(); // the default is free again
    expect(await isPortFree(port)).toBe(true);
    expect(await chooseLocalPort(dir, 'postgres', port)).toEqual({ port: first.port });
  });

  it('falls back to the default when the one used last time is taken', async () => {
    const dir = stateDir();
    const [previous, port] = [await freePort(), await freePort()];
    await chooseLocalPort(dir, 'postgres', previous);
    await occupy(previous);
    expect(await chooseLocalPort(dir, 'postgres', port)).toEqual({ port, taken: previous });
    expect(stored(dir)).toEqual({ postgres: port });
  });
});

describe('npm start with its default local ports taken', () => {
  it(`starts the embedded PostgreSQL on another port when ${EMBEDDED_POSTGRES_PORT} is taken, and keeps that port and its data on restart`, async () => {
    const dir = stateDir();
    chmodSync(dir, 0o755); // run as root, PostgreSQL runs as the system user `postgres`, which must reach its data folder
    await occupy(EMBEDDED_POSTGRES_PORT);
    const nothing = `postgres://relais@127.0.0.1:${await freePort()}/relais`; // no PostgreSQL answers there
    const first = await localPostgres(undefined, nothing, dir);
    cleanups.push(() => first.stop());
    const port = Number(new URL(first.url).port);
    expect(first.started).toBe(true);
    expect(port).not.toBe(EMBEDDED_POSTGRES_PORT);
    expect(first.note).toBe(
      `port ${EMBEDDED_POSTGRES_PORT} is taken (another checkout's stack?), so the embedded PostgreSQL listens on ${port}`,
    );
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query('CREATE TABLE kept (id int)');
    await client.end();
    await first.stop();

    const second = await localPostgres(undefined, nothing, dir);
    cleanups.push(() => second.stop());
    expect(second.url).toBe(first.url);
    expect(second.note).toBeUndefined();
    const again = new pg.Client({ connectionString: second.url });
    await again.connect();
    expect((await again.query("SELECT to_regclass('kept') AS kept")).rows).toEqual([{ kept: 'kept' }]);
    await again.end();
  }, 120_000);

  it('says why the embedded PostgreSQL did not start instead of printing undefined', async () => {
    const dir = stateDir();
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'postgres'), { mode: 0o700 });
    writeFileSync(join(dir, 'postgres', 'PG_VERSION'), '9\n'); // a data folder this server cannot use
    const nothing = `postgres://relais@127.0.0.1:${await freePort()}/relais`;
    const error = await localPostgres(undefined, nothing, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain('undefined');
    expect((error as Error).message).toMatch(
      new RegExp(
        `^the embedded PostgreSQL \\(data in ${dir}postgres\\) did not start on port \\d+: .*(FATAL:|postgres: )`,
      ), // PostgreSQL's own words
    );
  }, 60_000);

  it(`starts redis-server on another port when ${LOCAL_REDIS_PORT} is taken`, async () => {
    const dir = stateDir();
    await occupy(LOCAL_REDIS_PORT);
    const redis = await localRedis(undefined, `redis://127.0.0.1:${await freePort()}`, dir);
    cleanups.push(() => redis.stop());
    const port = Number(new URL(redis.url).port);
    expect(port).not.toBe(LOCAL_REDIS_PORT);
    expect(redis.note).toBe(
      `port ${LOCAL_REDIS_PORT} is taken (another checkout's stack?), so redis-server listens on ${port}`,
    );
    const client = new Redis(redis.url, { lazyConnect: true });
    await client.connect();
    expect(await client.ping()).toBe('PONG');
    client.disconnect();
  }, 30_000);
});
