import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOUND_QUEUE, openMessageBody, replyButtonData } from '@relais/core';
import { unreadReporterAnswers } from '@relais/db';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { TELEGRAM_ANSWER_LIMIT } from '@relais/bots';
import { capturedLogger } from '../support/log-capture.ts';
import { followUpClient } from '../support/follow-up-client.ts';
import { dumpRedisKeys } from '../support/redis-scan.ts';
import { readableMail, startSmtpSink } from '../support/smtp-sink.ts';
import { queueStaffReply, staffAuthor, telegramReportWithChatContact } from '../support/staff-reply.ts';
import { TelegramUser, telegramReportScript } from '../support/telegram-updates.ts';
import { startTelegramWebhookStack, type TelegramWebhookStack } from '../support/telegram-webhook.ts';
import { waitFor } from '../support/wait-for.ts';

const STORY = 'Un groupe m’a insultée à la sortie du bar associatif, rue du Faubourg, vers minuit.';
const ANSWER = 'Merci de m’avoir écrit. Je peux vous parler jeudi soir, après 19 heures, au téléphone.';
const DANGER_ANSWER = 'il est encore là devant chez moi';

let stack: TelegramWebhookStack;
let worker: WorkerService;
let outbound: Queue;
let events: QueueEvents;
let authorId: string;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const workerLogs = capturedLogger('telegram-recontact-worker');
let chatSeq = 640_000_000;
const newUser = (lang = 'fr') => new TelegramUser(++chatSeq, lang, 9_000_000 + (chatSeq % 1000) * 1000);

type Button = { text: string; callback_data: string };
/** What one chat shows: its texts, and the buttons under the last message that has some. */
function view(user: TelegramUser) {
  const c = stack.chat(user);
  const sent = () => c.calls().filter((call) => call.method === 'sendMessage');
  return {
    texts: () => c.texts(),
    last: () => String(sent().at(-1)?.body.text),
    buttons: (): Button[] =>
      (
        sent()
          .filter((call) => call.body.reply_markup)
          .at(-1)?.body.reply_markup as { inline_keyboard: Button[][] } | undefined
      )?.inline_keyboard.flat() ?? [],
    count: () => sent().length,
  };
}

async function send(user: TelegramUser, ...updates: Record<string, unknown>[]): Promise<void> {
  for (const update of updates) expect(await stack.deliver(update)).toBe(200);
}

/** A staff reply delivered to the chat by the worker; resolves once it reached the fake Bot API. */
async function staffWrites(user: TelegramUser, reportId: string, body: string): Promise<string> {
  const messageId = await queueStaffReply(stack.t.db, outbound, stack.keyring, reportId, authorId, body);
  const job = await outbound.getJob(messageId);
  await job!.waitUntilFinished(events, 20_000);
  expect(view(user).last()).toBe(body);
  return messageId;
}

const answersOf = (reportId: string) =>
  stack.t.db
    .selectFrom('messages')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('direction', '=', 'from_reporter')
    .orderBy('created_at')
    .execute();

beforeAll(async () => {
  stack = await startTelegramWebhookStack('telegram-recontact');
  smtp = await startSmtpSink();
  // The platform's mailer; re-contact links are built from the bots' PUBLIC_URL (stack.url).
  worker = await createWorkerService({ ...stack.config, smtpUrl: smtp.url }, workerLogs.logger);
  outbound = new Queue(OUTBOUND_QUEUE, { connection: stack.redis, prefix: stack.config.queuePrefix });
  events = new QueueEvents(OUTBOUND_QUEUE, {
    connection: new Redis(stack.config.redisUrl, { maxRetriesPerRequest: null }),
    prefix: stack.config.queuePrefix,
  });
  await events.waitUntilReady();
  authorId = await staffAuthor(stack.t.db);
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await events?.close();
  await outbound?.close();
  await stack?.close();
  await smtp?.close();
});

