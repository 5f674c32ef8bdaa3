import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { LocalService } from './local-postgres.js';
import { chooseLocalPort } from './local-port.js';

/** The port a redis-server started by `npm start` listens on unless it is taken (then another is chosen, see {@link chooseLocalPort}). */
export const LOCAL_REDIS_PORT = 6380;

async function answers(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2_000,
  });
  redis.on('error', () => undefined); // a refused probe is an answer (false), not noise
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** Thrown when no Redis answers and none can be started; the message says how to get one. */
export class NoRedisError extends Error {}

/**
 * The Redis `npm start` uses: `REDIS_URL` when set; else one answering on 127.0.0.1:6379; else a
 * `redis-server` from the PATH with its data under `.relais/redis` (AOF on, noeviction), on port 6380
 * or, when that is taken, the port {@link chooseLocalPort} picks (and remembers).
 */
export async function localRedis(
  explicitUrl: string | undefined,
  defaultUrl: string,
  stateDir: string,
): Promise<LocalService> {
  if (explicitUrl) return { url: explicitUrl, started: false, stop: async () => undefined };
  if (await answers(defaultUrl)) return { url: defaultUrl, started: false, stop: async () => undefined };
  if (spawnSync('redis-server', ['--version']).error) {
    throw new NoRedisError(
      'Redis is not running and redis-server is not installed. Install it (Debian/Ubuntu: sudo apt-get install redis-server; ' +
        'macOS: brew install redis) or set REDIS_URL to a Redis you run.',
    );
  }
  const dir = join(stateDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const chosen = await chooseLocalPort(stateDir, 'redis', LOCAL_REDIS_PORT);
  const port = chosen.port;
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
      '--save',
      '',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // The last lines it printed, to say why it did not start.
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(
      ...chunk
        .toString()
        .split('\n')
        .filter((line) => line.trim()),
    );
    log.splice(0, Math.max(0, log.length - 20));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `redis://127.0.0.1:${port}`;
  const running = () => child.exitCode === null && child.signalCode === null;
  let up = false;
  for (let i = 0; i < 50 && running() && !(up = await answers(url)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!up || !running()) {
    child.kill('SIGTERM');
    const reason =
      log.reverse().find((line) => /#|error|could not|fatal/i.test(line)) ?? 'it did not answer within 5 s';
    throw new NoRedisError(`redis-server (data in ${dir}) did not start on port ${port}: ${reason.trim()}`);
  }
  const note =
    chosen.taken === undefined
      ? undefined
      : `port ${chosen.taken} is taken (another checkout's stack?), so redis-server listens on ${port}`;
  return {
    url,
    started: true,
    note,
    stop: async () => {
      if (!running()) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
