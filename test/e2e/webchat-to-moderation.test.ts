import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { RelaisConfig } from '@relais/core';
import { createPartner } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createBotsService, type BotsService } from '@relais/bots';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { createModerationService, type ModerationService } from '@relais/moderation-ui';
import { loadDirectLineClient } from '../support/directline-client.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { atFreePublicUrl } from '../support/public-url.ts';
import { testConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

const DESCRIPTION = 'Un groupe nous a insultés à la sortie du bar, écrivez-moi à camille.canari@example.org';
const logs = capturedLogger('webchat-e2e');
let t: TestDatabase;
let config: RelaisConfig;
let bots: BotsService;
let worker: WorkerService;
let moderation: ModerationService;
let botsUrl: string;
let moderationUrl: string;

type Activity = {
  type: string;
  from: { role?: string };
  text?: string;
  suggestedActions?: { actions: { title: string; value: { choice?: string } }[] };
};

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'webchat');
  let port: number;
  ({ config, port } = await atFreePublicUrl(testConfig({ DATABASE_URL: t.url })));
  await createPartner(t.db, {
    slug: 'montpellier',
    name: 'Ville de Montpellier',
    scope: [{ tunnels: ['montpellier'], postalCodes: [] }],
  });
  bots = await createBotsService(config, logs.logger);
  worker = await createWorkerService(config, logs.logger);
  moderation = createModerationService(config, logs.logger);
  botsUrl = await bots.server.listen({ host: '127.0.0.1', port });
  moderationUrl = await moderation.server.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await bots?.close();
  await worker?.close();
  await moderation?.close();
  const redis = new Redis(config.redisUrl);
  const keys = await redis.keys(`${config.queuePrefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await t?.drop();
});

describe('a report walks from the web chat (official Direct Line client) to the moderation API', () => {
  it('is tagged with the tunnel it was opened from, and reaches the staff queue', { timeout: 60_000 }, async () => {
    const { DirectLine } = loadDirectLineClient();
    const granted = (await (
      await fetch(`${botsUrl}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tunnel: 'montpellier' }),
      })
    ).json()) as { token: string };
    const client = new DirectLine({ token: granted.token, domain: `${botsUrl}/v3/directline`, webSocket: true });
    const fromBot: Activity[] = [];
    const subscription = client.activity$.subscribe((a) => {
      const activity = a as unknown as Activity;
      if (activity.type === 'message' && activity.from.role === 'bot') fromBot.push(activity);
    });
    const post = (activity: Record<string, unknown>) =>
      new Promise<void>((resolve, reject) =>
        client
          .postActivity({ type: 'message', from: { id: 'person' }, ...activity } as never)
          .subscribe({ next: () => resolve(), error: reject }),
      );
    const answered = async (send: () => Promise<void>) => {
      const before = fromBot.length;
      await send();
      await waitFor(async () => (fromBot.length > before ? true : undefined), 10_000, 'the bot to answer');
      await new Promise((r) => setTimeout(r, 50)); // let the rest of the turn arrive
    };
    const tap = (choice: string) =>
      answered(async () => {
        const button = [...fromBot]
          .reverse()
          .flatMap((a) => a.suggestedActions?.actions ?? [])
          .find((b) => b.value.choice === choice);
        expect(button, `a button ${choice}`).toBeDefined();
        await post({ text: button!.title, value: button!.value });
      });
    const say = (text: string) => answered(() => post({ text }));

    await waitFor(
      async () => (fromBot.some((a) => /assistant automatisé/.test(a.text ?? '')) ? true : undefined),
      10_000,
      'the welcome',
    );
    for (const choice of [
      'welcome:go',
      'role:victim',
      'minor:no',
      'acts:insult',
      'acts:done',
      'motives:gayphobia',
      'motives:done',
      'when:today',
    ])
      await tap(choice);
    await say('34000');
    await tap('place:shop_bar_restaurant');
    await say(DESCRIPTION);
    for (const choice of ['story:done', 'complaint:no', 'contact:no']) await tap(choice);
    expect(fromBot.at(-1)?.text).toMatch(/Voici votre signalement/);
    await tap('summary:send');
    const receipt = fromBot.map((a) => a.text ?? '').find((text) => text.includes('référence'));
    const reference = receipt?.match(/[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
    expect(reference).toBeDefined();
    subscription.unsubscribe();
    client.end();

    const item = await waitFor(
      async () => {
        const response = await fetch(`${moderationUrl}/api/reports`, {
          headers: { authorization: `Bearer ${config.devApiToken}` },
        });
        const items = ((await response.json()) as { items: Array<Record<string, unknown>> }).items;
        return items.find((r) => r.reference === reference);
      },
      15_000,
      'the report in the staff queue',
    );
    expect(item).toMatchObject({
      channel: 'webchat',
      tunnel: 'montpellier',
      postalCode: '34000',
      actTypes: ['insult'],
    });
    expect(logs.lines.join('')).not.toContain('camille.canari@example.org');
  });
});
