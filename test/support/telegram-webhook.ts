import { FAKE_BOT, fakeTelegram, type BotApiCall } from './fake-telegram.ts';
import { startBotsStack, type BotsStack } from './bots-stack.ts';
import type { TelegramUser } from './telegram-updates.ts';

const SECRET = 'webhook-stack-secret-0123456789';

/** What one chat was sent by the bot, as the person sees it. */
export interface ChatView {
  texts(): string[];
  calls(): BotApiCall[];
}

/**
 * The bots service in webhook mode ({@link BotsStack}) with the Bot API intercepted by msw: what a
 * test needs to play Telegram against the real webhook route.
 */
export interface TelegramWebhookStack extends BotsStack {
  /** Posts one update to `POST /telegram/webhook`; resolves with the HTTP status. */
  deliver(update: unknown, secret?: string | null): Promise<number>;
  chat(user: TelegramUser): ChatView;
}

/** Starts a {@link TelegramWebhookStack}; `name` tags its database and Bot API host. */
export async function startTelegramWebhookStack(name: string): Promise<TelegramWebhookStack> {
  const telegram = fakeTelegram(`http://${name}.invalid`);
  telegram.server.listen({ onUnhandledRequest: 'bypass' });
  const stack = await startBotsStack(name, {
    env: {
      TELEGRAM_BOT_TOKEN: '123456789:AAWebhook_stack_token_relais_00',
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    },
    service: { botInfo: FAKE_BOT, maxRetryDelaySeconds: 2 },
  });
  return {
    ...stack,
    async deliver(update, secret = SECRET) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret !== null) headers['x-telegram-bot-api-secret-token'] = secret;
      const response = await fetch(`${stack.url}/telegram/webhook`, {
        method: 'POST',
        headers,
        body: typeof update === 'string' ? update : JSON.stringify(update),
      });
      await response.arrayBuffer();
      return response.status;
    },
    chat(user) {
      const calls = () => telegram.calls.filter((c) => c.body.chat_id === user.chatId);
      return {
        calls,
        texts: () =>
          calls()
            .filter((c) => c.method === 'sendMessage')
            .map((c) => String(c.body.text)),
      };
    },
    async close() {
      await stack.close();
      telegram.server.close();
    },
  };
}
