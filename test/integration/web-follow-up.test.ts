import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealJson, sealingContext, type ContactRequest } from '@relais/core';
import { unreadReporterAnswers } from '@relais/db';
import {
  createBotsService,
  createWebFollowUp,
  ErasureQueue,
  type BotsService,
  type WebFollowUp,
  SIGN_IN_LIMITS,
} from '@relais/bots';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { followUpClient } from '../support/follow-up-client.ts';
import { capturedLogger } from '../support/log-capture.ts';
import type { ModerationClient } from '../support/moderation-client.ts';
import { moderationStack, type ModerationStack } from '../support/moderation-stack.ts';
import { atFreePublicUrl } from '../support/public-url.ts';
import { keysContaining } from '../support/redis-scan.ts';
import { readableMail, startSmtpSink } from '../support/smtp-sink.ts';
import { waitFor } from '../support/wait-for.ts';
import { sendWebReport, type WebReceipt } from '../support/web-report.ts';

const DESCRIPTION = 'Insultée devant le bar par deux hommes, je voudrais qu’on me réponde ici.';
const logs = capturedLogger('web-follow-up');
let s: ModerationStack;
let bots: BotsService;
let worker: WorkerService;
let botsUrl: string;
let mod: ModerationClient;
let redis: Redis;
let receipt: WebReceipt;
let reportId: string;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

const client = () => followUpClient(botsUrl);
const signIn = (reference: string, phrase: string) => client().signIn(reference, phrase);
const session = () => client().session(receipt.reference, receipt.phrase);
const withToken = (token: string, path: string, init: { method?: string; json?: unknown } = {}) =>
  client().withToken(token, path, init);
const view = (token: string) => client().view(token);

beforeAll(async () => {
  s = await moderationStack('web-follow-up');
  await s.partner('montpellier', [], ['montpellier']);
  mod = await s.signIn(await s.account('moderator'));
  const { config, port } = await atFreePublicUrl(s.config);
  bots = await createBotsService(config, logs.logger);
  botsUrl = await bots.server.listen({ host: '127.0.0.1', port });
  smtp = await startSmtpSink();
  // The platform's mailer, and links built from PUBLIC_URL (here the bots on loopback).
  worker = await createWorkerService({ ...config, smtpUrl: smtp.url, publicUrl: botsUrl }, logs.logger);
  redis = new Redis(s.config.redisUrl);
  receipt = await sendWebReport(botsUrl, 'montpellier', DESCRIPTION);
  reportId = await waitFor(
    async () =>
      (await s.t.db.selectFrom('reports').select('id').where('reference', '=', receipt.reference).executeTakeFirst())
        ?.id,
    15_000,
    'the web report stored',
  );
}, 60_000);

afterAll(async () => {
  await bots?.close();
  await worker?.close();
  await smtp?.close();
  redis?.disconnect();
  await s?.close();
});

