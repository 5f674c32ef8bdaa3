import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKeyring,
  INTAKE_JOB,
  INTAKE_JOB_OPTIONS,
  INTAKE_QUEUE,
  MAINTENANCE_QUEUE,
  OUTBOUND_JOB,
  OUTBOUND_JOB_OPTIONS,
  OUTBOUND_QUEUE,
  sealSubmission,
  type RelaisConfig,
} from '@relais/core';
import { findReport } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { capturedLogger } from '../support/log-capture.ts';
import { submission } from '../support/submissions.ts';
import { testConfig } from '../support/test-config.ts';

let t: TestDatabase;
let config: RelaisConfig;
let worker: WorkerService;
let redis: Redis;
let metricsUrl: string;
const queues = new Map<string, { queue: Queue; events: QueueEvents }>();
const logs = capturedLogger('malformed');

function on(name: string) {
  return queues.get(name)!;
}

async function failedReason(
  queueName: string,
  jobName: string,
  data: unknown,
  options = {},
): Promise<{ reason: string; attemptsMade: number; state: string }> {
  const { queue, events } = on(queueName);
  const job = await queue.add(jobName, data, { attempts: 12, backoff: { type: 'fixed', delay: 50 }, ...options });
  await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow();
  const failed = (await queue.getJob(job.id!))!;
  return { reason: failed.failedReason, attemptsMade: failed.attemptsMade, state: await failed.getState() };
}

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'malformed');
  config = testConfig({ DATABASE_URL: t.url });
  redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  for (const name of [INTAKE_QUEUE, OUTBOUND_QUEUE, MAINTENANCE_QUEUE]) {
    const events = new QueueEvents(name, { connection: redis.duplicate(), prefix: config.queuePrefix });
    await events.waitUntilReady();
    queues.set(name, { queue: new Queue(name, { connection: redis, prefix: config.queuePrefix }), events });
  }
  worker = await createWorkerService(config, logs.logger);
  metricsUrl = `${await worker.server.listen({ host: '127.0.0.1', port: 0 })}/metrics`;
});

afterAll(async () => {
  await worker?.close();
  for (const { queue, events } of queues.values()) {
    await events.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  redis?.disconnect();
  await t?.drop();
});

describe('a malformed or unknown job', () => {
  it('fails at once with its reason when no definition knows its name, on every queue', async () => {
    for (const queue of [INTAKE_QUEUE, OUTBOUND_QUEUE, MAINTENANCE_QUEUE]) {
      const failed = await failedReason(queue, 'no-such-job', { v: 1 });
      expect(failed).toMatchObject({ attemptsMade: 1, state: 'failed' });
      expect(failed.reason).toMatch(new RegExp(`^unknown job "no-such-job" on queue "${queue}"; known: `));
    }
  });

  it('fails at once with the fields at fault, never quoting the payload, and is kept for admins', async () => {
    const outbound = await failedReason(
      OUTBOUND_QUEUE,
      OUTBOUND_JOB,
      { v: 1, messageId: 'Jean Dupont 06 11 22 33 44' },
      OUTBOUND_JOB_OPTIONS,
    );
    expect(outbound).toMatchObject({
      attemptsMade: 1,
      state: 'failed',
      reason: 'invalid outbound payload: messageId: invalid_format',
    });
    const missing = await failedReason(
      OUTBOUND_QUEUE,
      OUTBOUND_JOB,
      { v: 1, messageId: randomUUID() },
      OUTBOUND_JOB_OPTIONS,
    );
    expect(missing.reason).toMatch(/does not exist/);
    const intake = await failedReason(INTAKE_QUEUE, INTAKE_JOB, 'not even an object', INTAKE_JOB_OPTIONS);
    expect(intake).toMatchObject({ attemptsMade: 1, reason: 'invalid intake payload: (root): invalid_type' });
    expect(await on(OUTBOUND_QUEUE).queue.getFailedCount()).toBeGreaterThanOrEqual(2);
    expect(logs.lines.join('')).not.toContain('06 11 22 33 44');
  });

  it('fails alone inside a batch: the good jobs taken with it are stored', async () => {
    const keyring = createKeyring(config.dataKey!);
    const good = Array.from({ length: 20 }, () => submission());
    const forged = submission();
    const { queue, events } = on(INTAKE_QUEUE);
    // All added at once, so the worker takes them together and prepares them in one pass.
    const jobs = await queue.addBulk([
      ...good.map((s) => ({
        name: INTAKE_JOB,
        data: sealSubmission(keyring, s),
        opts: { ...INTAKE_JOB_OPTIONS, jobId: s.id },
      })),
      // Sealed under another data key: cannot be opened.
      {
        name: INTAKE_JOB,
        data: sealSubmission(createKeyring(Buffer.alloc(32, 7)), forged),
        opts: { ...INTAKE_JOB_OPTIONS, jobId: forged.id },
      },
      // Opens, but the submission inside is not one (no act type).
      { name: INTAKE_JOB, data: sealSubmission(keyring, { ...submission(), actTypes: [] }), opts: INTAKE_JOB_OPTIONS },
    ]);
    const outcomes = await Promise.allSettled(jobs.map((job) => job.waitUntilFinished(events, 15_000)));
    expect(
      outcomes.slice(0, good.length).every((o) => o.status === 'fulfilled' && (o.value as { stored: boolean }).stored),
    ).toBe(true);
    expect(outcomes.slice(good.length).map((o) => o.status)).toEqual(['rejected', 'rejected']);
    const [noKey, noActs] = await Promise.all(
      jobs.slice(good.length).map(async (job) => (await queue.getJob(job.id!))!),
    );
    expect(noKey!.failedReason).toMatch(/^invalid intake payload: no data key with id/);
    expect(noActs!.failedReason).toBe('invalid intake payload: actTypes: too_small');
    expect([noKey!.attemptsMade, noActs!.attemptsMade]).toEqual([1, 1]);
    for (const s of good) expect((await findReport(t.db, s.id))?.status).toBe('received');
    expect(await findReport(t.db, forged.id)).toBeUndefined();
  });

  it('never stops the worker: the next good job is stored', async () => {
    const s = submission();
    const { queue, events } = on(INTAKE_QUEUE);
    const job = await queue.add(INTAKE_JOB, sealSubmission(createKeyring(config.dataKey!), s), {
      ...INTAKE_JOB_OPTIONS,
      jobId: s.id,
    });
    expect(await job.waitUntilFinished(events, 15_000)).toEqual({ stored: true });
    expect((await findReport(t.db, s.id))?.status).toBe('received');
  });
});

describe('GET /metrics', () => {
  it('counts completed and finally failed jobs per queue, times them and reads queue depth, in Prometheus text', async () => {
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^relais_jobs_completed_total\{queue="intake"\} [1-9]/m);
    expect(text).toMatch(/^relais_jobs_failed_total\{queue="outbound",final="true"\} [2-9]/m);
    expect(text).toMatch(/^relais_jobs_failed_total\{queue="maintenance",final="true"\} [1-9]/m);
    expect(text).toMatch(/^relais_job_duration_seconds_bucket\{le="0\.1",queue="intake"\} [1-9]/m);
    expect(text).toMatch(/^relais_job_duration_seconds_count\{queue="intake"\} [1-9]/m);
    expect(text).toMatch(/^relais_queue_jobs\{queue="outbound",state="failed"\} [2-9]/m);
    expect(text).toMatch(/^relais_queue_jobs\{queue="intake",state="waiting"\} 0/m);
    expect(text).toMatch(/^relais_worker_process_resident_memory_bytes /m);
    expect(text).not.toMatch(/Dupont|06 11/);
  });
});
