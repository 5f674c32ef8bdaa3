import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKeyring,
  keyedHash,
  sealJson,
  sealMessageBody,
  sealingContext,
  type ContactRequest,
  type RelaisConfig,
} from '@relais/core';
import { insertFollowUpSecret, insertReport } from '@relais/db';
import type { TestDatabase } from '@relais/db/testing';
import { createWebFollowUp, ErasureQueue } from '@relais/bots';
import { axeViolations, serious } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { reportRow } from '../support/report-rows.ts';
import { startReportingStack, type ReportingStack } from '../support/bots-stack.ts';
import { waitFor } from '../support/wait-for.ts';
import { sendWebReport, type WebReceipt } from '../support/web-report.ts';

const XSS = '<img src=x onerror="window.__xss = 1">Bonjour, pouvez-vous nous rappeler ?';
let stack: ReportingStack;
let t: TestDatabase;
let config: RelaisConfig;
let base: string;
let browser: Browser;
let receipt: WebReceipt;
let reportId: string;

/** A message from the association, delivered to the report's follow-up inbox (status `sent`). */
async function deliveredMessage(report: string, body: string): Promise<void> {
  const messageId = randomUUID();
  await t.db
    .insertInto('messages')
    .values({
      id: messageId,
      report_id: report,
      direction: 'to_reporter',
      author_id: null,
      body_enc: sealMessageBody(createKeyring(config.dataKey!), messageId, body),
      status: 'sent',
      error: null,
      sent_at: new Date(),
    })
    .execute();
}

beforeAll(async () => {
  stack = await startReportingStack('follow_browser', {
    partner: { slug: 'montpellier', name: 'Ville de Montpellier', tunnel: 'montpellier' },
  });
  ({ t, config, url: base } = stack);
  receipt = await sendWebReport(base, 'montpellier', 'Insultée à la sortie du bar, répondez-moi ici.');
  reportId = await waitFor(
    async () =>
      (await t.db.selectFrom('reports').select('id').where('reference', '=', receipt.reference).executeTakeFirst())?.id,
    15_000,
    'the report',
  );
  // A moderator's message already delivered to the web inbox, with markup that must stay text.
  await deliveredMessage(reportId, XSS);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
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
      // The tunnel page's chat frame keeps its conversation for this tab (sessionStorage, same
      // origin); the follow-up page itself stores nothing, neither reference nor phrase.
      const storage = () =>
        page.evaluate(() => JSON.stringify([{ ...localStorage }, Object.keys(sessionStorage).sort()]));
      const storageBefore = await storage();
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

      // An answer saying danger now, on a phone: the emergency guidance first, where the person wrote; marked urgent.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByLabel('Votre message à l’association').fill('il est encore là en bas de chez moi');
      await page.getByRole('button', { name: 'Envoyer' }).click();
      const danger = page.getByRole('alert').filter({ hasText: 'appelez le 17' });
      await danger.waitFor();
      expect(await danger.textContent()).toMatch(/^Si vous êtes en danger maintenant.*SMS au 114.*En lieu sûr/);
      // Its numbers are links: call 17 or 112, text 114.
      expect(await danger.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
        'tel:17',
        'tel:112',
        'sms:114',
      ]);
      const box = await danger.boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(844);
      await page.getByRole('status').filter({ hasText: 'Message envoyé' }).waitFor();
      expect(serious(await axeViolations(page))).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 900 });
      await thread.locator('li.you', { hasText: 'il est encore là' }).waitFor();
      const urgent = await t.db
        .selectFrom('messages')
        .select('urgent')
        .where('report_id', '=', reportId)
        .where('direction', '=', 'from_reporter')
        .orderBy('created_at')
        .execute();
      expect(urgent).toEqual([{ urgent: false }, { urgent: true }]);

      await page.getByRole('button', { name: 'Effacer mon signalement' }).click();
      await page.getByRole('button', { name: 'Non, garder' }).click();
      expect(await page.getByRole('button', { name: 'Effacer mon signalement' }).isVisible()).toBe(true);

      await page.getByRole('button', { name: 'Quitter le suivi' }).click();
      await page.getByRole('status').filter({ hasText: 'quitté le suivi' }).waitFor();
      expect(await page.locator('#report').isHidden()).toBe(true);
      expect(await context.cookies()).toEqual([]);
      expect(await storage()).toBe(storageBefore);
      expect(await page.evaluate(() => Object.values(sessionStorage).join(' '))).not.toContain(receipt.phrase);
      await context.close();
    },
  );

  it(
    'a Telegram reporter re-contacted by e-mail opens the mail’s link on a phone, signs in with the keyboard, reads and answers',
    { timeout: 30_000 },
    async () => {
      // An English Telegram report with an e-mail contact, its phrase issued as the bots issue it.
      const keyring = createKeyring(config.dataKey!);
      const row = reportRow({ lang: 'en', reporter_key: keyedHash(keyring, 'telegram:640999001') });
      const contact: ContactRequest = { method: 'email', value: 'sam@example.org' };
      await insertReport(t.db, {
        ...row,
        contact_method: 'email',
        contact_enc: sealJson(keyring, contact, sealingContext.reportContact(row.id)),
      });
      const { phrases } = createWebFollowUp({
        db: t.db,
        redis: stack.redis,
        keyring,
        prefix: config.queuePrefix,
        erasure: new ErasureQueue(stack.redis, config.queuePrefix),
        logger: stack.logs.logger,
      });
      const issued = await phrases.issue(row.id);
      await insertFollowUpSecret(t.db, row.id, issued.credential.secretHash);
      await deliveredMessage(row.id, 'Hello, this is the association. Could we call you on Thursday?');

      const context = await browser.newContext({
        locale: 'fr-FR',
        viewport: { width: 390, height: 844 },
        bypassCSP: true,
      });
      const page = await context.newPage();
      // The re-contact mail's link names the report's language, whatever the phone's.
      await page.goto(`${base}/report/follow?lang=en`);
      await page.getByRole('heading', { name: 'Follow my report' }).waitFor();
      await page.getByLabel(/Reference/).focus();
      await page.keyboard.type(row.reference);
      await page.keyboard.press('Tab');
      await page.keyboard.type(issued.phrase);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: `Your report ${row.reference}` }).waitFor();
      await page.locator('#messages').getByText('Could we call you on Thursday?').waitFor();
      // The association writes here to an e-mail reporter: no "it will not write to you here".
      expect(await page.locator('#no-answers').isHidden()).toBe(true);
      expect(serious(await axeViolations(page))).toEqual([]);
      await page.getByLabel('Your message to the association').fill('Yes, after 7 pm please.');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('#messages li.you', { hasText: 'Yes, after 7 pm please.' }).waitFor();
      const answers = await t.db
        .selectFrom('messages')
        .select('status')
        .where('report_id', '=', row.id)
        .where('direction', '=', 'from_reporter')
        .execute();
      expect(answers).toEqual([{ status: 'received' }]);
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
