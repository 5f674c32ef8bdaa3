import { ActivityHandler } from 'botbuilder';
import type { Redis } from 'ioredis';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { type RelaisConfig } from '@relais/core';
import { tunnelRoutes } from '@relais/bots';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startDirectLineServer, type DirectLineServer } from '../support/directline-server.ts';

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

/** The chat frame of a page (the widget draws the chat in an iframe of the Relais origin). */
const chatFrame = (page: Page) => page.frameLocator('iframe.relais-widget');

/** A Fastify app serving the widget and Direct Line on a port known before it listens (its PUBLIC_URL). */
/** The Direct Line endpoint for a {@link ChoiceBot} and the tunnel pages (the `known` tunnels), as the bots serve them. */
const widgetServer = (label: string, known: (t: string) => Promise<boolean>, tokenTtlSeconds?: number) =>
  startDirectLineServer(label, new ChoiceBot(), {
    ...(tokenTtlSeconds ? { endpoint: { tokenTtlSeconds } } : {}),
    routes: (app, publicUrl) => tunnelRoutes(app, { isKnownTunnel: known, publicUrl }),
  });

let server: DirectLineServer;
let config: RelaisConfig;
let redis: Redis;
let base: string;
let browser: Browser;

beforeAll(async () => {
  server = await widgetServer('widget', async (t) => t === 'montpellier');
  ({ config, redis, base } = server);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the web chat widget on a partner tunnel page', () => {
  it(
    'talks to the bot over Direct Line, by keyboard and by buttons, tagged with the tunnel',
    { timeout: 60_000 },
    async () => {
      const context = await browser.newContext({ locale: 'fr-FR' });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`${base}/report/partner/montpellier`);
      const widget = chatFrame(page);
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
      // This tab keeps the conversation's keys (to survive a reload), never a word of it.
      const kept = await page.evaluate(() => ({ local: localStorage.length, session: { ...sessionStorage } }));
      expect(kept.local).toBe(0);
      expect(Object.keys(kept.session)).toEqual(['relais-chat']);
      const keys = JSON.parse(String(kept.session['relais-chat'])) as Record<string, unknown>;
      expect(Object.keys(keys).sort()).toEqual(['conversationId', 'token', 'userId', 'watermark']);
      expect(JSON.stringify(keys)).not.toMatch(/tram|Insultes/);
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
    await chatFrame(page).locator('.msg.bot').first().waitFor();
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

  it('has no accessibility violation of any impact (axe-core), on the tunnel page and in the chat frame', async () => {
    const context = await browser.newContext({ bypassCSP: true }); // to inject axe only
    const page = await context.newPage();
    await page.goto(`${base}/report/partner/montpellier`);
    await chatFrame(page).locator('.msg.bot').first().waitFor();
    const frame = page.frames().find((f) => f.url().includes('/widget/chat'))!;
    expect(await axeViolations(page)).toEqual([]);
    expect(await axeViolations(frame)).toEqual([]);
    await context.close();
  });

  it('fits in a small phone screen and weighs under 40 KB gzipped', async () => {
    const widget = await (await fetch(`${base}/widget.js`)).text();
    expect(gzipSync(widget).length).toBeLessThan(40 * 1024);
    // And the chat it opens in its frame, with its page and styles.
    const chat = await Promise.all(
      ['/chat.js', '/widget.css', '/widget/chat'].map(async (p) => (await fetch(`${base}${p}`)).text()),
    );
    expect(gzipSync(chat.join('')).length).toBeLessThan(40 * 1024);
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${base}/report`);
    await chatFrame(page).locator('.msg.bot').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});

describe('the widget keeps the conversation going, and says what went wrong', () => {
  let short: DirectLineServer;
  let shortBase: string;

  beforeAll(async () => {
    // Tokens of 4 seconds: the widget must refresh them, as it does hourly ones in real use.
    short = await widgetServer('widget-short', async () => true, 4);
    shortBase = short.base;
  });

  afterAll(async () => {
    await short?.close();
  });

  async function openWidget(at: string) {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${at}/report`);
    const widget = chatFrame(page);
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
