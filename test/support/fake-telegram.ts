import { http, HttpResponse } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';

/** A Bot API call the bots made, as the fake received it. */
export interface BotApiCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
}

/** The bot identity the fake answers `getMe` with. */
export const FAKE_BOT = {
  id: 4_242_4242,
  is_bot: true as const,
  first_name: 'Relais',
  username: 'relais_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/**
 * Intercepts the Telegram Bot API (which tests can never reach) with msw, records every call and
 * answers like Telegram would. `apiRoot` is what `TELEGRAM_API_ROOT` must be set to.
 */
export function fakeTelegram(apiRoot = 'http://telegram.invalid'): {
  server: SetupServer;
  calls: BotApiCall[];
  apiRoot: string;
  /** Makes the next call of `method` fail with this Bot API error (e.g. 429 with `retry_after`). */
  failNext(method: string, errorCode: number, description: string, parameters?: Record<string, unknown>): void;
} {
  const calls: BotApiCall[] = [];
  const failures: { method: string; errorCode: number; description: string; parameters?: Record<string, unknown> }[] =
    [];
  let messageId = 1000;
  const server = setupServer(
    http.post(`${apiRoot}/:bot/:method`, async ({ request, params }) => {
      const method = String(params.method);
      const text = await request.text();
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      calls.push({ method, body });
      const failure = failures.findIndex((f) => f.method === method);
      if (failure >= 0) {
        const [f] = failures.splice(failure, 1);
        return HttpResponse.json(
          {
            ok: false,
            error_code: f!.errorCode,
            description: f!.description,
            ...(f!.parameters ? { parameters: f!.parameters } : {}),
          },
          { status: f!.errorCode },
        );
      }
      if (method === 'getMe') return HttpResponse.json({ ok: true, result: FAKE_BOT });
      if (method === 'sendMessage') {
        return HttpResponse.json({
          ok: true,
          result: {
            message_id: ++messageId,
            date: Math.floor(Date.now() / 1000),
            chat: { id: body.chat_id, type: 'private' },
            text: body.text,
          },
        });
      }
      return HttpResponse.json({ ok: true, result: true });
    }),
  );
  return {
    server,
    calls,
    apiRoot,
    failNext(method, errorCode, description, parameters) {
      failures.push({ method, errorCode, description, ...(parameters ? { parameters } : {}) });
    },
  };
}
