import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelaisConfig } from '@relais/core';
import type { TestDatabase } from '@relais/db/testing';
import { fakeTelegram, FAKE_BOT } from '../support/fake-telegram.ts';
import { TelegramUser } from '../support/telegram-updates.ts';
import { startReportingStack, type ReportingStack } from '../support/bots-stack.ts';
import { waitFor } from '../support/wait-for.ts';

const SECRET = 'e2e-webhook-secret-0123456789';
const CHAT_ID = 555_012_345;
const DESCRIPTION = 'Deux hommes m’ont insulté devant le tram, appelez-moi au 06 98 76 54 32.';

const telegram = fakeTelegram();
let stack: ReportingStack;
let t: TestDatabase;
let config: RelaisConfig;
let botsUrl: string;
let moderationUrl: string;
let logs: ReportingStack['logs'];

async function deliver(update: Record<string, unknown>, secret = SECRET): Promise<number> {
  const response = await fetch(`${botsUrl}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    body: JSON.stringify(update),
  });
  return response.status;
}

async function staffQueue(): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${moderationUrl}/api/reports`, {
    headers: { authorization: `Bearer ${config.devApiToken}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Array<Record<string, unknown>> }).items;
}

const sentTexts = () => telegram.calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.body.text));

beforeAll(async () => {
  telegram.server.listen({ onUnhandledRequest: 'bypass' });
  stack = await startReportingStack('e2e', {
    partner: {
      slug: 'montpellier',
      name: 'Ville de Montpellier',
      tunnel: 'montpellier',
      postalCodes: ['34000', '34070', '34080', '34090'],
    },
    env: {
      TELEGRAM_BOT_TOKEN: '123456789:AAE2Etest_token_for_relais_000000',
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    },
  });
  ({ t, config, url: botsUrl, moderationUrl, logs } = stack);
  await stack.worker.server.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await stack?.close();
  telegram.server.close();
});

describe('a report walks from a Telegram update to the moderation API', () => {
  const user = new TelegramUser(CHAT_ID);

  it('rejects an update without the webhook secret and enqueues nothing', async () => {
    expect(await deliver(user.text('/start montpellier'), 'wrong-secret-000000000')).toBe(401);
    expect(telegram.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(0);
  });

  it('reaches the staff queue with its tunnel tag and postal code, stored once though delivered twice', async () => {
    expect(telegram.calls.some((c) => c.method === 'getMe')).toBe(true);
    expect(await deliver(user.text('/start montpellier'))).toBe(200);
    expect(sentTexts().join('\n')).toMatch(/assistant automatisé/);
    for (const tap of ['c:welcome:go', 'c:role:victim', 'c:minor:no', 'c:acts:insult'])
      expect(await deliver(user.tap(tap))).toBe(200);
    expect(await deliver(user.sticker())).toBe(200);
    expect(sentTexts().at(-2)).toMatch(/autocollants ne sont pas enregistrés/);
    for (const tap of ['c:acts:done', 'c:motives:gayphobia', 'c:motives:done', 'c:when:today'])
      expect(await deliver(user.tap(tap))).toBe(200);
    expect(await deliver(user.text('34000'))).toBe(200);
    expect(await deliver(user.tap('c:place:public_transport'))).toBe(200);
    expect(await deliver(user.text(DESCRIPTION))).toBe(200);
    for (const tap of ['c:story:done', 'c:complaint:no', 'c:contact:no'])
      expect(await deliver(user.tap(tap))).toBe(200);
    expect(sentTexts().at(-1)).toMatch(/Voici votre signalement/);
    const confirm = user.tap('c:summary:send');
    expect(await deliver(confirm)).toBe(200);
    expect(await deliver(confirm)).toBe(200); // Telegram re-delivers the same update

    const receipt = sentTexts().find((text) => text.includes('Votre référence :'));
    const reference = receipt?.match(/[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
    expect(reference).toBeDefined();

    const item = await waitFor(
      async () => (await staffQueue()).find((r) => r.reference === reference),
      15_000,
      'the report in the staff queue',
    );
    expect(item).toMatchObject({
      status: 'received',
      channel: 'telegram',
      tunnel: 'montpellier',
      postalCode: '34000',
      actTypes: ['insult'],
    });

    const rows = await t.db.selectFrom('reports').select(['id', 'description_enc']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.description_enc?.toString('latin1')).not.toContain('06 98 76 54 32');
    expect(sentTexts().filter((text) => text.includes(reference!))).toHaveLength(1);
  });

  it('keeps no tunnel tag for an unknown tunnel, without alarming the person', async () => {
    const other = new TelegramUser(CHAT_ID + 1, 'en', 800_000);
    await deliver(other.text('/start no-such-partner'));
    for (const tap of [
      'c:welcome:go',
      'c:role:witness',
      'c:minor:unknown',
      'c:acts:threat',
      'c:acts:done',
      'c:motives:unknown',
      'c:motives:done',
      'c:when:yesterday',
    ]) {
      await deliver(other.tap(tap));
    }
    await deliver(other.text('75010'));
    await deliver(other.tap('c:place:public_transport'));
    await deliver(other.text('Threatened on the metro.'));
    for (const tap of ['c:story:done', 'c:author:other', 'c:complaint:filed', 'c:contact:no', 'c:summary:send'])
      await deliver(other.tap(tap));
    const receipt = sentTexts().find((text) => text.includes('Your reference'));
    expect(receipt).toBeDefined();
    const reference = receipt!.match(/[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];
    const item = await waitFor(async () => (await staffQueue()).find((r) => r.reference === reference));
    expect(item).toMatchObject({ tunnel: null, postalCode: '75010' });
    expect(sentTexts().join('\n')).not.toMatch(/unknown|invalid|error/i);
  });

  it('refuses the moderation API without the token', async () => {
    expect((await fetch(`${moderationUrl}/api/reports`)).status).toBe(401);
  });

  it('logged no report text, contact detail, chat id or token', () => {
    const all = logs.lines.join('');
    expect(all.length).toBeGreaterThan(0);
    for (const secret of [
      '06 98 76 54 32',
      'insulté devant le tram',
      String(CHAT_ID),
      'Camille',
      config.telegram.token!,
      SECRET,
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(FAKE_BOT.username).toBe('relais_test_bot');
  });
});
