import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKeyring,
  DIGEST_QUEUE,
  INTAKE_JOB,
  INTAKE_JOB_OPTIONS,
  INTAKE_QUEUE,
  OUTBOUND_QUEUE,
  type RelaisConfig,
} from '@relais/core';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { runCommand } from '@relais/moderation-ui';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { capturedLogger } from '../support/log-capture.ts';
import { testConfig } from '../support/test-config.ts';

const CANARY = { phone: '06 98 76 54 32', email: 'canari-cli@example.org' };

let t: TestDatabase;
let config: RelaisConfig;
let worker: WorkerService;
let redis: Redis;
let digests: Queue;
const queues = new Map<string, Queue>();
const logs = capturedLogger('failed-jobs-cli');

const cli = (...argv: string[]) =>
  runCommand(argv, { db: t.db, keyring: createKeyring(config.dataKey!), digestQueue: async () => digests });

/** Adds a job and waits until the worker failed it for good. */
async function failed(queueName: string, name: string, data: unknown, options = {}): Promise<string> {
  const queue = queues.get(queueName)!;
  const events = new QueueEvents(queueName, { connection: redis.duplicate(), prefix: config.queuePrefix });
  await events.waitUntilReady();
  try {
    const job = await queue.add(name, data, { jobId: randomUUID(), ...options });
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow();
    return job.id!;
  } finally {
    await events.close();
  }
}

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'failedjobscli');
  config = testConfig({ DATABASE_URL: t.url });
  redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  for (const name of [INTAKE_QUEUE, OUTBOUND_QUEUE])
    queues.set(name, new Queue(name, { connection: redis, prefix: config.queuePrefix }));
  digests = new Queue(DIGEST_QUEUE, { connection: redis, prefix: config.queuePrefix });
  worker = await createWorkerService(config, logs.logger);
});

afterAll(async () => {
  await worker?.close();
  for (const queue of [...queues.values(), digests]) {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
  }
  redis?.disconnect();
  await t?.drop();
});

describe('relais jobs failed', () => {
  it('shows admins each failed job with its queue, id, name, attempts, dates and reason, never its payload', async () => {
    const malformed = await failed(
      INTAKE_QUEUE,
      INTAKE_JOB,
      { v: 1, reportId: 'pas-un-uuid', sealed: `${CANARY.phone} ${CANARY.email}` },
      INTAKE_JOB_OPTIONS,
    );
    const unknown = await failed(OUTBOUND_QUEUE, 'no-such-job', { v: 1, note: CANARY.email });

    const out = await cli('jobs', 'failed');
    const intakeLine = out.split('\n').find((l) => l.includes(malformed));
    expect(intakeLine).toMatch(
      new RegExp(
        `^  ${malformed}\\t${INTAKE_JOB}\\tattempts 1/12\\tadded \\S+Z\\tfailed \\S+Z\\tinvalid intake payload: reportId: invalid_format`,
      ),
    );
    const outboundLine = out.split('\n').find((l) => l.includes(unknown));
    expect(outboundLine).toMatch(/\tno-such-job\tattempts 1\/1\t.*unknown job "no-such-job" on queue "outbound"/);
    expect(out).toMatch(/^intake: 1 failed$/m);
    expect(out).toMatch(/^outbound: 1 failed$/m);
    expect(out).toMatch(/^maintenance: 0 failed$/m);
    expect(out).toMatch(/^digests: 0 failed$/m);
    for (const secret of [CANARY.phone, CANARY.email]) expect(out).not.toContain(secret);
  });

  it('lists one queue when asked, and refuses an unknown queue with its usage', async () => {
    const out = await cli('jobs', 'failed', 'outbound');
    expect(out).toMatch(/^outbound: 1 failed$/m);
    expect(out).not.toMatch(/^intake:/m);
    await expect(cli('jobs', 'failed', 'nowhere')).rejects.toThrow(
      /usage: relais jobs failed \[intake\|outbound\|maintenance\|digests\]/,
    );
  });

  it('leaves the failed jobs where they are, for a retry', async () => {
    expect(await queues.get(INTAKE_QUEUE)!.getFailedCount()).toBe(1);
    expect(await queues.get(OUTBOUND_QUEUE)!.getFailedCount()).toBe(1);
  });
});
