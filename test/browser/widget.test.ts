import Fastify, { type FastifyInstance } from 'fastify';
import { ActivityHandler } from 'botbuilder';
import { Redis } from 'ioredis';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { createKeyring, type RelaisConfig } from '@relais/core';
import { createDirectLineEndpoint, tunnelRoutes, type DirectLineEndpoint } from '@relais/bots';
import { axeViolations, serious } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { testConfig } from '../support/test-config.ts';
import { deletePrefixKeys } from '../support/redis-scan.ts';

class ChoiceBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity({
        text: 'Bonjour. Que s’est-il passé ?',
        suggestedActions: {
          to: [],
          actions: [
            {
              type: 'messageBack',
              title: 'Insultes',
              displayText: 'Insultes',
              text: 'Insultes',
              value: { choice: 'acts:insult' },
            },
          ],
        },
      });
      await next();
    });
    this.onMessage(async (context, next) => {
      const choice = (context.activity.value as { choice?: string } | undefined)?.choice;
      await context.sendActivity(`reçu : ${choice ?? context.activity.text}`);
      await next();
    });
  }
}

/**
 * The widget renders in a closed shadow root, so scripts of a partner page (analytics, session
 * replay) cannot read the conversation. Tests open it, to look inside as a person would.
 */
const OPEN_SHADOW_ROOTS = `{ const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); }; }`;

let config: RelaisConfig;
let redis: Redis;
let endpoint: DirectLineEndpoint;
let app: FastifyInstance;
let base: string;
let browser: Browser;

beforeAll(async () => {
  config = testConfig();
  redis = new Redis(config.redisUrl);
  endpoint = createDirectLineEndpoint({
    redis,
    keyring: createKeyring(config.dataKey!),
    prefix: config.queuePrefix,
    logger: capturedLogger('widget').logger,
    bot: new ChoiceBot(),
  });
  app = Fastify();
  await endpoint.register(app);
  tunnelRoutes(app, { isKnownTunnel: async (t) => t === 'montpellier' });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  endpoint?.close();
  await deletePrefixKeys(redis, config.queuePrefix);
  redis?.disconnect();
});

