import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createWorkerService, EvictingRedisError } from '@relais/worker';
import { capturedLogger } from '../support/log-capture.ts';
import { startDedicatedRedis, type DedicatedRedis } from '../support/redis-server.ts';
import { testConfig } from '../support/test-config.ts';
import { freePort } from '../support/free-port.ts';
import { workerEnvironment } from '../support/worker-process.ts';

let redis: DedicatedRedis;
let t: TestDatabase;

beforeAll(async () => {
  redis = await startDedicatedRedis(['--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru']);
  t = await createTestDatabase(testConfig().databaseUrl, 'eviction');
});

afterAll(async () => {
  await redis?.destroy();
  await t?.drop();
});

describe('start-up against a Redis that would evict keys', () => {
  it('is refused, naming the policy and how to fix it', async () => {
    const config = testConfig({ DATABASE_URL: t.url, REDIS_URL: redis.url });
    const error = await createWorkerService(config, capturedLogger('eviction').logger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvictingRedisError);
    expect((error as EvictingRedisError).code).toBe('REDIS_EVICTS');
    expect((error as Error).message).toMatch(/maxmemory-policy is "allkeys-lru".*Set it to noeviction/);
  });

  it('stops the worker process with one line and exit code 1', async () => {
    const config = testConfig({ DATABASE_URL: t.url, REDIS_URL: redis.url });
    const result = spawnSync(
      process.execPath,
      ['--conditions=relais-source', '--import', 'tsx', 'worker/src/main.ts'],
      {
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        env: workerEnvironment(config, await freePort()),
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'relais worker: Redis maxmemory-policy is "allkeys-lru": queued reports could be evicted. Set it to noeviction ' +
        '(redis-cli CONFIG SET maxmemory-policy noeviction, or maxmemory-policy noeviction in redis.conf).',
    ]);
  });
});
