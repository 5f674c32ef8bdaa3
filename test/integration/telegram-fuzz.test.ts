import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '@relais/core/testing';
import type { Bot } from 'grammy';
import { Redis } from 'ioredis';
import { createKeyring, type Keyring, type RelaisConfig } from '@relais/core';
import { insertSafePlaces } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createBotsService, DraftStore, type BotsService, type FlowState } from '@relais/bots';
import { FAKE_BOT } from '../support/fake-telegram.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { DEMO_SAFE_PLACES } from '../support/safe-places.ts';
import { testConfig } from '../support/test-config.ts';
import { deletePrefixKeys } from '../support/redis-scan.ts';

const SEED = 20261122;
const UPDATES = 10_000;
const CHATS = 40;

type Button = { text: string; callback_data: string };
type Kind = 'valid' | 'malformed' | 'terminator';

const logs = capturedLogger('telegram-fuzz');
let t: TestDatabase;
let config: RelaisConfig;
let keyring: Keyring;
let bots: BotsService;
let bot: Bot;
let redis: Redis;
let drafts: DraftStore;

/** What the fake Bot API saw, per chat. */
const keyboards = new Map<number, Button[][]>();
const oldButtons: Button[] = [];
const problems: string[] = [];
let messageId = 10_000;

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'tgfuzz');
  await insertSafePlaces(t.db, DEMO_SAFE_PLACES);
  config = testConfig({
    DATABASE_URL: t.url,
    TELEGRAM_BOT_TOKEN: '123456789:AAFuzz_token_for_relais_000000000',
    TELEGRAM_MODE: 'polling',
  });
  keyring = createKeyring(config.dataKey!);
  // 10,000 updates from 40 chats in seconds is a flood by design; the flood limit has its own tests
  // (telegram-abuse, load-under-faults), here it would only keep the random walks shallow.
  bots = await createBotsService(config, logs.logger, { botInfo: FAKE_BOT, telegramChatLimits: false });
  bot = bots.telegram!;
  // The Bot API, faked in-process: every call answered at once, keyboards recorded per chat.
  bot.api.config.use(async (_prev, method, payload) => {
    const body = payload as Record<string, unknown>;
    const chatId = Number(body.chat_id);
    const text = typeof body.text === 'string' ? body.text : undefined;
    if (text !== undefined && (text.length === 0 || text.length > 4096 || /\{\w+\}|undefined|\[object/.test(text)))
      problems.push(`bad text: ${text.slice(0, 80)}`);
    const markup = body.reply_markup as { inline_keyboard?: Button[][] } | undefined;
    if (markup?.inline_keyboard) {
      for (const button of markup.inline_keyboard.flat()) {
        if (Buffer.byteLength(button.callback_data) > 64)
          problems.push(`callback_data over 64 bytes: ${button.callback_data}`);
        oldButtons.push(button);
      }
      keyboards.set(chatId, markup.inline_keyboard);
    }
    if (method === 'sendMessage') {
      return {
        ok: true,
        result: { message_id: ++messageId, date: 0, chat: { id: chatId, type: 'private' }, text },
      } as never;
    }
    return { ok: true, result: true } as never;
  });
  redis = new Redis(config.redisUrl);
  drafts = new DraftStore(redis, keyring, config.queuePrefix);
});

afterAll(async () => {
  await bots?.close();
  await deletePrefixKeys(redis, config.queuePrefix);
  redis.disconnect();
  await t?.drop();
});

const TEXTS = [
  '34000',
  '34 000',
  '75011 Paris',
  '99999',
  'Montpellier',
  '12/03/2026',
  'hier',
  'samedi dernier',
  'mars 2026',
  '31/02/2026',
  'camille@example.org',
  'pas un mail',
  '06 12 34 56 78',
  '+44 7700 900123',
  'au secours',
  'HELP',
  'urgence',
  'danger',
  'Il m’a insulté dans le tram.',
  'oui',
  'non',
  '',
  '   ',
  '🏳️‍🌈🏳️‍⚧️',
  'a'.repeat(5000),
  '/start',
  '/start montpellier',
  '/start bad tunnel!!',
  `/start ${'x'.repeat(70)}`,
  '/help',
  '/cancel',
  '/lang',
  '/lang en',
  '/urgence',
  '/urgence 34000',
  '/suivi',
  '/supprimer',
  '/nimportequoi',
  '/start@relais_test_bot',
  '/help@other_bot',
  '\u0000\u202e',
  'null',
  '{"a":1}',
];

function privateChat(id: number) {
  return { id, type: 'private', first_name: 'Fuzz' };
}

function from(id: number, rng: SeededRandom) {
  return { id, is_bot: false, first_name: 'Fuzz', language_code: rng.pick(['fr', 'en', 'de', undefined]) };
}

