import { randomUUID } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKeyring,
  OUTBOUND_JOB,
  OUTBOUND_JOB_OPTIONS,
  OUTBOUND_QUEUE,
  sealJson,
  sealMessageBody,
  type ContactRequest,
  type RelaisConfig,
} from '@relais/core';
import { insertFollowUpSecret, insertOutboundMessage } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { fakeTelegram } from '../support/fake-telegram.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { reportRow } from '../support/report-rows.ts';
import { readableMail, startSmtpSink } from '../support/smtp-sink.ts';
import { staffAuthor } from '../support/staff-reply.ts';
import { testConfig } from '../support/test-config.ts';

const CHAT_ID = 731_000_123;
const telegram = fakeTelegram('http://telegram-outbound.invalid');
const logs = capturedLogger('outbound');
let t: TestDatabase;
let config: RelaisConfig;
let worker: WorkerService;
let queue: Queue;
let events: QueueEvents;
let redis: Redis;
let authorId: string;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const PUBLIC_URL = 'https://signaler.example.org';

const keyring = () => createKeyring(config.dataKey!);
const sends = () => telegram.calls.filter((c) => c.method === 'sendMessage');

/** A stored report whose reporter asked to be re-contacted by `contact`, and a message to them. */
async function messageTo(contact: ContactRequest | null, body: string, reportOverrides = {}): Promise<string> {
  const reportId = randomUUID();
  await t.db
    .insertInto('reports')
    .values(
      reportRow({
        id: reportId,
        contact_method: contact?.method ?? null,
        contact_enc: contact ? sealJson(keyring(), contact, `report:${reportId}:contact`) : null,
        ...reportOverrides,
      }),
    )
    .execute();
  const messageId = randomUUID();
  await insertOutboundMessage(t.db, {
    id: messageId,
    reportId,
    authorId,
    bodyEnc: sealMessageBody(keyring(), messageId, body),
  });
  return messageId;
}

async function deliver(messageId: string) {
  const job = await queue.add(
    OUTBOUND_JOB,
    { v: 1, messageId },
    { ...OUTBOUND_JOB_OPTIONS, backoff: { type: 'fixed', delay: 100 }, jobId: messageId },
  );
  return job.waitUntilFinished(events, 20_000);
}

const messageRow = (id: string) =>
  t.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  telegram.server.listen({ onUnhandledRequest: 'bypass' });
  t = await createTestDatabase(testConfig().databaseUrl, 'outbound');
  smtp = await startSmtpSink();
  config = testConfig({
    SMTP_URL: smtp.url,
    PUBLIC_URL,
    DATABASE_URL: t.url,
    TELEGRAM_BOT_TOKEN: '123456789:AAOutboundTestToken_0000000000',
    TELEGRAM_API_ROOT: telegram.apiRoot,
  });
  authorId = await staffAuthor(t.db);
  redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  queue = new Queue(OUTBOUND_QUEUE, { connection: redis, prefix: config.queuePrefix });
  events = new QueueEvents(OUTBOUND_QUEUE, { connection: redis.duplicate(), prefix: config.queuePrefix });
  await events.waitUntilReady();
  worker = await createWorkerService(config, logs.logger);
});

afterAll(async () => {
  await worker?.close();
  await events?.close();
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  redis?.disconnect();
  telegram.server.close();
  await smtp?.close();
  await t?.drop();
});