describe('the web chat widget on a partner tunnel page', () => {
  it(
    'talks to the bot over Direct Line, by keyboard and by buttons, tagged with the tunnel',
    { timeout: 60_000 },
    async () => {
      const context = await browser.newContext({ locale: 'fr-FR' });
      await context.addInitScript(OPEN_SHADOW_ROOTS);
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`${base}/report/partner/montpellier`);
      const widget = page.locator('.relais-widget');
      await widget.locator('.msg.bot', { hasText: 'Que s’est-il passé' }).waitFor({ timeout: 10_000 });
      await widget.getByRole('button', { name: 'Insultes' }).click();
      await widget.locator('.msg.bot', { hasText: 'reçu : acts:insult' }).waitFor({ timeout: 10_000 });
      await widget.locator('.msg.mine', { hasText: 'Insultes' }).waitFor({ timeout: 10_000 });
      await widget.getByRole('textbox', { name: 'Votre message' }).fill('devant le tram');
      await page.keyboard.press('Enter');
      await widget.locator('.msg.bot', { hasText: 'reçu : devant le tram' }).waitFor({ timeout: 10_000 });
      expect(await widget.getByRole('textbox', { name: 'Votre message' }).inputValue()).toBe('');
      expect(requests.every((url) => url.startsWith(base) || url.startsWith(base.replace('http', 'ws')))).toBe(true);
      expect(await context.cookies()).toEqual([]);
      expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
      const conversations = await redis.keys(`${config.queuePrefix}:dl:conv:*`);
      const tunnels = await Promise.all(conversations.map((k) => redis.hget(k, 'tunnel')));
      expect(tunnels).toContain('montpellier');
      await context.close();
    },
  );

  it('quick exit (Escape) replaces the page with a neutral site and leaves no way back', async () => {
    const context = await browser.newContext();
    await context.route('https://www.google.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<title>Météo</title>' }),
    );
    const page = await context.newPage();
    await page.goto(`${base}/report`);
    await page.waitForSelector('.relais-widget');
    const historyBefore = await page.evaluate(() => history.length);
    await page.keyboard.press('Escape');
    await page.waitForURL(/google\.com/);
    expect(await page.title()).toBe('Météo');
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    await context.close();
  });

  it('shows a plain 404 with the emergency numbers for an unknown tunnel, under a strict CSP', async () => {
    const response = await fetch(`${base}/report/partner/nope`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toMatch(/17/);
    expect(html).toMatch(/114/);
    const csp = (await fetch(`${base}/report`)).headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    const context = await browser.newContext({ bypassCSP: true }); // to inject axe only
    await context.addInitScript(OPEN_SHADOW_ROOTS);
    const page = await context.newPage();
    await page.goto(`${base}/report/partner/montpellier`);
    await page.locator('.relais-widget .msg.bot').first().waitFor();
    expect(serious(await axeViolations(page))).toEqual([]);
    await context.close();
  });

  it('fits in a small phone screen and weighs under 40 KB gzipped', async () => {
    const widget = await (await fetch(`${base}/widget.js`)).text();
    expect(gzipSync(widget).length).toBeLessThan(40 * 1024);
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${base}/report`);
    await page.locator('.relais-widget').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});

describe('the widget keeps the conversation going, and says what went wrong', () => {
  let shortEndpoint: DirectLineEndpoint;
  let shortApp: FastifyInstance;
  let shortBase: string;

  beforeAll(async () => {
    // Tokens of 4 seconds: the widget must refresh them, as it does hourly ones in real use.
    shortEndpoint = createDirectLineEndpoint({
      redis,
      keyring: createKeyring(config.dataKey!),
      prefix: `${config.queuePrefix}-short`,
      logger: capturedLogger('widget-short').logger,
      bot: new ChoiceBot(),
      tokenTtlSeconds: 4,
    });
    shortApp = Fastify();
    await shortEndpoint.register(shortApp);
    tunnelRoutes(shortApp, { isKnownTunnel: async () => true });
    shortBase = await shortApp.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await shortApp?.close();
    shortEndpoint?.close();
    const keys = await redis.keys(`${config.queuePrefix}-short:*`);
    if (keys.length) await redis.del(...keys);
  });

  async function openWidget(at: string) {
    const context = await browser.newContext({ locale: 'fr-FR' });
    await context.addInitScript(OPEN_SHADOW_ROOTS);
    const page = await context.newPage();
    await page.goto(`${at}/report`);
    const widget = page.locator('.relais-widget');
    await widget.locator('.msg.bot', { hasText: 'Que s’est-il passé' }).waitFor({ timeout: 10_000 });
    return {
      context,
      page,
      widget,
      textbox: widget.getByRole('textbox', { name: 'Votre message' }),
      status: widget.getByRole('status'),
    };
  }

  it('refreshes its token before it expires, so the conversation outlives the token', { timeout: 60_000 }, async () => {
    const { context, page, widget, textbox } = await openWidget(shortBase);
    const refreshes: number[] = [];
    page.on('response', (r) => r.url().endsWith('/v3/directline/tokens/refresh') && refreshes.push(r.status()));
    await page.waitForTimeout(9_000); // more than two token lifetimes
    expect(refreshes.length).toBeGreaterThanOrEqual(3);
    expect(refreshes.every((s) => s === 200)).toBe(true);
    await textbox.fill('toujours là');
    await page.keyboard.press('Enter');
    await widget.locator('.msg.bot', { hasText: 'reçu : toujours là' }).waitFor({ timeout: 10_000 });
    await context.close();
  });

  it('on a 403 TokenExpired, refreshes once and sends the message again', async () => {
    const { context, page, widget, textbox } = await openWidget(base);
    let refused = false;
    await page.route('**/v3/directline/conversations/*/activities', (route) => {
      if (route.request().method() !== 'POST' || refused) return route.fallback();
      refused = true;
      return route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'TokenExpired', message: 'expired' } }),
      });
    });
    const refresh = page.waitForResponse((r) => r.url().endsWith('/v3/directline/tokens/refresh'));
    await textbox.fill('après expiration');
    await page.keyboard.press('Enter');
    expect((await refresh).status()).toBe(200);
    await widget.locator('.msg.bot', { hasText: 'reçu : après expiration' }).waitFor({ timeout: 10_000 });
    expect(await textbox.inputValue()).toBe('');
    await context.close();
  });

  it('when the token cannot be refreshed either, says the session expired and keeps what was typed', async () => {
    const { context, page, status, textbox } = await openWidget(base);
    const expired = {
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'TokenExpired', message: 'expired' } }),
    };
    await page.route('**/v3/directline/tokens/refresh', (route) => route.fulfill(expired));
    await page.route('**/v3/directline/conversations/*/activities', (route) =>
      route.request().method() === 'POST' ? route.fulfill(expired) : route.fallback(),
    );
    await textbox.fill('trop tard');
    await page.keyboard.press('Enter');
    await status.filter({ hasText: 'Votre session a expiré' }).waitFor();
    expect(await textbox.inputValue()).toBe('trop tard');
    await context.close();
  });

  it('keeps a message the server refuses as invalid (400) and says what is expected', async () => {
    const { context, page, status, textbox } = await openWidget(base);
    await textbox.evaluate((node) => node.removeAttribute('maxlength')); // as a pasted text past the limit could
    const tooLong = 'x'.repeat(20_001);
    await textbox.fill(tooLong);
    const answer = page.waitForResponse((r) => r.url().endsWith('/activities') && r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    expect((await answer).status()).toBe(400);
    await status.filter({ hasText: 'au plus 20 000 caractères' }).waitFor();
    expect(await status.textContent()).toMatch(/Votre saisie est conservée/);
    expect(await textbox.inputValue()).toBe(tooLong);
    await context.close();
  });

  it('says to wait, not that it is offline, on a 429, and keeps what was typed', async () => {
    const { context, page, status, textbox } = await openWidget(base);
    await page.route('**/v3/directline/conversations/*/activities', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 429,
            headers: { 'retry-after': '30' },
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'TooManyRequests', message: 'slow down' } }),
          })
        : route.fallback(),
    );
    await textbox.fill('trop vite');
    await page.keyboard.press('Enter');
    await status.filter({ hasText: 'patientez une minute' }).waitFor();
    expect(await textbox.inputValue()).toBe('trop vite');
    await context.close();
  });
});