/** One update for `chatId`: what a person could send, or something Telegram or a broken client could. */
function randomUpdate(
  rng: SeededRandom,
  updateId: number,
  chatId: number,
): { update: Record<string, unknown>; kind: Kind } {
  const message = (extra: Record<string, unknown>) => ({
    update_id: updateId,
    message: { message_id: ++messageId, date: 0, chat: privateChat(chatId), from: from(chatId, rng), ...extra },
  });
  const callback = (data: unknown) => ({
    update_id: updateId,
    callback_query: {
      id: String(updateId),
      from: from(chatId, rng),
      chat_instance: 'ci',
      data,
      message: { message_id: messageId, date: 0, chat: privateChat(chatId), text: '…' },
    },
  });
  const roll = rng.next();
  const current = keyboards.get(chatId)?.flat() ?? [];
  if (roll < 0.4 && current.length > 0) {
    const button = rng.pick(current);
    const terminator = /g:(cancel-yes|erase-yes)/.test(button.callback_data);
    return { update: callback(button.callback_data), kind: terminator ? 'terminator' : 'valid' };
  }
  if (roll < 0.55) {
    const text = rng.pick(TEXTS);
    const command = /^\/\w+/.exec(text);
    return {
      update: message({
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      }),
      kind: 'valid',
    };
  }
  if (roll < 0.62 && oldButtons.length > 0)
    return { update: callback(rng.pick(oldButtons).callback_data), kind: 'valid' };
  const malformed: (() => Record<string, unknown>)[] = [
    () =>
      message({
        sticker: {
          file_id: 's',
          file_unique_id: 'u',
          type: 'regular',
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      }),
    () => message({ photo: [{ file_id: 'p', file_unique_id: 'u', width: 1, height: 1 }] }),
    () => message({ voice: { file_id: 'v', file_unique_id: 'u', duration: 1 } }),
    () => message({ location: { latitude: 43.6, longitude: 3.87 } }),
    () => ({
      update_id: updateId,
      edited_message: {
        message_id: messageId,
        date: 0,
        edit_date: 0,
        chat: privateChat(chatId),
        from: from(chatId, rng),
        text: 'edited',
      },
    }),
    () => callback(rng.string(rng.int(64), 'abcdefghijklmnopqrstuvwxyz-_0123456789')),
    () => callback(`c:${rng.string(rng.int(40), 'abcdefghijklmnopqrstuvwxyz-_')}`),
    () => callback(undefined),
    () => ({
      update_id: updateId,
      callback_query: { id: 'x', from: from(chatId, rng), chat_instance: 'ci', data: 'c:summary:send' },
    }),
    () => ({
      update_id: updateId,
      message: {
        message_id: ++messageId,
        date: 0,
        chat: { id: -chatId, type: 'group', title: 'g' },
        from: from(chatId, rng),
        text: '/start',
      },
    }),
    () => ({
      update_id: updateId,
      channel_post: { message_id: 1, date: 0, chat: { id: -100, type: 'channel', title: 'c' }, text: 'post' },
    }),
    () => ({ update_id: updateId, inline_query: { id: 'i', from: from(chatId, rng), query: 'q', offset: '' } }),
    () => ({ update_id: updateId }),
    () => ({ update_id: updateId, message: { message_id: ++messageId, date: 0, chat: privateChat(chatId) } }),
  ];
  // Odd but readable text: the flow may take it as an answer (a description, say), so only its survival is checked.
  const oddText: (() => Record<string, unknown>)[] = [
    () => ({
      update_id: updateId,
      message: { message_id: ++messageId, date: 0, chat: privateChat(chatId), text: 'no sender' },
    }),
    () => message({ text: '/start', entities: [{ type: 'bot_command', offset: 3, length: 2 }] }),
    () => message({ text: rng.string(rng.int(200), 'aé€😀\n\t <>&"\'\\/') }),
  ];
  if (rng.next() < 0.2) return { update: rng.pick(oddText)(), kind: 'valid' };
  return { update: rng.pick(malformed)(), kind: 'malformed' };
}

const inReport = (s: FlowState | null) => s !== null && s.step !== 'idle' && s.step !== 'submitted';
const hasAnswers = (s: FlowState | null) => inReport(s) && Object.keys(s!.answers).length > 0;

describe('the Telegram channel under random and malformed updates', () => {
  it(`handles ${UPDATES} seeded updates without throwing, and never loses a draft`, async () => {
    const rng = new SeededRandom(SEED);
    const chats = Array.from({ length: CHATS }, (_, i) => 700_000_000 + i);
    let updateId = 1;
    let repeated = 0;
    const seen: Record<string, unknown>[] = [];
    for (let i = 0; i < UPDATES; i++) {
      const chatId = rng.pick(chats);
      const conversation = `telegram:${chatId}`;
      // Now and then Telegram re-delivers an update it already sent: it must change nothing.
      const replay = seen.length > 0 && rng.next() < 0.03;
      const { update, kind } = replay
        ? { update: rng.pick(seen), kind: 'malformed' as Kind }
        : randomUpdate(rng, updateId++, chatId);
      if (replay) repeated++;
      else seen.push(update);
      const before = replay ? null : await drafts.load(conversation);
      await expect(
        bot.handleUpdate(update as never),
        `update #${i} (${kind}) ${JSON.stringify(update).slice(0, 200)}`,
      ).resolves.toBeUndefined();
      if (replay) continue;
      const after = await drafts.load(conversation);
      if (hasAnswers(before) && kind !== 'terminator' && after === null)
        problems.push(`draft lost by update #${i}: ${JSON.stringify(update).slice(0, 200)}`);
      if (
        kind === 'malformed' &&
        inReport(before) &&
        (after?.step !== before!.step || JSON.stringify(after?.answers) !== JSON.stringify(before!.answers))
      ) {
        problems.push(`draft changed by malformed update #${i}: ${JSON.stringify(update).slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(repeated).toBeGreaterThan(100);
    // The random walks go deep: reports were sent, not only welcomes.
    expect(logs.lines.filter((line) => line.includes('report submitted to intake')).length).toBeGreaterThan(10);
    const failures = logs.lines.filter((line) => line.includes('"level":50'));
    expect(failures).toEqual([]);
    for (const key of await redis.keys(`${config.queuePrefix}:draft:*`)) {
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(24 * 3600);
    }
  }, 120_000);
});
