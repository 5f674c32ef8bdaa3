import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '@relais/core/testing';
import { createLogger } from '@relais/core';
import { createPartner, insertReport } from '@relais/db';
import { createBotsService, type BotsService } from '@relais/bots';
import { fakeTelegram, FAKE_BOT } from '../support/fake-telegram.ts';
import { moderationStack, type ModerationStack } from '../support/moderation-stack.ts';
import type { ModerationClient } from '../support/moderation-client.ts';
import { sealedReportRow } from '../support/sealed-report.ts';
import { fuzzRequest, routesOf, type FuzzRequest, type FuzzRoute } from '../support/route-fuzzer.ts';
import { testConfig } from '../support/test-config.ts';
import { partnerRefOf } from '../support/partner-refs.ts';

const SEED = 20261201;
const PER_ROUTE = 40;
const SECRET = 'route-fuzz-webhook-secret-0123456789';

const telegram = fakeTelegram('http://route-fuzz.invalid');
let stack: ModerationStack;
let bots: BotsService;
let botsUrl: string;
const known: string[] = [];
const sessions: Record<string, Record<string, string>> = {};

const headersOf = (client: ModerationClient): Record<string, string> => ({
  cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
});

/** Sends one fuzzed request; a network-level refusal of an oversized request counts as a 4xx. */
async function send(base: string, request: FuzzRequest): Promise<number> {
  try {
    const response = await fetch(`${base}${request.url}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(20_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    // Node's HTTP parser answers 431 to oversized headers by closing; undici reports that as a failure.
    if (/other side closed|ECONNRESET|socket/i.test(String((error as Error).cause ?? error))) return 431;
    throw error;
  }
}

async function fuzz(base: string, routes: readonly FuzzRoute[], identities: readonly Record<string, string>[]) {
  const rng = new SeededRandom(SEED);
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;
  // Signing out ends the sessions the other routes are fuzzed with: it goes last.
  const ordered = [...routes].sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
  for (const route of ordered) {
    for (let i = 0; i < PER_ROUTE; i++) {
      const request = fuzzRequest(rng, route, known, rng.pick(identities));
      const status = await send(base, request);
      sent += 1;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500)
        failures.push(`${status} ${request.method} ${request.url.slice(0, 160)} ${request.body?.slice(0, 120) ?? ''}`);
    }
  }
  return { sent, failures, statuses };
}

beforeAll(async () => {
  telegram.server.listen({ onUnhandledRequest: 'bypass' });
  stack = await moderationStack('routefuzz');
  const partnerId = await createPartner(stack.t.db, {
    slug: 'fuzz-city',
    name: 'Fuzz City',
    scope: [{ tunnels: ['fuzz-city'], postalCodes: ['34000'] }],
  }).then((p) => p.id);
  const report = sealedReportRow(
    stack.keyring,
    'Un homme m’a insulté rue de la Loge, il s’appelle Marc Durand.',
    { tunnel: 'fuzz-city' },
    { method: 'email', value: 'victime@example.org' },
  );
  await insertReport(stack.t.db, report);
  known.push(
    report.id,
    report.reference,
    await partnerRefOf(stack.t.db, report.id),
    partnerId,
    '2026-W47',
    'fuzz-city',
  );
  for (const role of ['moderator', 'admin'] as const)
    sessions[role] = headersOf(await stack.signIn(await stack.account(role)));
  sessions.partner = headersOf(await stack.signIn(await stack.account('partner', partnerId)));

  const config = testConfig({
    DATABASE_URL: stack.t.url,
    TELEGRAM_BOT_TOKEN: '123456789:AARoute_fuzz_token_for_relais_0',
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: telegram.apiRoot,
  });
  bots = await createBotsService(config, createLogger({ service: 'fuzz', level: 'silent' }), {
    botInfo: FAKE_BOT,
    maxRetryDelaySeconds: 1,
  });
  botsUrl = await bots.server.listen({ host: '127.0.0.1', port: 0 });
  const token = (await (
    await fetch(`${botsUrl}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
  ).json()) as { token: string; conversationId: string };
  known.push(token.conversationId);
  sessions.directLine = { authorization: `Bearer ${token.token}` };
  sessions.telegram = { 'x-telegram-bot-api-secret-token': SECRET };
}, 120_000);

afterAll(async () => {
  await bots?.close();
  telegram.server.close();
  await stack?.close();
});

describe('a seeded fuzzer over every public route', () => {
  it(
    'gets a 4xx, never a 5xx, from every moderation route, signed out, with a stale cookie, and signed in as each role',
    { timeout: 300_000 },
    async () => {
      const routes = routesOf(stack.service.server.printRoutes({ commonPrefix: false }));
      expect(routes.length).toBeGreaterThan(40);
      const identities = [
        {},
        { cookie: '__Host-relais_session=forged; relais_csrf=x', 'x-csrf-token': 'x' },
        { authorization: 'Bearer nope' },
        sessions.moderator!,
        sessions.admin!,
        sessions.partner!,
      ];
      const { sent, failures, statuses } = await fuzz(stack.url, routes, identities);
      expect(sent).toBe(routes.length * PER_ROUTE);
      expect(failures).toEqual([]);
      // It went past the door: answers of many kinds, not only "sign in first".
      expect([...statuses.keys()].filter((s) => s >= 400 && s < 500).length).toBeGreaterThanOrEqual(4);
      expect([...statuses.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
      expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
    },
  );

  it(
    'gets a 4xx, never a 5xx, from every bots route: the webhook, Direct Line and the tunnel pages',
    { timeout: 300_000 },
    async () => {
      const routes = routesOf(bots.server.printRoutes({ commonPrefix: false })).filter(
        (r) => !r.path.endsWith('/stream'),
      );
      expect(routes.length).toBeGreaterThan(8);
      const identities = [
        {},
        sessions.telegram!,
        { 'x-telegram-bot-api-secret-token': 'wrong-secret-0123456789' },
        sessions.directLine!,
        { authorization: 'Bearer x.y.z' },
      ];
      const { sent, failures, statuses } = await fuzz(botsUrl, routes, identities);
      expect(sent).toBe(routes.length * PER_ROUTE);
      expect(failures).toEqual([]);
      expect([...statuses.keys()].filter((s) => s >= 400 && s < 500).length).toBeGreaterThanOrEqual(4);
      expect([...statuses.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
      expect((await fetch(`${botsUrl}/healthz`)).status).toBe(200);
    },
  );
});
