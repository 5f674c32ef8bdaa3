import { keyedHash, type Keyring } from '@relais/core';
import { TelegramUser, telegramReportScript } from '../support/telegram-updates.ts';
import { canariesOf, canaryStory } from './canaries.ts';
import { REFERENCE_IN_TEXT, type ConversationRecord } from './conversation-record.ts';
import { deliverUntilAcknowledged, type Delivery } from './delivery.ts';
import type { FakeBotApi } from './fake-bot-api.ts';
import { LOAD_TUNNEL, LOAD_WEBHOOK_SECRET } from './load-stack.ts';

/** Where a Telegram player sends its updates. */
export interface TelegramTarget {
  readonly botUrls: readonly string[];
  readonly botApi: FakeBotApi;
  readonly keyring: Keyring;
}

/** The chat id of the load's conversation `n` (the abuser uses another range). */
export const loadChatId = (n: number) => 880_000_000 + n;

/** Posts one update to the webhook the way Telegram does: again and again until acknowledged. */
export function postUpdate(target: TelegramTarget, update: Record<string, unknown>, stats: Delivery) {
  return deliverUntilAcknowledged(
    target.botUrls,
    '/telegram/webhook',
    {
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': LOAD_WEBHOOK_SECRET },
      body: JSON.stringify(update),
    },
    stats,
  );
}

/**
 * Plays conversation `n` as a person on Telegram: a full report with the canaries of `n` in its
 * text (and, one time in four, an e-mail address to be re-contacted), every other one through the
 * partner tunnel, one in three in English. Resolves with what the person saw.
 */
export async function playTelegramConversation(
  target: TelegramTarget,
  n: number,
  stats: Delivery,
): Promise<ConversationRecord> {
  const user = new TelegramUser(loadChatId(n), n % 3 === 0 ? 'en' : 'fr', 10_000 + n * 100);
  const record: ConversationRecord = {
    channel: 'telegram',
    reporterKey: keyedHash(target.keyring, `telegram:${user.chatId}`),
    startedAt: Date.now(),
  };
  const script = telegramReportScript(user, {
    ...(n % 2 === 0 ? { tunnel: LOAD_TUNNEL } : {}),
    postalCode: ['34000', '34070', '75011', '69001'][n % 4]!,
    story: canaryStory(n),
    ...(n % 4 === 1 ? { email: canariesOf(n).email } : {}),
  });
  try {
    for (const [i, update] of script.entries()) {
      if (i === script.length - 1) record.lastSentAt = Date.now();
      const { status } = await postUpdate(target, update, stats);
      if (status !== 200) throw new Error(`webhook answered ${status}`);
    }
    record.finishedAt = Date.now();
    const receipt = [...target.botApi.textsOf(user.chatId)].reverse().find((t) => REFERENCE_IN_TEXT.test(t));
    if (receipt) record.reference = REFERENCE_IN_TEXT.exec(receipt)![0];
  } catch (error) {
    record.error = (error as Error).message;
  }
  return record;
}