describe('answering the association on Telegram', () => {
  it('after a report asking to be answered here, the answer to the association lands in its thread, sealed and unread', async () => {
    const user = newUser();
    const chat = view(user);
    await send(user, ...telegramReportScript(user, { story: STORY, contactByChat: true }));
    const report = await waitFor(
      async () =>
        stack.t.db
          .selectFrom('reports')
          .select(['id', 'reference'])
          .where('contact_method', '=', 'chat')
          .where('channel', '=', 'telegram')
          .orderBy('received_at', 'desc')
          .executeTakeFirst(),
      15_000,
      'the report stored',
    );
    const submissions = (await stack.submissions()).length;

    const messageId = await staffWrites(user, report.id, 'Bonjour, ici l’association. Pouvons-nous vous appeler ?');
    expect(chat.buttons()).toEqual([{ text: 'Répondre à l’association', callback_data: replyButtonData(messageId) }]);

    await send(user, user.tap(replyButtonData(messageId)));
    expect(chat.last()).toMatch(
      new RegExp(`Écrivez votre réponse à l’association \\(signalement ${report.reference}\\)`),
    );
    await send(user, user.text(ANSWER));
    expect(chat.last()).toBe(`Votre réponse a été transmise à l’association (signalement ${report.reference}).`);
    expect(chat.buttons().map((b) => b.text)).toEqual(['Répondre à l’association']);
    const seen = chat.texts().join('\n');
    expect(seen).not.toMatch(/Aucun signalement en cours|début de votre description/);

    const [answer, ...more] = await answersOf(report.id);
    expect(more).toEqual([]);
    expect(answer).toMatchObject({ status: 'received', urgent: false, read_at: null, author_id: null });
    expect(answer!.body_enc.toString('latin1')).not.toContain('jeudi soir');
    expect(openMessageBody(stack.keyring, answer!.id, answer!.body_enc)).toBe(ANSWER);
    expect(await unreadReporterAnswers(stack.t.db, report.id)).toEqual({ count: 1, urgent: false });
    expect(await stack.submissions()).toHaveLength(submissions);
  });

  it('an e-mail re-contact: the receipt gives a phrase, the mail holds no report text, and the follow-up page shows the message and takes the answer', async () => {
    const user = newUser();
    const chat = view(user);
    const email = `sacha.${user.chatId}@example.org`;
    await send(user, ...telegramReportScript(user, { story: STORY, email }));
    const receipt = chat.texts().find((text) => text.includes('Votre phrase secrète')) ?? '';
    const reference = /Votre référence : (\S+)/.exec(receipt)?.[1] ?? '';
    const phrase = /Votre phrase secrète : (.+)/.exec(receipt)?.[1] ?? '';
    expect(phrase.split(' ')).toHaveLength(5);
    expect(receipt).toContain(
      `ouvrez alors :\n${stack.url}/report/follow?lang=fr\net entrez-y la référence et la phrase.`,
    );
    const report = await waitFor(
      async () =>
        stack.t.db
          .selectFrom('reports')
          .innerJoin('report_follow_ups', 'report_follow_ups.report_id', 'reports.id')
          .select(['reports.id', 'reports.contact_method'])
          .where('reports.reference', '=', reference)
          .executeTakeFirst(),
      15_000,
      'the Telegram report stored with its follow-up credential',
    );
    expect(report.contact_method).toBe('email');

    const canary = 'CANARY-tg Nous pouvons vous accompagner au commissariat.';
    const messageId = await queueStaffReply(stack.t.db, outbound, stack.keyring, report.id, authorId, canary);
    await (await outbound.getJob(messageId))!.waitUntilFinished(events, 20_000);
    const mail = smtp.received.find((m) => m.to.includes(email));
    expect(mail).toBeDefined();
    const text = readableMail(mail!.raw);
    for (const content of ['CANARY', 'commissariat', STORY.slice(0, 20), reference, phrase])
      expect(mail!.raw + text).not.toContain(content);
    const link = /Vous avez un message de l’association : ouvrez (\S+)/.exec(text)?.[1];
    expect(link).toBe(`${stack.url}/report/follow?lang=fr`);
    expect((await fetch(link!)).status).toBe(200);
    // The message went by the follow-up inbox only, not into the Telegram chat.
    expect(chat.texts().join('\n')).not.toContain('CANARY');

    const page = followUpClient(stack.url);
    const token = await page.session(reference, phrase);
    const shown = await page.view(token);
    expect(shown).toMatchObject({ reference, open: true, answersExpected: true });
    expect(shown.messages).toEqual([{ from: 'association', text: canary, at: expect.any(String) }]);
    expect(await page.answer(token, ANSWER)).toBe(201);
    const answers = await answersOf(report.id);
    expect(answers.map((m) => openMessageBody(stack.keyring, m.id, m.body_enc))).toEqual([ANSWER]);
    expect(await unreadReporterAnswers(stack.t.db, report.id)).toEqual({ count: 1, urgent: false });
    const logged = stack.logs.lines.join('') + workerLogs.lines.join('');
    for (const secret of [email, phrase, canary, ANSWER]) expect(logged).not.toContain(secret);
  });

  it('asks whether a plain message after a recent association message is an answer or a new report, and does what was chosen', async () => {
    const user = newUser();
    const chat = view(user);
    const report = await telegramReportWithChatContact(stack.t.db, stack.keyring, user.chatId);
    await staffWrites(user, report.id, 'Avez-vous pu porter plainte ?');

    await send(user, user.text('Oui, hier.'));
    expect(chat.last()).toMatch(
      new RegExp(
        `au sujet de votre signalement ${report.reference}.*réponse à l’association, ou le début d’un nouveau signalement`,
      ),
    );
    expect(chat.buttons().map((b) => b.text)).toEqual([
      'C’est une réponse à l’association',
      'C’est un nouveau signalement',
    ]);
    await send(user, user.tap('rd:answer'));
    expect(chat.last()).toMatch(/Votre réponse a été transmise à l’association/);
    expect((await answersOf(report.id)).map((m) => openMessageBody(stack.keyring, m.id, m.body_enc))).toEqual([
      'Oui, hier.',
    ]);

    await send(user, user.text(STORY));
    expect(chat.buttons().map((b) => b.callback_data)).toEqual(['rd:answer', 'rd:new']);
    await send(user, user.tap('rd:new'));
    // Clearly a new report, which starts with this text as the beginning of its description.
    expect(chat.texts().slice(-3)[0]).toMatch(/assistant automatisé/);
    expect(chat.texts().slice(-3)[1]).toMatch(/gardé ce que vous avez écrit/);
    expect(chat.last()).toMatch(/Voulez-vous commencer/);
    expect(await answersOf(report.id)).toHaveLength(1);
    // A tap long after the question, once the held message expired, asks to send it again.
    await send(user, user.tap('rd:answer'));
    expect(chat.last()).toMatch(/renvoyez-le/);
  });

  it('keeps working days later with the button, refuses a button of someone else’s message, and stops once the report is erased', async () => {
    const user = newUser('en');
    const chat = view(user);
    const report = await telegramReportWithChatContact(stack.t.db, stack.keyring, user.chatId, 'en');
    const messageId = await staffWrites(user, report.id, 'Hello, this is the association.');
    expect(chat.buttons().map((b) => b.text)).toEqual(['Reply to the association']);
    await send(user, user.text('Thanks!'));
    expect(chat.last()).toMatch(/Is this message an answer to the association, or the start of a new report\?/);
    expect(chat.buttons().map((b) => b.text)).toEqual(['It is an answer to the association', 'It is a new report']);
    await send(user, user.tap('rd:answer'));
    expect(chat.last()).toBe(`Your answer was passed on to the association (report ${report.reference}).`);
    // Three weeks later: no longer "recent", so a plain message is the report flow's again…
    await stack.t.db
      .updateTable('messages')
      .set({ sent_at: new Date(Date.now() - 21 * 86_400_000) })
      .where('id', '=', messageId)
      .execute();
    await send(user, user.text('hello'));
    expect(chat.last()).not.toMatch(/answer to the association/);
    expect(await answersOf(report.id)).toHaveLength(1);
    // …and the button still works.
    await send(user, user.tap(replyButtonData(messageId)), user.text('Sorry for the late answer, I was away.'));
    expect(chat.last()).toMatch(/Your answer was passed on to the association/);

    const other = newUser();
    const otherReport = await telegramReportWithChatContact(stack.t.db, stack.keyring, other.chatId);
    const othersMessage = await staffWrites(other, otherReport.id, 'Message pour quelqu’un d’autre.');
    await send(user, user.tap(replyButtonData(othersMessage)), user.tap(replyButtonData('not-a-uuid')));
    expect(
      chat
        .texts()
        .slice(-2)
        .every((text) => /can no longer be answered/.test(text)),
    ).toBe(true);
    await send(user, user.text('This must not reach the other report.'));
    expect(await answersOf(otherReport.id)).toEqual([]);

    await stack.t.db.updateTable('reports').set({ status: 'erased' }).where('id', '=', report.id).execute();
    await send(user, user.tap(replyButtonData(messageId)));
    expect(chat.last()).toMatch(/can no longer be answered: the report was erased/);
  });

  it('an answer saying the person is in danger now gets the emergency guidance first, and reaches staff marked urgent', async () => {
    const user = newUser();
    const chat = view(user);
    const report = await telegramReportWithChatContact(stack.t.db, stack.keyring, user.chatId);
    const messageId = await staffWrites(user, report.id, 'Comment allez-vous ?');
    await send(user, user.tap(replyButtonData(messageId)));
    const before = chat.count();
    await send(user, user.text(DANGER_ANSWER));
    const replies = chat.texts().slice(before);
    expect(replies[0]).toMatch(/appelez le 17.*112.*SMS au 114/s);
    expect(replies[0]).toMatch(/En lieu sûr/);
    expect(replies[1]).toMatch(/Votre réponse a été transmise/);
    const [answer] = await answersOf(report.id);
    expect(answer).toMatchObject({ urgent: true, read_at: null });
    expect(await unreadReporterAnswers(stack.t.db, report.id)).toEqual({ count: 1, urgent: true });

    // Asked first (a plain message), the guidance still comes in the very next reply.
    await stack.t.db.updateTable('messages').set({ sent_at: new Date() }).where('id', '=', messageId).execute();
    const asked = chat.count();
    await send(user, user.text('il me suit encore'));
    expect(chat.texts().slice(asked)[0]).toMatch(/appelez le 17/);
    expect(chat.last()).toMatch(/réponse à l’association, ou le début d’un nouveau signalement/);
    await send(user, user.tap('rd:answer'));
    expect((await answersOf(report.id)).map((m) => m.urgent)).toEqual([true, true]);
    // The guidance's safe-places button asks for a postal code, which is the flow's, not an answer.
    await send(user, user.tap('c:g:urg-places'));
    expect(chat.last()).toMatch(/code postal où vous êtes/);
    await send(user, user.text('34000'));
    expect(chat.last()).toMatch(/près de 34000/);
    expect(await answersOf(report.id)).toHaveLength(2);
  });

  it('a reply in the middle of a report keeps the draft, and another button abandons the reply', async () => {
    const user = newUser();
    const chat = view(user);
    const report = await telegramReportWithChatContact(stack.t.db, stack.keyring, user.chatId);
    const messageId = await staffWrites(user, report.id, 'Une question de l’association.');
    await send(user, user.text('/start'), user.tap('c:welcome:go'), user.tap('c:role:victim'));
    expect(chat.last()).toMatch(/Aviez-vous moins de 18 ans/);
    await send(user, user.tap(replyButtonData(messageId)), user.text('Réponse pendant mon signalement.'));
    expect(chat.last()).toMatch(/transmise à l’association.*\n\nVotre signalement en cours est gardé/s);
    await send(user, user.tap('c:minor:no'));
    expect(chat.last()).toMatch(/Que s’est-il passé/);
    // Tapping reply then a button of the report: the reply is abandoned, the next text is the report's.
    await send(user, user.tap(replyButtonData(messageId)), user.tap('c:acts:insult'), user.tap('c:acts:done'));
    await send(user, user.tap('c:motives:unknown'), user.tap('c:motives:done'), user.tap('c:when:today'));
    await send(user, user.text('34000'));
    expect(chat.last()).toMatch(/type de lieu/);
    expect(await answersOf(report.id)).toHaveLength(1);
    // A reply can be cancelled.
    await send(user, user.tap(replyButtonData(messageId)), user.tap('rd:cancel'));
    expect(chat.last()).toMatch(/rien n’a été envoyé/);
  });

  it('a flood of answers to one report waits, and says how long, without losing the reply', async () => {
    const user = newUser();
    const chat = view(user);
    const report = await telegramReportWithChatContact(stack.t.db, stack.keyring, user.chatId);
    const messageId = await staffWrites(user, report.id, 'Écrivez-nous quand vous voulez.');
    for (let i = 1; i <= TELEGRAM_ANSWER_LIMIT.max; i++)
      await send(user, user.tap(replyButtonData(messageId)), user.text(`Réponse numéro ${i}`));
    expect(await answersOf(report.id)).toHaveLength(TELEGRAM_ANSWER_LIMIT.max);
    await send(user, user.tap(replyButtonData(messageId)), user.text('Une de trop'));
    expect(chat.last()).toMatch(/beaucoup de réponses en peu de temps : attendez \d+ min, puis renvoyez ce message/);
    // Still replying: the next text is the answer again (waiting), never the report flow's.
    await send(user, user.text('Encore une'));
    expect(chat.last()).toMatch(/attendez \d+ min/);
    expect(await answersOf(report.id)).toHaveLength(TELEGRAM_ANSWER_LIMIT.max);
  });

  it('keeps no chat id or answer text in Redis keys or values, nor in the logs', async () => {
    const dump = await dumpRedisKeys(stack.redis, stack.config.queuePrefix);
    const all = [...dump.entries()].map(([k, v]) => `${k} ${v}`).join('\n');
    for (const needle of [String(chatSeq), String(chatSeq - 1), 'jeudi soir', 'encore là', 'Oui, hier'])
      expect(all).not.toContain(needle);
    const logs = stack.logs.lines.join('') + workerLogs.lines.join('');
    expect(logs).toContain('telegram answer stored in the thread');
    for (const needle of [String(chatSeq), 'jeudi soir', 'encore là', 'Camille', stack.config.telegram.token!])
      expect(logs).not.toContain(needle);
  });
});