describe('outbound job', () => {
  it('delivers a moderator’s message to the reporter’s Telegram chat once, and records it sent', async () => {
    const id = await messageTo(
      { method: 'chat', address: { channel: 'telegram', chatId: CHAT_ID } },
      'Bonjour, ici l’association. Pouvez-vous nous rappeler ?',
    );
    expect(await deliver(id)).toEqual({ status: 'sent' });
    expect(sends().at(-1)?.body).toMatchObject({
      chat_id: CHAT_ID,
      text: 'Bonjour, ici l’association. Pouvez-vous nous rappeler ?',
      reply_markup: { inline_keyboard: [[{ text: 'Répondre à l’association', callback_data: `r:${id}` }]] },
    });
    expect(await messageRow(id)).toMatchObject({ status: 'sent', attempts: 1, error: null });
    expect((await messageRow(id)).sent_at).not.toBeNull();
    // Queued again (same job id after removal, or a re-run): not sent twice.
    const rerun = await queue.add(OUTBOUND_JOB, { v: 1, messageId: id }, { jobId: `${id}-rerun` });
    expect(await rerun.waitUntilFinished(events, 10_000)).toEqual({ status: 'already-sent' });
    expect(
      sends().filter((c) => c.body.text === 'Bonjour, ici l’association. Pouvez-vous nous rappeler ?'),
    ).toHaveLength(1);
  });

  it('waits out Telegram’s 429 retry_after, then delivers', async () => {
    let refusals = 0;
    telegram.server.use(
      http.post(`${telegram.apiRoot}/:bot/sendMessage`, () => {
        if (refusals++ > 0) return undefined;
        return HttpResponse.json(
          {
            ok: false,
            error_code: 429,
            description: 'Too Many Requests: retry after 1',
            parameters: { retry_after: 1 },
          },
          { status: 429 },
        );
      }),
    );
    const id = await messageTo(
      { method: 'chat', address: { channel: 'telegram', chatId: CHAT_ID } },
      'Message après limitation.',
    );
    const started = Date.now();
    expect(await deliver(id)).toEqual({ status: 'sent' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(refusals).toBe(2);
    telegram.server.resetHandlers();
  });

  it('retries a Telegram outage with backoff, recording each failed attempt, then delivers', async () => {
    let failures = 0;
    telegram.server.use(
      http.post(`${telegram.apiRoot}/:bot/sendMessage`, () => {
        if (failures >= 2) return undefined;
        failures++;
        return HttpResponse.json({ ok: false, error_code: 502, description: 'Bad Gateway' }, { status: 502 });
      }),
    );
    const id = await messageTo(
      { method: 'chat', address: { channel: 'telegram', chatId: CHAT_ID } },
      'Après la panne.',
    );
    expect(await deliver(id)).toEqual({ status: 'sent' });
    telegram.server.resetHandlers();
    expect((await queue.getJob(id))?.attemptsMade).toBe(3);
    expect(await messageRow(id)).toMatchObject({ status: 'sent', attempts: 3, error: null });
  });

  it('fails at once, recording why, when the reporter blocked the bot', async () => {
    telegram.server.use(
      http.post(`${telegram.apiRoot}/:bot/sendMessage`, () =>
        HttpResponse.json(
          { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
          { status: 403 },
        ),
      ),
    );
    const id = await messageTo(
      { method: 'chat', address: { channel: 'telegram', chatId: CHAT_ID } },
      'Vous nous entendez ?',
    );
    await expect(deliver(id)).rejects.toThrow(/telegram 403: Forbidden: bot was blocked by the user/);
    telegram.server.resetHandlers();
    expect(await messageRow(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: 'telegram 403: Forbidden: bot was blocked by the user',
    });
    expect((await queue.getJob(id))?.attemptsMade).toBe(1);
  });

  it('never writes to a reporter who gave no chat contact, or whose report was erased', async () => {
    const before = sends().length;
    const email = await messageTo({ method: 'email', value: 'victime@example.org' }, 'Par mail ?');
    // E-mail points to a follow-up page, which a Telegram report stored without a phrase does not have.
    await expect(deliver(email)).rejects.toThrow(/no follow-up page for an e-mail to point to/);
    const phone = await messageTo({ method: 'phone', value: '06 12 34 56 78' }, 'Par téléphone ?');
    await expect(deliver(phone)).rejects.toThrow(/call them, nothing is sent/);
    const erased = await messageTo(null, 'Trop tard.', { status: 'erased' });
    await expect(deliver(erased)).rejects.toThrow(/erased/);
    const webchat = await messageTo(
      { method: 'chat', address: { channel: 'webchat', inbox: 'inbox-0123456789abcdef' } },
      'Web ?',
    );
    await expect(deliver(webchat)).rejects.toThrow(/web report has no follow-up inbox/);
    expect(sends().length).toBe(before);
    expect(await messageRow(webchat)).toMatchObject({ status: 'failed' });
  });

  it('delivers to a web reporter’s follow-up inbox: the message is recorded sent, nothing goes to Telegram', async () => {
    const before = sends().length;
    const id = await messageTo(
      { method: 'chat', address: { channel: 'webchat', inbox: 'inbox-0123456789abcdef' } },
      'Bonjour, répondez-nous sur la page de suivi.',
    );
    const { report_id: reportId } = await messageRow(id);
    await insertFollowUpSecret(t.db, reportId, `scrypt$test$${'0'.repeat(40)}`);
    expect(await deliver(id)).toEqual({ status: 'sent' });
    expect(await messageRow(id)).toMatchObject({ status: 'sent', attempts: 1, error: null });
    expect(sends().length).toBe(before);
    expect(logs.lines.join('')).toContain('message delivered to the web follow-up inbox');
  });

  it('tells an e-mail reporter from the platform’s address that a message waits, with no report content and a link to the follow-up page', async () => {
    const before = sends().length;
    const canary = 'CANARY-7f3a Nous avons retrouvé la personne qui vous a suivie.';
    const id = await messageTo({ method: 'email', value: 'alex@example.org' }, canary, {
      channel: 'webchat',
      lang: 'en',
      description_enc: Buffer.from('CANARY-description'),
    });
    const { report_id: reportId } = await messageRow(id);
    await insertFollowUpSecret(t.db, reportId, `scrypt$test$${'0'.repeat(40)}`);
    smtp.failNext(1); // a flaky relay: 451, retried
    expect(await deliver(id)).toEqual({ status: 'sent' });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(config.mailFrom).toContain(mail.from); // the envelope sender is MAIL_FROM's address
    expect(mail.from).not.toBe('moderatrice@example.org');
    expect(mail.to).toEqual(['alex@example.org']);
    const text = readableMail(mail.raw);
    expect(text).toMatch(/Subject: You have a message from the association/);
    expect(text).toContain(`You have a message from the association: open ${PUBLIC_URL}/report/follow?lang=en`);
    const reference = (
      await t.db.selectFrom('reports').select('reference').where('id', '=', reportId).executeTakeFirstOrThrow()
    ).reference;
    for (const content of ['CANARY', 'retrouvé', reference]) expect(mail.raw + text).not.toContain(content);
    expect(await messageRow(id)).toMatchObject({ status: 'sent', attempts: 2, error: null });
    expect(sends().length).toBe(before);
  });

  it('logged message ids, never the chat id, the body or the token', () => {
    const all = logs.lines.join('');
    expect(all).toContain('message delivered');
    for (const secret of [
      String(CHAT_ID),
      'Pouvez-vous nous rappeler',
      'victime@example.org',
      'alex@example.org',
      'CANARY',
      config.telegram.token!,
    ])
      expect(all).not.toContain(secret);
  });
});
