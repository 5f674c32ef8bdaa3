import { keyedHash } from '@relais/core';
import { translate } from '@relais/bots';
import { TelegramUser, telegramReportScript } from '../support/telegram-updates.ts';
import type { Delivery } from './delivery.ts';
import { postUpdate, type TelegramTarget } from './telegram-player.ts';

/** What a flooding client did, and what it was told. */
export interface AbuseReport {
  /** Reports it tried to send, and per minute. */
  readonly reportsAttempted: number;
  readonly reportsPerMinute: number;
  /** Requests refused or dropped, and whether it was told, kindly, to slow down. */
  readonly slowedDown: number;
  readonly toldFriendly: boolean;
  /** Its reporter key (Telegram) to count what was stored for it. */
  readonly reporterKey?: string;
}

const ABUSER_CHAT = 870_000_001;

/**
 * One Telegram chat sending full reports back to back, eight at a time, as fast as the bots answer,
 * until `stop()`.
 * The bots pause its flood (one message a minute) and hold its reports after a few.
 */
export function floodTelegram(target: TelegramTarget, stats: Delivery): { stop(): Promise<AbuseReport> } {
  let running = true;
  let attempted = 0;
  const started = Date.now();
  // Eight scripts at once from the same chat: a flood does not wait for answers.
  const loop = Promise.all(
    Array.from({ length: 8 }, async (_, stream) => {
      const user = new TelegramUser(ABUSER_CHAT, 'fr', 500_000_000 + stream * 10_000_000);
      while (running) {
        attempted += 1;
        for (const update of telegramReportScript(user, {
          story: 'Spam spam spam, encore et encore, pour saturer le service.',
        })) {
          if (!running) break;
          await postUpdate(target, update, stats);
        }
      }
    }),
  );
  return {
    async stop() {
      running = false;
      await loop;
      const paused = translate('fr', 'tooManyMessages', { seconds: '' }).slice(0, 40);
      const throttled = translate('fr', 'submitThrottled', { minutes: '' }).slice(0, 40);
      const texts = target.botApi.textsOf(ABUSER_CHAT);
      const told = texts.filter((t) => t.startsWith(paused) || t.startsWith(throttled)).length;
      return {
        reportsAttempted: attempted,
        reportsPerMinute: attempted / ((Date.now() - started) / 60_000),
        slowedDown: told,
        toldFriendly: told > 0,
        reporterKey: keyedHash(target.keyring, `telegram:${ABUSER_CHAT}`),
      };
    },
  };
}

/**
 * One web client (one address) opening conversation after conversation over Direct Line as fast
 * as it is answered, until `stop()`; counts the 429s and checks they carry a readable message.
 */
export function floodDirectLine(botUrls: readonly string[]): { stop(): Promise<AbuseReport> } {
  let running = true;
  let attempted = 0;
  let refused = 0;
  let friendly = true;
  const started = Date.now();
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.66' };
  const loop = (async () => {
    for (let i = 0; running; i++) {
      attempted += 1;
      try {
        const response = await fetch(`${botUrls[i % botUrls.length]}/v3/directline/tokens/generate`, {
          method: 'POST',
          headers,
          body: '{"tunnel":"montpellier"}',
        });
        const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
        if (response.status === 429) {
          refused += 1;
          if (!response.headers.get('retry-after') || !/patientez|please wait/i.test(body.error?.message ?? ''))
            friendly = false;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } catch {
        // a bot process restarting during a fault: try again
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return {
        reportsAttempted: attempted,
        reportsPerMinute: attempted / ((Date.now() - started) / 60_000),
        slowedDown: refused,
        toldFriendly: refused > 0 && friendly,
      };
    },
  };
}
