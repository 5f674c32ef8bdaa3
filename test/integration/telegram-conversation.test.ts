import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import {
  INTAKE_QUEUE,
  MAINTENANCE_JOBS,
  MAINTENANCE_QUEUE,
  createKeyring,
  erasureJobData,
  keyedHash,
  openSubmission,
  type Keyring,
  type RelaisConfig,
  type ReportSubmission,
} from '@relais/core';
import { insertReport, insertSafePlaces } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createBotsService, DraftStore, type BotsService } from '@relais/bots';
import { fakeTelegram, FAKE_BOT } from '../support/fake-telegram.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { reportRow } from '../support/report-rows.ts';
import { DEMO_SAFE_PLACES } from '../support/safe-places.ts';
import { TelegramUser } from '../support/telegram-updates.ts';
import { testConfig } from '../support/test-config.ts';
import { deletePrefixKeys } from '../support/redis-scan.ts';

const SECRET = 'integration-webhook-secret-42';
const STORY = 'Un homme m’a craché dessus rue de la Loge en me traitant de tous les noms.';
const STORY_EN = 'Two pupils shouted slurs at my classmate in the schoolyard and the supervisor laughed.';

const telegram = fakeTelegram('http://telegram-conversation.invalid');
const logs = capturedLogger('telegram-conversation');
let t: TestDatabase;
let config: RelaisConfig;
let keyring: Keyring;
let bots: BotsService;
let url: string;
let redis: Redis;
let intake: Queue;
let maintenance: Queue;
let chatSeq = 610_000_000;

async function deliver(update: Record<string, unknown>, secret: string | null = SECRET): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) headers['x-telegram-bot-api-secret-token'] = secret;
  const response = await fetch(`${url}/telegram/webhook`, { method: 'POST', headers, body: JSON.stringify(update) });
  return response.status;
}

/** What one chat was sent, as the person sees it. */
function chat(user: TelegramUser) {
  const calls = () => telegram.calls.filter((c) => c.body.chat_id === user.chatId);
  return {
    texts: () =>
      calls()
        .filter((c) => c.method === 'sendMessage')
        .map((c) => String(c.body.text)),
    last: () =>
      String(
        calls()
          .filter((c) => c.method === 'sendMessage')
          .at(-1)?.body.text,
      ),
    buttons: () => {
      const markup = calls()
        .filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')
        .at(-1)?.body.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined;
      return markup?.inline_keyboard.flat() ?? [];
    },
    calls,
  };
}

async function say(user: TelegramUser, ...steps: (string | { tap: string })[]): Promise<void> {
  for (const s of steps) expect(await deliver(typeof s === 'string' ? user.text(s) : user.tap(`c:${s.tap}`))).toBe(200);
}

const tap = (value: string) => ({ tap: value });

async function intakeSubmissions(): Promise<ReportSubmission[]> {
  const jobs = await intake.getJobs(['waiting', 'delayed', 'active', 'completed']);
  return jobs.map((job) => openSubmission(keyring, job.data));
}

beforeAll(async () => {
  telegram.server.listen({ onUnhandledRequest: 'bypass' });
  t = await createTestDatabase(testConfig().databaseUrl, 'tgconv');
  await insertSafePlaces(t.db, DEMO_SAFE_PLACES);
  config = testConfig({
    DATABASE_URL: t.url,
    TELEGRAM_BOT_TOKEN: '123456789:AAIntegration_token_for_relais_0',
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: telegram.apiRoot,
  });
  keyring = createKeyring(config.dataKey!);
  bots = await createBotsService(config, logs.logger, { botInfo: FAKE_BOT, maxRetryDelaySeconds: 2 });
  url = await bots.server.listen({ host: '127.0.0.1', port: 0 });
  redis = new Redis(config.redisUrl);
  intake = new Queue(INTAKE_QUEUE, { connection: redis, prefix: config.queuePrefix });
  maintenance = new Queue(MAINTENANCE_QUEUE, { connection: redis, prefix: config.queuePrefix });
});

