import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createKeyring, sealMessageBody, type RelaisConfig } from '@relais/core';
import { createPartner } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createBotsService, type BotsService } from '@relais/bots';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { axeViolations, serious } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { atFreePublicUrl } from '../support/public-url.ts';
import { testConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';
import { sendWebReport, type WebReceipt } from '../support/web-report.ts';

const XSS = '<img src=x onerror="window.__xss = 1">Bonjour, pouvez-vous nous rappeler ?';
const logs = capturedLogger('follow-up-browser');
let t: TestDatabase;
let config: RelaisConfig;
let bots: BotsService;
let worker: WorkerService;
let base: string;
let browser: Browser;
let receipt: WebReceipt;
let reportId: string;

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'follow_browser');
  let port: number;
  ({ config, port } = await atFreePublicUrl(testConfig({ DATABASE_URL: t.url })));
  await createPartner(t.db, {
    slug: 'montpellier',
    name: 'Ville de Montpellier',
    scope: [{ tunnels: ['montpellier'], postalCodes: [] }],
  });
  bots = await createBotsService(config, logs.logger);
  worker = await createWorkerService(config, logs.logger);
  base = await bots.server.listen({ host: '127.0.0.1', port });
  receipt = await sendWebReport(base, 'montpellier', 'Insultée à la sortie du bar, répondez-moi ici.');
  reportId = await waitFor(
    async () =>
      (await t.db.selectFrom('reports').select('id').where('reference', '=', receipt.reference).executeTakeFirst())?.id,
    15_000,
    'the report',
  );
  // A moderator's message already delivered to the web inbox, with markup that must stay text.
  const messageId = randomUUID();
  await t.db
    .insertInto('messages')
    .values({
      id: messageId,
      report_id: reportId,
      direction: 'to_reporter',
      author_id: null,
      body_enc: sealMessageBody(createKeyring(config.dataKey!), messageId, XSS),
      status: 'sent',
      error: null,
      sent_at: new Date(),
    })
    .execute();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bots?.close();
  await worker?.close();
  const redis = new Redis(config.redisUrl);
  const keys = await redis.keys(`${config.queuePrefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await t?.drop();
});

describe('the follow-up page', () => {
  it(
    'signs in with reference and phrase, shows status and messages as text, sends an answer; accessible, no cookie',
    { timeout: 60_000 },
    async () => {
      // CSP bypassed to inject axe only: the markup in the message must stay text without its help.
      const context = await browser.newContext({ locale: 'fr-FR', bypassCSP: true });
      const page = await context.newPage();
      const response = await page.goto(`${base}/report/partner/montpellier`);
      expect(response?.status()).toBe(200);
      await page.getByRole('link', { name: /Suivre mon signalement/ }).click();
      await page.waitForURL(/\/report\/follow/);
      expect((await page.request.get(page.url())).headers()['content-security-policy']).toContain("script-src 'self'");
      expect(serious(await axeViolations(page))).toEqual([]);

      await page.getByLabel(/Référence/).fill(receipt.reference.toLowerCase());
      await page.getByLabel(/Phrase secrète/).fill('piano koala tango canal salsa');
      await page.getByRole('button', { name: 'Voir mon signalement' }).click();
      await page.getByRole('status').filter({ hasText: 'incorrecte' }).waitFor();

      await page.getByLabel(/Phrase secrète/).fill(receipt.phrase.toUpperCase());
      await page.getByRole('button', { name: 'Voir mon signalement' }).click();
      await page.getByRole('heading', { name: `Votre signalement ${receipt.reference}` }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-title');
      expect(await page.locator('#report-status').textContent()).toMatch(/reçu/);
      const thread = page.locator('#messages');
      await thread.getByText(XSS).waitFor();
      expect(await thread.locator('img').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.getByLabel(/Phrase secrète/).inputValue()).toBe('');
      expect(serious(await axeViolations(page))).toEqual([]);

      await page.getByLabel('Votre message à l’association').fill('Merci, le soir de préférence.');
      await page.getByRole('button', { name: 'Envoyer' }).click();
      await page.getByRole('status').filter({ hasText: 'Message envoyé' }).waitFor();
      await thread.locator('li.you', { hasText: 'Merci, le soir de préférence.' }).waitFor();
      const stored = await t.db
        .selectFrom('messages')
        .select(['direction', 'status'])
        .where('report_id', '=', reportId)
        .where('direction', '=', 'from_reporter')
        .execute();
      expect(stored).toEqual([{ direction: 'from_reporter', status: 'received' }]);

      await page.getByRole('button', { name: 'Effacer mon signalement' }).click();
      await page.getByRole('button', { name: 'Non, garder' }).click();
      expect(await page.getByRole('button', { name: 'Effacer mon signalement' }).isVisible()).toBe(true);

      await page.getByRole('button', { name: 'Quitter le suivi' }).click();
      await page.getByRole('status').filter({ hasText: 'quitté le suivi' }).waitFor();
      expect(await page.locator('#report').isHidden()).toBe(true);
      expect(await context.cookies()).toEqual([]);
      expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
      await context.close();
    },
  );

  it(
    'in English, under its strict CSP, works and quick exit (Escape) leaves for a neutral site with no way back',
    { timeout: 30_000 },
    async () => {
      const context = await browser.newContext({ locale: 'en-GB' });
      await context.route('https://www.google.com/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<title>Weather</title>' }),
      );
      const page = await context.newPage();
      const cspErrors: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
      });
      await page.goto(`${base}/report/follow`);
      await page.getByRole('heading', { name: 'Follow my report' }).waitFor();
      await page.getByLabel(/Reference/).fill('WXYC-3467');
      await page.getByLabel(/Secret phrase/).fill('piano koala tango canal salsa');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Wrong reference or secret phrase' }).waitFor();
      expect(cspErrors).toEqual([]);
      const historyBefore = await page.evaluate(() => history.length);
      await page.keyboard.press('Escape');
      await page.waitForURL(/google\.com/);
      expect(await page.title()).toBe('Weather');
      expect(await page.evaluate(() => history.length)).toBe(historyBefore);
      await context.close();
    },
  );
});
