import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ActivityHandler } from 'botbuilder';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '@relais/core';

/** Azure Bot Service credentials (`MICROSOFT_APP_ID` / `MICROSOFT_APP_PASSWORD`). */
export interface BotFrameworkCredentials {
  readonly appId: string;
  readonly appPassword: string;
}

/**
 * `POST /api/messages` for partners who deploy through Azure Bot Service: botbuilder's
 * `CloudAdapter` authenticates every request (Bot Framework JWT) before the bot runs. Only
 * registered when credentials are configured: never open unauthenticated.
 */
export function botFrameworkRoute(
  app: FastifyInstance,
  deps: { credentials: BotFrameworkCredentials; bot: ActivityHandler; logger: Logger },
): void {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: deps.credentials.appId,
    MicrosoftAppPassword: deps.credentials.appPassword,
    MicrosoftAppType: 'MultiTenant',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (_context, error) => {
    deps.logger.error({ err: { name: error.name } }, 'Bot Framework turn failed');
  };
  app.post('/api/messages', async (request, reply) => {
    // CloudAdapter speaks the restify/express request and response shapes.
    const req = {
      body: (request.body ?? {}) as Record<string, unknown>,
      headers: request.headers,
      method: request.method,
    };
    let status = 200;
    let body: unknown;
    const res = {
      socket: request.raw.socket,
      status(code: number) {
        status = code;
      },
      header(name: string, value: unknown) {
        reply.header(name, value);
      },
      send(value?: unknown) {
        body = value;
      },
      end() {
        /* the reply is sent below */
      },
    };
    await adapter.process(req, res, (context) => deps.bot.run(context));
    return reply.code(status).send(body ?? '');
  });
}