afterAll(async () => {
  await bots?.close();
  await intake?.close();
  await maintenance?.close();
  telegram.server.close();
  await deletePrefixKeys(redis, config.queuePrefix);
  redis.disconnect();
  await t?.drop();
});

let user: TelegramUser;
beforeEach(() => {
  chatSeq += 1;
  user = new TelegramUser(chatSeq, 'fr', 5_000_000 + (chatSeq % 1000) * 1000);
});

describe('the Telegram channel, through the webhook', () => {
  it('walks a full report in French: each question, ticks in place, contact through this chat, receipt, next steps', async () => {
    const c = chat(user);
    await say(user, '/start montpellier');
    expect(c.texts()[0]).toMatch(/assistant automatisé.*aucune IA ne décide/s);
    expect(c.buttons().map((b) => b.text)).toEqual(['Commencer', 'En savoir plus', 'English']);
    await say(user, tap('welcome:privacy'));
    expect(c.texts().at(-2)).toMatch(/chiffré et effacé après 24 heures/);
    await say(user, tap('welcome:go'));
    expect(c.last()).toBe('Êtes-vous la victime, ou témoin ?');
    await say(user, tap('role:victim'), tap('minor:no'));
    expect(c.last()).toMatch(/Que s’est-il passé/);
    const sentBefore = c.texts().length;
    await say(user, tap('acts:insult'), tap('acts:physical_violence'));
    expect(c.texts()).toHaveLength(sentBefore);
    const edits = c.calls().filter((call) => call.method === 'editMessageText');
    expect(edits).toHaveLength(2);
    expect(
      c
        .buttons()
        .filter((b) => b.text.startsWith('✅'))
        .map((b) => b.text),
    ).toEqual(['✅ Insultes, injures', '✅ Violences physiques']);
    await say(user, tap('acts:done'), tap('motives:transphobia'), tap('motives:done'));
    expect(c.last()).toMatch(/Quand cela s’est-il passé/);
    await say(user, 'hier');
    expect(c.last()).toMatch(/code postal/);
    await say(user, '34 000', tap('place:nightlife'), STORY);
    expect(c.last()).toMatch(/ajouter un autre message/);
    await say(user, 'Il était environ 23 h.', tap('story:done'));
    expect(c.last()).toMatch(/Qui était l’auteur·e des faits/);
    await say(user, tap('author:unsaid'), tap('complaint:wants_help'), tap('contact:yes'));
    expect(c.buttons().map((b) => b.text)).toEqual([
      'Par cette conversation',
      'Par e-mail',
      'Par téléphone',
      'Non, merci',
    ]);
    await say(user, tap('contactHow:chat'));
    const summary = c.last();
    expect(summary).toMatch(/Voici votre signalement/);
    expect(summary).toMatch(/34000 \(Montpellier\)/);
    expect(summary).toMatch(/Lieu festif, boîte de nuit/);
    await say(user, tap('summary:send'));

    const submission = (await intakeSubmissions()).find((s) => s.description.startsWith(STORY));
    expect(submission).toMatchObject({
      tunnel: 'montpellier',
      channel: 'telegram',
      actTypes: ['insult', 'physical_violence'],
      motives: ['transphobia'],
      location: { kind: 'fr', postalCode: '34000' },
      placeType: 'nightlife',
      complaint: 'wants_help',
      description: `${STORY}\n\nIl était environ 23 h.`,
      contact: { method: 'chat', address: { channel: 'telegram', chatId: user.chatId } },
      reporterKey: keyedHash(keyring, `telegram:${user.chatId}`),
    });
    const receipt = c.texts().find((text) => text.includes('Votre référence'))!;
    expect(receipt).toContain(submission!.reference);
    expect(await redis.get(`${config.queuePrefix}:ref:${submission!.reference}`)).toBe(submission!.id);
    const advice = c.texts().at(-2)!;
    expect(advice).toMatch(/commissariat/);
    expect(advice).toMatch(/médecin/);
    expect(advice).toMatch(/l’association vous accompagnera/);
    expect(c.last()).toMatch(/effacer toute cette conversation/);
  });

  it('walks a full report in English for a client set to English: English questions, e-mail contact, receipt and next steps', async () => {
    user = new TelegramUser(user.chatId, 'en', 5_000_000 + (user.chatId % 1000) * 1000);
    const c = chat(user);
    await say(user, '/start lyon');
    expect(c.texts()[0]).toMatch(/automated assistant.*no AI decides anything/s);
    expect(c.texts()[0]).toMatch(/text 114/);
    expect(c.buttons().map((b) => b.text)).toEqual(['Begin', 'Learn more', 'Français']);
    await say(user, tap('welcome:go'));
    expect(c.last()).toBe('Are you the victim, or a witness?');
    await say(user, tap('role:witness'));
    expect(c.last()).toBe('Was the victim under 18?');
    await say(user, tap('minor:yes'));
    expect(c.last()).toMatch(/What happened\? Choose everything that applies/);
    await say(user, tap('acts:insult'), tap('acts:done'));
    expect(c.last()).toMatch(/Why do you think it happened/);
    await say(user, tap('motives:lesbophobia'), tap('motives:done'));
    expect(c.last()).toMatch(/When did it happen/);
    await say(user, 'yesterday');
    expect(c.last()).toMatch(/Where did it happen\? Type the postal code/);
    await say(user, '75011');
    expect(c.last()).toBe('What kind of place?');
    expect(c.buttons().map((b) => b.text)).toContain('School, university');
    await say(user, tap('place:school'));
    expect(c.last()).toMatch(/Tell what happened, in your own words/);
    await say(user, STORY_EN);
    expect(c.last()).toMatch(/You can add another message, or continue/);
    await say(user, tap('story:done'));
    expect(c.last()).toBe('Have you filed a complaint?');
    await say(user, tap('complaint:no'), tap('contact:yes'));
    expect(c.buttons().map((b) => b.text)).toEqual(['Through this chat', 'By e-mail', 'By phone', 'No, thank you']);
    await say(user, tap('contactHow:email'));
    expect(c.last()).toBe('Type your e-mail address.');
    await say(user, 'alex@example.org');
    const summary = c.last();
    expect(summary).toMatch(/Here is your report/);
    expect(summary).toMatch(/I am a witness/);
    expect(summary).toMatch(/Insults, verbal abuse/);
    expect(summary).toMatch(/75011 \(Paris\)/);
    expect(summary).toMatch(/School, university/);
    expect(summary).toMatch(/by e-mail \(alex@example\.org\)/);
    expect(c.buttons().map((b) => b.text)).toEqual(['Send the report', 'Change an answer', 'Cancel the report']);
    await say(user, tap('summary:send'));

    const submission = (await intakeSubmissions()).find((s) => s.description === STORY_EN);
    expect(submission).toMatchObject({
      tunnel: 'lyon',
      channel: 'telegram',
      lang: 'en',
      reporterRole: 'witness',
      minorInvolved: true,
      actTypes: ['insult'],
      motives: ['lesbophobia'],
      location: { kind: 'fr', postalCode: '75011' },
      placeType: 'school',
      complaint: 'no',
      contact: { method: 'email', value: 'alex@example.org' },
      reporterKey: keyedHash(keyring, `telegram:${user.chatId}`),
    });
    const receipt = c.texts().find((text) => text.includes('Your reference'))!;
    expect(receipt).toContain(submission!.reference);
    // Asked for e-mail: the receipt also gives the phrase that opens the follow-up page the mail will name.
    expect(receipt).toMatch(/\nYour secret phrase: \S+ \S+ \S+ \S+ \S+\n/);
    expect(receipt).toMatch(
      /then open:\nhttp:\/\/127\.0\.0\.1:\d+\/report\/follow\?lang=en\nand enter the reference and the phrase there\./,
    );
    expect(submission!.followUp?.secretHash).toMatch(/^scrypt2\$/);
    const advice = c.texts().at(-2)!;
    expect(advice).toMatch(/What you can do now/);
    expect(advice).toMatch(/police or gendarmerie station/);
    expect(advice).toMatch(/119, Allô enfance en danger/);
    expect(advice).toMatch(/The association will contact you/);
    expect(c.last()).toMatch(/delete this whole conversation/);
    expect(c.texts().join('\n')).not.toMatch(/Êtes-vous|Votre référence|Que s’est-il passé/);
  });

  it('deletes the whole conversation of the report from the phone when asked, and confirms with a toast', async () => {
    const c = chat(user);
    await say(user, '/start');
    const startMessage = user.lastMessageId;
    await say(
      user,
      tap('welcome:go'),
      tap('role:witness'),
      tap('minor:unknown'),
      tap('acts:outing'),
      tap('acts:done'),
      tap('motives:unknown'),
      tap('motives:done'),
    );
    await say(
      user,
      tap('when:unknown'),
      tap('where:abroad'),
      tap('place:skip'),
      'Mon collègue a révélé mon homosexualité.',
      tap('story:done'),
    );
    await say(user, tap('complaint:no'), tap('contact:no'), tap('summary:send'));
    const botMessages = telegram.calls.filter(
      (call) => call.method === 'sendMessage' && call.body.chat_id === user.chatId,
    ).length;
    await say(user, tap('submitted:delete'));
    const deletion = c.calls().filter((call) => call.method === 'deleteMessages');
    expect(deletion).toHaveLength(1);
    const ids = deletion[0]!.body.message_ids as number[];
    expect(ids).toContain(startMessage);
    expect(ids.length).toBeGreaterThanOrEqual(botMessages + 2);
    const toast = telegram.calls.filter((call) => call.method === 'answerCallbackQuery').at(-1);
    expect(toast?.body.text).toBe('Conversation effacée.');
  });

  it('rejects an update with a wrong or missing secret and enqueues nothing', async () => {
    const before = telegram.calls.length;
    const queued = (await intakeSubmissions()).length;
    expect(await deliver(user.text('/start montpellier'), 'wrong-secret-000000000')).toBe(401);
    expect(await deliver(user.text('/start montpellier'), null)).toBe(401);
    expect(telegram.calls.length).toBe(before);
    expect(await intakeSubmissions()).toHaveLength(queued);
    const drafts = new DraftStore(redis, keyring, config.queuePrefix);
    expect(await drafts.load(`telegram:${user.chatId}`)).toBeNull();
  });

  it('handles a re-delivered update_id once', async () => {
    const c = chat(user);
    const start = user.text('/start');
    await deliver(start);
    const count = c.texts().length;
    expect(await deliver(start)).toBe(200);
    expect(c.texts()).toHaveLength(count);
  });

  it('gives the emergency guidance on a word of danger mid-report, and nearby safe places from the table with /urgence', async () => {
    const c = chat(user);
    await say(user, '/start', tap('welcome:go'), tap('role:victim'));
    await say(user, 'urgence');
    expect(c.texts().at(-2)).toMatch(/appelez le 17.*SMS au 114/s);
    expect(c.last()).toMatch(/Aviez-vous moins de 18 ans/);
    await say(user, '/urgence 34000');
    const places = c.texts().find((text) => text.includes('Lieux « En lieu sûr » près de 34000'))!;
    expect(places).toMatch(/Librairie des Exemples : 1 rue Fictive, 34000 Montpellier \(tél\. 04 00 00 00 01\)/);
    expect(places).toMatch(/Café Démonstration/);
    expect(places).toMatch(/Médiathèque Modèle/);
    expect(places).not.toMatch(/Boutique Fermée/);
    expect(places).not.toMatch(/Paris/);
    expect(c.last()).toMatch(/Aviez-vous moins de 18 ans/);
    await say(user, tap('minor:no'));
    expect(c.last()).toMatch(/Que s’est-il passé/);
  });

  it('shows the status of my reports with /suivi, and only mine', async () => {
    const c = chat(user);
    await insertReport(
      t.db,
      reportRow({
        reference: 'HJKM-NPQR',
        status: 'in_review',
        reporter_key: keyedHash(keyring, `telegram:${user.chatId}`),
      }),
    );
    await insertReport(t.db, reportRow({ reference: 'WXYC-DEFA', reporter_key: keyedHash(keyring, 'telegram:1') }));
    await say(user, '/suivi');
    expect(c.last()).toMatch(/HJKM-NPQR, envoyé le .*: en cours de traitement/);
    expect(c.last()).not.toMatch(/WXYC-DEFA/);
  });

  it('requests the erasure of my reports with /supprimer, after confirmation, on the maintenance queue', async () => {
    const c = chat(user);
    await say(user, '/supprimer');
    expect(c.last()).toMatch(/C’est définitif/);
    expect(await maintenance.getJobCounts('waiting')).toMatchObject({ waiting: 0 });
    await say(user, tap('g:erase-yes'));
    const jobs = await maintenance.getJobs(['waiting']);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.name).toBe(MAINTENANCE_JOBS.erasure);
    expect(erasureJobData.parse(jobs[0]!.data).reporterKey).toBe(keyedHash(keyring, `telegram:${user.chatId}`));
    expect(c.last()).toMatch(/seront effacés/);
  });

  it('explains what is expected after a photo, a voice note, an edit, an old button or foreign data, and keeps the draft', async () => {
    const c = chat(user);
    const drafts = new DraftStore(redis, keyring, config.queuePrefix);
    const conversation = `telegram:${user.chatId}`;
    await say(user, '/start', tap('welcome:go'), tap('role:victim'));
    const kept = await drafts.load(conversation);
    for (const update of [
      user.photo(),
      user.voice(),
      user.edit('corrigé'),
      user.tap('c:welcome:go'),
      user.tap('something-else'),
    ]) {
      expect(await deliver(update)).toBe(200);
      expect(c.last()).toMatch(/Aviez-vous moins de 18 ans/);
      expect(await drafts.load(conversation)).toEqual(kept);
    }
    const seen = c.texts().join('\n');
    expect(seen).toMatch(/photos, vocaux/);
    expect(seen).toMatch(/message modifié/);
    expect(seen).toMatch(/question précédente/);
    const before = telegram.calls.length;
    expect(await deliver(user.groupText('/start'))).toBe(200);
    expect(telegram.calls.length).toBe(before);
  });

  it('says there is no report in progress once the draft expired, without failing', async () => {
    const c = chat(user);
    await say(user, '/start', tap('welcome:go'));
    await new DraftStore(redis, keyring, config.queuePrefix).save(`telegram:${user.chatId}`, null);
    await say(user, tap('role:victim'));
    expect(c.last()).toMatch(/effacé après 24 heures/);
    expect(c.buttons().map((b) => b.callback_data)).toEqual(['c:g:start']);
  });

  it('retries a message the Bot API refused with 429', async () => {
    const c = chat(user);
    telegram.failNext('sendMessage', 429, 'Too Many Requests: retry after 1', { retry_after: 1 });
    await say(user, '/help');
    expect(c.texts().filter((text) => text.includes('/supprimer'))).toHaveLength(2); // refused once, then delivered
  });

  it('tells the person their draft is kept when handling an update fails, and answers 200 so Telegram does not hold back other updates', async () => {
    const c = chat(user);
    await say(user, '/start', tap('welcome:go'));
    telegram.failNext('sendMessage', 400, 'Bad Request: something unexpected');
    expect(await deliver(user.tap('c:role:witness'))).toBe(200);
    expect(c.last()).toMatch(/Votre signalement en cours est gardé/);
    const draft = await new DraftStore(redis, keyring, config.queuePrefix).load(`telegram:${user.chatId}`);
    expect(draft?.answers.role).toBe('witness');
  });

  it('logged no report text, contact detail, chat id or token', () => {
    const all = logs.lines.join('');
    for (const secret of [
      STORY.slice(0, 30),
      STORY_EN.slice(0, 30),
      'alex@example.org',
      'homosexualité',
      String(user.chatId),
      String(chatSeq - 1),
      'Camille',
      config.telegram.token!,
      SECRET,
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
