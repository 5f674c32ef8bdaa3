import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, INTAKE_JOB, INTAKE_JOB_OPTIONS, INTAKE_QUEUE, MAINTENANCE_QUEUE, OUTBOUND_QUEUE, sealSubmission, type RelaisConfig } from '@relais/core';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { submission } from '../support/submissions.ts';
import { testConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process.ts';

const JOBS = 2_000;
let t: TestDatabase;
let config: RelaisConfig;
let redis: Redis;
let queue: Queue;
const spawned: WorkerProcess[] = [];

const storedCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM reports`.execute(t.db)).rows[0]!.n);

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'kill9');
  config = testConfig({ DATABASE_URL: t.url });
  redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  queue = new Queue(INTAKE_QUEUE, { connection: redis, prefix: config.queuePrefix });
});

afterAll(async () => {
  for (const worker of spawned) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
  for (const name of [INTAKE_QUEUE, OUTBOUND_QUEUE, MAINTENANCE_QUEUE]) {
    const q = new Queue(name, { connection: redis, prefix: config.queuePrefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  }
  await queue?.close();
  redis?.disconnect();
  await t?.drop();
});

describe('kill -9 of the worker with 2,000 intake jobs in flight', () => {
  it('stores every report exactly once after a restart: 2,000 rows, none lost, no duplicate', { timeout: 120_000 }, async () => {
    const keyring = createKeyring(config.dataKey!);
    const submissions = Array.from({ length: JOBS }, () => submission());
    await queue.addBulk(submissions.map((s) => ({ name: INTAKE_JOB, data: sealSubmission(keyring, s), opts: { ...INTAKE_JOB_OPTIONS, jobId: s.id } })));

    const first = await startWorkerProcess(config);
    spawned.push(first);
    await waitFor(async () => ((await storedCount()) >= 300 ? true : undefined), 30_000, '300 reports stored');
    const active = await queue.getActiveCount();
    first.child.kill('SIGKILL');
    expect(await first.exited()).toBe('SIGKILL');
    const atKill = await storedCount();
    expect(atKill).toBeLessThan(JOBS);
    expect(active).toBeGreaterThan(0);

    const second = await startWorkerProcess(config);
    spawned.push(second);
    // Jobs the killed worker held come back once their locks expire (stalled-job check, ≤ ~60 s).
    await waitFor(async () => ((await storedCount()) >= JOBS && (await queue.getCompletedCount()) >= JOBS ? true : undefined), 90_000, 'all reports stored');
    const rows = await t.db.selectFrom('reports').select('id').execute();
    expect(rows).toHaveLength(JOBS);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(submissions.map((s) => s.id)));
    expect(await queue.getFailedCount()).toBe(0);
    second.child.kill('SIGTERM');
    expect(await second.exited()).toBe(0);
  });
});
