import { randomUUID } from 'node:crypto';
import type { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INTAKE_JOB,
  INTAKE_JOB_OPTIONS,
  INTAKE_QUEUE,
  createKeyring,
  sealSubmission,
  type RelaisConfig,
  type ReportSubmission,
} from '@relais/core';
import type { TestDatabase } from '@relais/db/testing';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { submission as aSubmission } from '../support/submissions.ts';

let h: IntakeHarness;
let t: TestDatabase;
let config: RelaisConfig;
let queue: Queue;
let events: QueueEvents;
let redis: Redis;
const logs = capturedLogger('intake-test');

/** The intake tests' report: a violence with a name in the text, an e-mail contact, in Corsica. */
const submission = (overrides: Partial<ReportSubmission> = {}): ReportSubmission =>
  aSubmission({
    actTypes: ['physical_violence'],
    location: { kind: 'fr', postalCode: '20090' },
    description: 'Frappé à la sortie du bar par un certain Marc Dupont.',
    complaint: 'intends_to',
    contact: { method: 'email', value: 'victime@example.org' },
    reporterKey: null,
    ...overrides,
  });

beforeAll(async () => {
  h = await startIntakeHarness('intake');
  ({ t, config, redis, queue } = h);
  events = await h.queueEvents(INTAKE_QUEUE);
  await h.startWorkerService(logs.logger);
});

afterAll(async () => {
  await h?.close();
});

describe('intake job', () => {
  const keyring = () => createKeyring(config.dataKey!);

  it('stores a sealed submission once, encrypted, with its tags, even when the job is added twice', async () => {
    const s = submission();
    const job = await queue.add(INTAKE_JOB, sealSubmission(keyring(), s), { ...INTAKE_JOB_OPTIONS, jobId: s.id });
    await job.waitUntilFinished(events, 15_000);
    const again = await queue.add(INTAKE_JOB, sealSubmission(keyring(), s), { ...INTAKE_JOB_OPTIONS, jobId: s.id });
    expect(again.id).toBe(job.id);
    const rows = await t.db.selectFrom('reports').selectAll().where('id', '=', s.id).execute();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      status: 'received',
      postal_code: '20090',
      departement: '2A',
      priority: 1,
      contact_method: 'email',
    });
    expect(row.description_enc!.toString('latin1')).not.toContain('Dupont');
    expect(row.contact_enc!.toString('latin1')).not.toContain('victime@example.org');
  });

  it('stores a re-run of the same report as a no-op', async () => {
    const s = submission();
    const first = await queue.add(INTAKE_JOB, sealSubmission(keyring(), s), { jobId: `${s.id}-a` });
    expect(await first.waitUntilFinished(events, 15_000)).toEqual({ stored: true });
    const second = await queue.add(INTAKE_JOB, sealSubmission(keyring(), s), { jobId: `${s.id}-b` });
    expect(await second.waitUntilFinished(events, 15_000)).toEqual({ stored: false });
    expect(await t.db.selectFrom('reports').select('id').where('id', '=', s.id).execute()).toHaveLength(1);
  });

  it('fails a malformed payload at once with its reason, stores nothing and keeps working', async () => {
    const before = await t.db.selectFrom('reports').select('id').execute();
    const job = await queue.add(
      INTAKE_JOB,
      { v: 1, reportId: 'nope', sealed: 42 },
      { ...INTAKE_JOB_OPTIONS, jobId: randomUUID() },
    );
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(
      /invalid intake payload: reportId: invalid_format; sealed: invalid_type/,
    );
    const failed = await queue.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(await failed?.getState()).toBe('failed');

    const s = submission({ actTypes: [] });
    const wrong = await queue.add(INTAKE_JOB, sealSubmission(keyring(), s), { ...INTAKE_JOB_OPTIONS, jobId: s.id });
    await expect(wrong.waitUntilFinished(events, 15_000)).rejects.toThrow(/actTypes: too_small/);

    const forged = await queue.add(INTAKE_JOB, sealSubmission(createKeyring(Buffer.alloc(32, 1)), submission()), {
      ...INTAKE_JOB_OPTIONS,
    });
    await expect(forged.waitUntilFinished(events, 15_000)).rejects.toThrow(/no data key with id/);

    expect(await t.db.selectFrom('reports').select('id').execute()).toHaveLength(before.length);
    const ok = submission();
    await (
      await queue.add(INTAKE_JOB, sealSubmission(keyring(), ok), { jobId: ok.id })
    ).waitUntilFinished(events, 15_000);
    expect(await t.db.selectFrom('reports').select('id').where('id', '=', ok.id).execute()).toHaveLength(1);
  });

  it('never puts readable report text or contact details in Redis', async () => {
    const keys = await redis.keys(`${config.queuePrefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const type = await redis.type(key);
      const dump =
        type === 'hash' ? JSON.stringify(await redis.hgetall(key)) : type === 'string' ? await redis.get(key) : '';
      expect(dump ?? '').not.toContain('victime@example.org');
      expect(dump ?? '').not.toContain('Dupont');
    }
    expect(logs.lines.join('')).not.toContain('Dupont');
  });
});
