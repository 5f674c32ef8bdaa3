import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKeyring,
  ERASURE_JOB_OPTIONS,
  INTAKE_JOB,
  INTAKE_JOB_OPTIONS,
  INTAKE_QUEUE,
  MAINTENANCE_JOBS,
  MAINTENANCE_QUEUE,
  OUTBOUND_QUEUE,
  sealSubmission,
  type RelaisConfig,
} from '@relais/core';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { fakeTelegram } from '../support/fake-telegram.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { keysContaining, dumpRedisKeys } from '../support/redis-scan.ts';
import { submission } from '../support/submissions.ts';
import { queueStaffReply, staffAuthor } from '../support/staff-reply.ts';
import { testConfig } from '../support/test-config.ts';

const CANARY_PHONE = '+33 6 47 29 81 53';
const CANARY_EMAIL = 'canari.7f3a9@example.org';
const CANARY_CHAT = 918_273_645;
const telegram = fakeTelegram('http://telegram-canary.invalid');
const logs = capturedLogger('canary');
let t: TestDatabase;
let config: RelaisConfig;
let worker: WorkerService;
let redis: Redis;

beforeAll(async () => {
  telegram.server.listen({ onUnhandledRequest: 'bypass' });
  t = await createTestDatabase(testConfig().databaseUrl, 'canary');
  config = testConfig({
    DATABASE_URL: t.url,
    TELEGRAM_BOT_TOKEN: '123456789:AACanaryTestToken_000000000000',
    TELEGRAM_API_ROOT: telegram.apiRoot,
  });
  redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  worker = await createWorkerService(config, logs.logger);
});

afterAll(async () => {
  await worker?.close();
  for (const name of [INTAKE_QUEUE, OUTBOUND_QUEUE, MAINTENANCE_QUEUE]) {
    const queue = new Queue(name, { connection: redis, prefix: config.queuePrefix });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  redis?.disconnect();
  telegram.server.close();
  await t?.drop();
});

describe('Redis after a run through every queue', () => {
  it('holds no readable phone number, e-mail address, chat id or report text anywhere', async () => {
    const keyring = createKeyring(config.dataKey!);
    const intake = new Queue(INTAKE_QUEUE, { connection: redis, prefix: config.queuePrefix });
    const intakeEvents = new QueueEvents(INTAKE_QUEUE, { connection: redis.duplicate(), prefix: config.queuePrefix });
    await intakeEvents.waitUntilReady();
    const reporterKey = 'f'.repeat(64);
    const description = `Menacé par mon ancien colocataire ; il a diffusé mon numéro ${CANARY_PHONE} et mon mail ${CANARY_EMAIL}.`;
    const byChat = submission({
      description,
      reporterKey,
      contact: { method: 'chat', address: { channel: 'telegram', chatId: CANARY_CHAT } },
    });
    const byMail = submission({ description, reporterKey, contact: { method: 'email', value: CANARY_EMAIL } });
    const byPhone = submission({ description, reporterKey, contact: { method: 'phone', value: CANARY_PHONE } });
    for (const s of [byChat, byMail, byPhone]) {
      const job = await intake.add(INTAKE_JOB, sealSubmission(keyring, s), { ...INTAKE_JOB_OPTIONS, jobId: s.id });
      await job.waitUntilFinished(intakeEvents, 15_000);
    }

    const outbound = new Queue(OUTBOUND_QUEUE, { connection: redis, prefix: config.queuePrefix });
    const outboundEvents = new QueueEvents(OUTBOUND_QUEUE, {
      connection: redis.duplicate(),
      prefix: config.queuePrefix,
    });
    await outboundEvents.waitUntilReady();
    const reply = `Nous avons bien noté le numéro ${CANARY_PHONE}.`;
    const messageId = await queueStaffReply(t.db, outbound, keyring, byChat.id, await staffAuthor(t.db), reply);
    const delivery = (await outbound.getJob(messageId))!;
    expect(await delivery.waitUntilFinished(outboundEvents, 15_000)).toEqual({ status: 'sent' });
    expect(telegram.calls.find((c) => c.method === 'sendMessage')?.body).toMatchObject({
      chat_id: CANARY_CHAT,
      text: reply,
    });

    const maintenance = new Queue(MAINTENANCE_QUEUE, { connection: redis, prefix: config.queuePrefix });
    const maintenanceEvents = new QueueEvents(MAINTENANCE_QUEUE, {
      connection: redis.duplicate(),
      prefix: config.queuePrefix,
    });
    await maintenanceEvents.waitUntilReady();
    const erasure = await maintenance.add(
      MAINTENANCE_JOBS.erasure,
      { v: 1, reporterKey, reportIds: [byPhone.id], requestedAt: new Date().toISOString() },
      ERASURE_JOB_OPTIONS,
    );
    expect(await erasure.waitUntilFinished(maintenanceEvents, 15_000)).toEqual({ erased: 1 });

    const dump = await dumpRedisKeys(redis, `${config.queuePrefix}:`);
    expect(dump.size).toBeGreaterThan(5);
    const needles = [
      CANARY_PHONE,
      CANARY_PHONE.replaceAll(' ', ''),
      '647298153',
      CANARY_EMAIL,
      String(CANARY_CHAT),
      'colocataire',
      'Nous avons bien noté',
    ];
    expect(await keysContaining(redis, `${config.queuePrefix}:`, needles)).toEqual([]);
    expect(logs.lines.join('')).not.toMatch(/canari|47 29 81|918273645|colocataire/);
    for (const closable of [intakeEvents, outboundEvents, maintenanceEvents, intake, outbound, maintenance])
      await closable.close();
  });
});
