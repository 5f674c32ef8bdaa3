import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, INTAKE_JOB, INTAKE_JOB_OPTIONS, INTAKE_QUEUE, MAINTENANCE_QUEUE, OUTBOUND_QUEUE, sealSubmission, type RelaisConfig } from '@relais/core';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { submission } from '../support/submissions.ts';
import { startTcpProxy, viaProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { testConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process.ts';

let t: TestDatabase;
let config: RelaisConfig;
let proxy: TcpProxy;
let redis: Redis;
let queue: Queue;
const spawned: WorkerProcess[] = [];

const storedCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM reports`.execute(t.db)).rows[0]!.n);

async function add(n: number) {
  const keyring = createKeyring(config.dataKey!);
  const batch = Array.from({ length: n }, () => submission());
  await queue.addBulk(batch.map((s) => ({ name: INTAKE_JOB, data: sealSubmission(keyring, s), opts: { ...INTAKE_JOB_OPTIONS, jobId: s.id } })));
  return batch;
}

async function start(): Promise<WorkerProcess> {
  const worker = await startWorkerProcess(config);
  spawned.push(worker);
  return worker;
}

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'sigterm');
  const target = new URL(t.url);
  proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
  config = testConfig({ DATABASE_URL: viaProxy(t.url, proxy) });
  redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  queue = new Queue(INTAKE_QUEUE, { connection: redis, prefix: config.queuePrefix });
});

afterAll(async () => {
  for (const worker of spawned) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
  await proxy?.close();
  for (const name of [INTAKE_QUEUE, OUTBOUND_QUEUE, MAINTENANCE_QUEUE]) {
    const q = new Queue(name, { connection: redis, prefix: config.queuePrefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  }
  await queue?.close();
  redis?.disconnect();
  await t?.drop();
});

/** The ids of the jobs the worker logged as given back to their queue at shutdown. */
function givenBack(worker: WorkerProcess): string[] {
  return worker
    .output()
    .split('\n')
    .filter((line) => line.includes('job given back to its queue at shutdown'))
    .map((line) => (JSON.parse(line) as { jobId: string }).jobId);
}

const distinctStored = async () => Number((await sql<{ n: string }>`SELECT count(DISTINCT id) AS n FROM reports`.execute(t.db)).rows[0]!.n);

describe('SIGTERM', () => {
  it('stops taking jobs, finishes those in hand and exits 0; nothing is lost', { timeout: 90_000 }, async () => {
    const all = await add(4_000);
    const worker = await start();
    await waitFor(async () => ((await storedCount()) >= 100 ? true : undefined), 20_000, 'first reports stored');
    const inHand = (await queue.getActive()).map((job) => job.id!);
    worker.child.kill('SIGTERM');
    expect(await worker.exited()).toBe(0);

    // The jobs it held when told to stop were finished (stored), not dropped or given back.
    expect(inHand.length).toBeGreaterThan(0);
    for (const id of inHand) expect(await queue.getJobState(id)).toBe('completed');
    expect(givenBack(worker)).toEqual([]);
    // It took no new job: work remained in the queue, untouched; nothing is locked or failed.
    expect(await queue.getActiveCount()).toBe(0);
    expect(await queue.getFailedCount()).toBe(0);
    const atStop = await storedCount();
    expect(atStop).toBeLessThan(all.length);
    expect(await queue.getCompletedCount()).toBe(atStop);
    expect(await queue.getWaitingCount()).toBe(all.length - atStop);

    const next = await start();
    await waitFor(async () => ((await storedCount()) >= all.length ? true : undefined), 60_000, 'the rest stored by the next worker');
    next.child.kill('SIGTERM');
    expect(await next.exited()).toBe(0);
    expect(await distinctStored()).toBe(all.length);
    expect(await storedCount()).toBe(all.length);
    await queue.obliterate({ force: true });
    await t.db.deleteFrom('reports').execute();
  });

  it('keeps jobs it cannot finish until the deadline, then gives them back to the queue and exits 0; the next worker stores them', { timeout: 60_000 }, async () => {
    const worker = await start();
    proxy.stall(); // the database stops answering: jobs in hand hang
    const all = await add(40);
    await waitFor(async () => ((await queue.getActiveCount()) === all.length ? true : undefined), 10_000, 'every job in hand');
    worker.child.kill('SIGTERM');
    // Until the deadline the stopping worker keeps them: still running, still holding every job.
    expect(worker.child.exitCode).toBeNull();
    expect(await queue.getActiveCount()).toBe(all.length);
    expect(await queue.getWaitingCount()).toBe(0);
    expect(await worker.exited()).toBe(0);

    // At the deadline it gave each back at once (not left to the stalled-job check), failing none.
    expect(givenBack(worker).sort()).toEqual(all.map((s) => s.id).sort());
    expect(await queue.getActiveCount()).toBe(0);
    expect(await queue.getWaitingCount()).toBe(all.length);
    expect(await queue.getFailedCount()).toBe(0);

    proxy.cut();
    proxy.restore();
    const next = await start();
    await waitFor(async () => ((await storedCount()) >= all.length ? true : undefined), 30_000, 'every report stored by the next worker');
    next.child.kill('SIGTERM');
    expect(await next.exited()).toBe(0);
    expect(await t.db.selectFrom('reports').select('id').execute()).toHaveLength(all.length);
    expect(givenBack(next)).toEqual([]);
  });
});
