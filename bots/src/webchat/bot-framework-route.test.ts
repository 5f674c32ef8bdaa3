import Fastify from 'fastify';
import { ActivityHandler } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@relais/core';
import { botFrameworkRoute } from './bot-framework-route.js';

describe('POST /api/messages (Azure Bot Service)', () => {
  it('refuses a request without a Bot Framework token, and never runs the bot', async () => {
    let ran = false;
    const bot = new ActivityHandler();
    bot.onMessage(async () => {
      ran = true;
    });
    const app = Fastify();
    botFrameworkRoute(app, {
      credentials: { appId: '00000000-0000-0000-0000-000000000001', appPassword: 'secret' },
      bot,
      logger: createLogger({ service: 't', level: 'silent' }),
    });
    const response = await app.inject({
      method: 'POST',
      url: '/api/messages',
      payload: {
        type: 'message',
        text: 'hi',
        channelId: 'webchat',
        serviceUrl: 'https://example.invalid',
        conversation: { id: 'c' },
        from: { id: 'u' },
        recipient: { id: 'b' },
      },
    });
    expect(response.statusCode).toBe(401);
    expect(ran).toBe(false);
  });
});
