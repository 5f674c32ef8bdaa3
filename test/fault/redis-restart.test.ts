import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, INTAKE_JOB, INTAKE_JOB_OPTIONS, INTAKE_QUEUE, sealSubmission, type RelaisConfig } from '@relais/core';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { capturedLogger } from '../support/log-capture.ts';
import { startDedicatedRedis, type DedicatedRedis } from '../support/redis-server.ts';
import { submission } from '../support/submissions.ts';
import { testConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

let t: TestDatabase;
let config: RelaisConfig;
let redisServer: DedicatedRedis;
let worker: WorkerService;
let producer: Redis;
let queue: Queue;
let healthUrl: string;

const storedCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM reports`.execute(t.db)).rows[0]!.n);

beforeAll(async () => {
  redisServer = await startDedicatedRedis();
  t = await createTestDatabase(testConfig().databaseUrl, 'redisrestart');
  config = testConfig({ DATABASE_URL: t.url, REDIS_URL: redisServer.url });
  producer = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  producer.on('error', () => undefined);
  queue = new Queue(INTAKE_QUEUE, { connection: producer, prefix: config.queuePrefix });
  queue.on('error', () => undefined);
  worker = await createWorkerService(config, capturedLogger('redis-restart').logger, { lockDurationMs: 5_000, stalledIntervalMs: 5_000 });
  healthUrl = `${await worker.server.listen({ host: '127.0.0.1', port: 0 })}/healthz`;
});

afterAll(async () => {
  await worker?.close({ deadlineMs: 1_000 });
  await queue?.close().catch(() => undefined);
  producer?.disconnect();
  await redisServer?.destroy();
  await t?.drop();
});

describe('Redis restarted during intake', () => {
  it('the worker reconnects on its own and stores every report once', { timeout: 90_000 }, async () => {
    const keyring = createKeyring(config.dataKey!);
    const add = async (n: number) => {
      const batch = Array.from({ length: n }, () => submission());
      await queue.addBulk(batch.map((s) => ({ name: INTAKE_JOB, data: sealSubmission(keyring, s), opts: { ...INTAKE_JOB_OPTIONS, jobId: s.id } })));
      return batch;
    };
    const all = await add(600);
    await waitFor(async () => ((await storedCount()) >= 100 ? true : undefined), 20_000, 'first reports stored');

    await redisServer.stop();
    expect((await fetch(healthUrl)).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await redisServer.start();
    all.push(...(await add(200)));

    // Jobs Redis handed out as the connection dropped come back when their lock expires (5 s here).
    await waitFor(async () => ((await storedCount()) >= all.length ? true : undefined), 60_000, 'every report stored after the restart');
    const rows = await t.db.selectFrom('reports').select('id').execute();
    expect(rows).toHaveLength(all.length);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(all.map((s) => s.id)));
    expect(await queue.getFailedCount()).toBe(0);
    await waitFor(async () => ((await fetch(healthUrl)).status === 200 ? true : undefined), 10_000, 'healthy again');
  });
});
