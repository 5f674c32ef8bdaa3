import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedHash } from '@relais/core';
import { DraftStore, translate } from '@relais/bots';
import { TelegramUser, telegramReportScript } from '../support/telegram-updates.ts';
import { startTelegramWebhookStack, type TelegramWebhookStack } from '../support/telegram-webhook.ts';

let stack: TelegramWebhookStack;
let chatSeq = 640_000_000;
const newUser = () => new TelegramUser(++chatSeq, 'fr', 9_000_000 + (chatSeq % 1000) * 10_000);
const tooMany = translate('fr', 'tooManyMessages', { seconds: '' }).slice(0, 40);
const throttled = translate('fr', 'submitThrottled', { minutes: '' }).slice(0, 40);
const received = translate('fr', 'received', { reference: '' }).slice(0, 30);

/** Forgets the per-chat update counters, as if the minute had passed (the submission limit stays). */
async function minutePasses(): Promise<void> {
  const keys = await stack.redis.keys(`${stack.config.queuePrefix}:rl:tg-chat:*`);
  if (keys.length) await stack.redis.del(...keys);
}

beforeAll(async () => {
  stack = await startTelegramWebhookStack('tgabuse');
});

afterAll(async () => {
  await stack?.close();
});

describe('a flood from one Telegram chat', () => {
  it(
    'is paused with one friendly message per minute, keeps the draft, and does not slow anyone else',
    { timeout: 60_000 },
    async () => {
      const flooder = newUser();
      const script = telegramReportScript(flooder);
      for (const update of script.slice(0, 9)) expect(await stack.deliver(update)).toBe(200); // up to the postal code question
      const before = stack.chat(flooder).texts().length;

      const other = newUser();
      const flood = Array.from({ length: 130 }, () => flooder.text('/aide'));
      const [statuses] = await Promise.all([
        Promise.all(flood.map((u) => stack.deliver(u))),
        (async () => {
          for (const update of telegramReportScript(other)) expect(await stack.deliver(update)).toBe(200);
        })(),
      ]);
      expect(statuses.every((s) => s === 200)).toBe(true);

      const answers = stack.chat(flooder).texts().slice(before);
      const pauses = answers.filter((t) => t.startsWith(tooMany));
      // Fixed windows of a minute: the flood may straddle two, each saying it once.
      expect(pauses.length).toBeGreaterThanOrEqual(1);
      expect(pauses.length).toBeLessThanOrEqual(2);
      expect(answers.length).toBeLessThan(flood.length);
      expect(
        stack
          .chat(other)
          .texts()
          .some((t) => t.startsWith(tooMany)),
      ).toBe(false);
      expect(
        stack
          .chat(other)
          .texts()
          .some((t) => t.startsWith(received)),
      ).toBe(true);

      const drafts = new DraftStore(stack.redis, stack.keyring, stack.config.queuePrefix);
      expect((await drafts.load(`telegram:${flooder.chatId}`))?.step).toBe('where');
      await minutePasses();
      for (const update of script.slice(9)) expect(await stack.deliver(update)).toBe(200);
      expect(
        stack
          .chat(flooder)
          .texts()
          .some((t) => t.startsWith(received)),
      ).toBe(true);
    },
  );

  it(
    'sending report after report is asked to wait after six, with the seventh kept and nothing queued for it',
    { timeout: 60_000 },
    async () => {
      const person = newUser();
      const reporterKey = keyedHash(stack.keyring, `telegram:${person.chatId}`);
      for (let i = 0; i < 7; i++) {
        await minutePasses();
        for (const update of telegramReportScript(person, {
          story: `Signalement numéro ${i + 1} : insultes devant la gare.`,
        })) {
          expect(await stack.deliver(update)).toBe(200);
        }
      }
      const texts = stack.chat(person).texts();
      expect(texts.filter((t) => t.startsWith(received))).toHaveLength(6);
      expect(texts.at(-2)).toContain(throttled);
      const queued = (await stack.submissions()).filter((s) => s.reporterKey === reporterKey);
      expect(queued).toHaveLength(6);
      const drafts = new DraftStore(stack.redis, stack.keyring, stack.config.queuePrefix);
      const draft = await drafts.load(`telegram:${person.chatId}`);
      expect(draft?.step).toBe('summary');
    },
  );
});

describe('Telegram re-deliveries', () => {
  it('a tap delivered twice at once, or again after a bot process died before marking it done, is applied once', async () => {
    const person = newUser();
    const script = telegramReportScript(person);
    for (const update of script.slice(0, 4)) expect(await stack.deliver(update)).toBe(200); // on the "what happened" question
    const insult = script[4]!; // the tap on "insults", a multiple choice: applied twice it would untick
    expect(await Promise.all([stack.deliver(insult), stack.deliver(insult)])).toEqual([200, 200]);
    const shown = stack.chat(person).calls().length;
    // A process that died after saving the draft but before marking the update done:
    await stack.redis.del(`${stack.config.queuePrefix}:tg:update:${String(insult.update_id)}`);
    expect(await stack.deliver(insult)).toBe(200);
    expect(stack.chat(person).calls()).toHaveLength(shown);
    const drafts = new DraftStore(stack.redis, stack.keyring, stack.config.queuePrefix);
    const draft = await drafts.load(`telegram:${person.chatId}`);
    expect(draft?.step).toBe('acts');
    expect(draft?.answers.actTypes).toEqual(['insult']);
    for (const update of script.slice(5)) expect(await stack.deliver(update)).toBe(200);
    expect(
      stack
        .chat(person)
        .texts()
        .some((t) => t.startsWith(received)),
    ).toBe(true);
  });

  it('a body that is not an update gets 400 with the secret and 401 without, and nothing is sent', async () => {
    for (const body of ['{"update_id":"x"}', '[]', 'null', '{"message":{}}', '{"update_id":1.5}']) {
      expect(await stack.deliver(body)).toBe(400);
      expect(await stack.deliver(body, 'wrong-secret-0123456789')).toBe(401);
      expect(await stack.deliver(body, null)).toBe(401);
    }
    expect(await stack.deliver('{not json')).toBe(400);
  });
});
