import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { LocalService } from './local-postgres.js';

async function answers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2_000 });
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
 * `redis-server` from the PATH on port 6380 with its data under `.relais/redis` (AOF on, noeviction).
 */
export async function localRedis(explicitUrl: string | undefined, defaultUrl: string, stateDir: string): Promise<LocalService> {
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
  const port = 6380;
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', ''],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await answers(url)); i++) await new Promise((r) => setTimeout(r, 100));
  return {
    url,
    started: true,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