describe('following a web report without an account', () => {
  it('the web receipt gives a reference and a five-word secret phrase, stored only as a slow hash', async () => {
    expect(receipt.text).toContain('Suivre mon signalement');
    expect(receipt.phrase.split(' ')).toHaveLength(5);
    const stored = await waitFor(
      async () =>
        (await s.t.db
          .selectFrom('report_follow_ups' as never)
          .selectAll()
          .execute()) as { report_id: string; secret_hash: string }[],
      5_000,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ report_id: reportId, secret_hash: expect.stringMatching(/^scrypt2\$/) });
    expect(stored[0]!.secret_hash).not.toContain(receipt.phrase.split(' ')[0]);
  });

  it('the right phrase shows the status, then a moderator’s reply delivered by the outbound job', async () => {
    const token = await session();
    expect(await view(token)).toMatchObject({
      reference: receipt.reference,
      status: 'received',
      open: true,
      answersExpected: true,
      messages: [],
    });

    const sent = await mod.post(`/api/staff/reports/${reportId}/messages`, {
      body: 'Bonjour, ici l’association. Nous avons lu votre signalement.',
    });
    expect(sent.status).toBe(200);
    const thread = await waitFor(
      async () => {
        const v = await view(token);
        return v.messages.length > 0 ? v.messages : undefined;
      },
      15_000,
      'the reply in the follow-up inbox',
    );
    expect(thread).toEqual([
      {
        from: 'association',
        text: 'Bonjour, ici l’association. Nous avons lu votre signalement.',
        at: expect.any(String),
      },
    ]);
    const row = await s.t.db
      .selectFrom('messages')
      .selectAll()
      .where('report_id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ direction: 'to_reporter', status: 'sent', attempts: 1, error: null });
  });

  it('the person’s answer appears in the staff thread of the report', async () => {
    const token = await session();
    const answered = await withToken(token, '/report/follow/messages', {
      method: 'POST',
      json: { text: 'Merci. Je suis disponible le soir.' },
    });
    expect(answered.status).toBe(201);
    expect((await view(token)).messages.map((m) => m.from)).toEqual(['association', 'you']);
    const staff = await mod.get(`/api/staff/reports/${reportId}`);
    expect(staff.status).toBe(200);
    expect(staff.json.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          direction: 'from_reporter',
          status: 'received',
          body: 'Merci. Je suis disponible le soir.',
        }),
      ]),
    );
    expect((await withToken(token, '/report/follow/messages', { method: 'POST', json: { text: '   ' } })).status).toBe(
      400,
    );
    expect((await withToken('x'.repeat(43), '/report/follow/report')).status).toBe(401);
  });

  it('an answer saying the person is in danger now gets the emergency guidance first, and reaches staff marked urgent', async () => {
    const token = await session();
    const answered = await withToken(token, '/report/follow/messages', {
      method: 'POST',
      json: { text: 'Au secours, il est encore là devant ma porte' },
    });
    expect(answered.status).toBe(201);
    expect(await answered.json()).toEqual({ status: 'stored', urgent: true });
    const rows = await s.t.db
      .selectFrom('messages')
      .select(['urgent', 'read_at'])
      .where('report_id', '=', reportId)
      .where('direction', '=', 'from_reporter')
      .orderBy('created_at')
      .execute();
    expect(rows).toEqual([
      { urgent: false, read_at: null },
      { urgent: true, read_at: null },
    ]);
    expect(await unreadReporterAnswers(s.t.db, reportId)).toEqual({ count: 2, urgent: true });
    const staff = await mod.get(`/api/staff/reports/${reportId}`);
    expect(staff.json.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ body: 'Merci. Je suis disponible le soir.', urgent: false }),
        expect.objectContaining({ body: 'Au secours, il est encore là devant ma porte', urgent: true }),
      ]),
    );
    const staffPage = await mod.request('GET', `/staff/reports/${reportId}`, { headers: { accept: 'text/html' } });
    expect(staffPage.text).toMatch(
      /<span class="badge flag">dit être en danger maintenant<\/span><div class="text">Au secours/,
    );
    // The page shows the guidance before the confirmation, in the person's language.
    const page = await (await fetch(`${botsUrl}/report/follow`)).text();
    expect(page).toMatch(/"answerDanger":"Si vous êtes en danger maintenant : appelez le 17/);
  });

  it('an e-mail re-contact: the platform mails a link with no report content, and the link opens the page where the message waits', async () => {
    const contact: ContactRequest = { method: 'email', value: 'camille@example.org' };
    await s.t.db
      .updateTable('reports')
      .set({
        contact_method: 'email',
        contact_enc: sealJson(s.keyring, contact, sealingContext.reportContact(reportId)),
      })
      .where('id', '=', reportId)
      .execute();
    const canary = 'CANARY-e2e Nous pouvons vous accompagner au commissariat.';
    expect((await mod.post(`/api/staff/reports/${reportId}/messages`, { body: canary })).status).toBe(200);
    const mail = await waitFor(async () => smtp.received[0], 15_000, 'the re-contact e-mail');
    expect(mail.to).toEqual(['camille@example.org']);
    const text = readableMail(mail.raw);
    for (const content of ['CANARY', 'commissariat', DESCRIPTION.slice(0, 20), receipt.reference])
      expect(mail.raw + text).not.toContain(content);
    const link = /Vous avez un message de l’association : ouvrez (\S+)/.exec(text)?.[1];
    expect(link).toBe(`${botsUrl}/report/follow?lang=fr`);
    const page = await fetch(link!);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<h1>Suivre mon signalement<\/h1>/);
    const token = await session();
    const page2 = await view(token);
    expect(page2.messages).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: 'association', text: canary })]),
    );
    // The association writes here to an e-mail reporter: no "it will not write to you here".
    expect(page2.answersExpected).toBe(true);
  });

  it('an unknown reference is refused exactly like a wrong phrase', async () => {
    const wrong = await signIn(receipt.reference, 'piano koala tango canal salsa');
    const unknown = await signIn('WXYC-3467', receipt.phrase);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it('nothing of the phrase or the session token is in the logs or in clear in Redis', async () => {
    const token = await session();
    const needles = [
      receipt.phrase,
      receipt.phrase.split(' ').slice(0, 2).join(' '),
      receipt.phrase.split(' ').slice(-2).join(' '),
      token,
    ];
    expect(await keysContaining(redis, s.config.queuePrefix, needles)).toEqual([]);
    const all = logs.lines.join('') + s.logs.join('');
    for (const needle of [...needles, DESCRIPTION, 'Je suis disponible le soir']) expect(all).not.toContain(needle);
    expect(all).toContain('follow-up sign-in');
  });

  it('erasing from the follow-up page leaves a tombstone the phrase still opens', async () => {
    const token = await session();
    const erased = await withToken(token, '/report/follow/erasure', { method: 'POST' });
    expect(erased.status).toBe(202);
    expect(await erased.json()).toEqual({ status: 'erasure-requested' });
    expect((await withToken(token, '/report/follow/report')).status).toBe(401);
    const tombstone = await waitFor(
      async () => {
        const row = await s.t.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
        return row.status === 'erased' ? row : undefined;
      },
      15_000,
      'the tombstone',
    );
    expect(tombstone).toMatchObject({
      description_enc: null,
      contact_enc: null,
      reporter_key: null,
      postal_code: null,
    });
    expect(await s.t.db.selectFrom('messages').selectAll().where('report_id', '=', reportId).execute()).toEqual([]);
    const again = await session();
    expect(await view(again)).toMatchObject({ status: 'erased', open: false, messages: [] });
    expect(
      (await withToken(again, '/report/follow/messages', { method: 'POST', json: { text: 'encore là ?' } })).status,
    ).toBe(409);
  });

  it('wrong phrases for one reference wait with 429 and Retry-After, even the right one afterwards', async () => {
    // One wrong phrase was already tried above: the fifth wrong one in 15 minutes is the last heard.
    const statuses: number[] = [];
    for (let i = 0; i < 8 && statuses.at(-1) !== 429; i++)
      statuses.push((await signIn(receipt.reference, `faux essai numero ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const blocked = await signIn(receipt.reference, receipt.phrase);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await blocked.json()).toMatchObject({ error: 'TOO_MANY_ATTEMPTS' });
  });

  it('a report sent twice gets the same phrase in both receipts, kept sealed in Redis meanwhile', async () => {
    const erasure = new ErasureQueue(redis, s.config.queuePrefix);
    const followUp = createWebFollowUp({
      db: s.t.db,
      redis,
      keyring: s.keyring,
      prefix: s.config.queuePrefix,
      erasure,
      logger: logs.logger,
    });
    const id = crypto.randomUUID();
    const first = await followUp.phrases.issue(id);
    const again = await followUp.phrases.issue(id);
    expect(again).toEqual(first);
    expect((await followUp.phrases.issue(crypto.randomUUID())).phrase).not.toBe(first.phrase);
    expect(await keysContaining(redis, s.config.queuePrefix, [first.phrase])).toEqual([]);
    await erasure.close();
  });

  it('one address trying many references waits too', async () => {
    let status = 0;
    for (let i = 0; i < 25 && status !== 429; i++)
      status = (await signIn(`WXYC-${['3467', '4679', '7769', '3333'][i % 4]}`, `essai ${i}`)).status;
    expect(status).toBe(429);
  });
});

describe('the sign-in limits, against the real service', () => {
  let erasure: ErasureQueue;
  let signInAt: (phrase: string, address: string) => ReturnType<WebFollowUp['service']['signIn']>;

  beforeAll(() => {
    erasure = new ErasureQueue(redis, s.config.queuePrefix);
    const { service } = createWebFollowUp({
      db: s.t.db,
      redis,
      keyring: s.keyring,
      prefix: s.config.queuePrefix,
      erasure,
      logger: logs.logger,
    });
    signInAt = (phrase, address) => service.signIn(receipt.reference, phrase, address);
  });
  afterAll(async () => {
    await erasure?.close();
  });

  const outcomes = (results: readonly { kind: string }[]) => {
    const counts: Record<string, number> = {};
    for (const r of results) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
    return counts;
  };

  it('300 simultaneous wrong phrases are limited exactly like 300 in a row', async () => {
    const burst = await Promise.all(Array.from({ length: 300 }, (_, i) => signInAt(`faux ${i}`, '203.0.113.10')));
    const row = [];
    for (let i = 0; i < 300; i++) row.push(await signInAt(`faux ${i}`, '203.0.113.11'));
    expect(outcomes(burst)).toEqual({ refused: 5, throttled: 295 });
    expect(outcomes(row)).toEqual(outcomes(burst));
  });

  it('a stranger holding the reference waits at their address; the reporter elsewhere still signs in', async () => {
    for (let i = 0; i < 5; i++) expect((await signInAt(`pas la phrase ${i}`, '198.51.100.20')).kind).toBe('refused');
    expect((await signInAt(receipt.phrase, '198.51.100.20')).kind).toBe('throttled');
    expect((await signInAt(receipt.phrase, '198.51.100.21')).kind).toBe('signed-in');
  });

  it('the per-reference bound over every address makes everyone wait only once it is full', async () => {
    // The same service with its own counters and a bound of 12 instead of 1,000, to stay quick.
    const { service } = createWebFollowUp({
      db: s.t.db,
      redis,
      keyring: s.keyring,
      prefix: `${s.config.queuePrefix}:bound`,
      erasure,
      logger: logs.logger,
      signInLimits: { ...SIGN_IN_LIMITS, perReference: { max: 12, windowSeconds: 3600 } },
    });
    const at = (phrase: string, address: string) => service.signIn(receipt.reference, phrase, address);
    const guessers = ['10.9.0.1', '10.9.0.2', '10.9.0.3'];
    const guesses = await Promise.all(
      guessers.flatMap((address) => Array.from({ length: 5 }, (_, i) => at(`devine ${i}`, address))),
    );
    expect(outcomes(guesses)).toEqual({ refused: 12, throttled: 3 });
    const reporter = await at(receipt.phrase, '198.51.100.99');
    expect(reporter.kind).toBe('throttled');
    expect((reporter as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(3600);
  });
});
