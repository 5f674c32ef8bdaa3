import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertReport } from '@relais/db';
import { launchChromium } from '../support/browser.ts';
import { freshTotp } from '../support/moderation-client.ts';
import { moderationStack, type ModerationStack, type TestAccount } from '../support/moderation-stack.ts';
import { reportRow } from '../support/report-rows.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let s: ModerationStack;
let browser: Browser;
let partner: TestAccount;

beforeAll(async () => {
  s = await moderationStack('charts');
  const partnerId = await s.partner('charts-city', ['34000']);
  for (const act of ['insult', 'insult', 'threat']) {
    await insertReport(s.t.db, reportRow({ status: 'done', released_at: new Date(), postal_code: '34000', act_types: [act], anonymised_text: 'Texte.' }));
  }
  partner = await s.account('partner', partnerId);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('partner statistics', () => {
  it('draw charts (Chart.js) under the strict CSP, each with its accessible table, with no serious axe violation', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()} ${r.url()}`));
    page.on('pageerror', (e) => problems.push(e.message));
    const base = s.url.replace('127.0.0.1', 'localhost');
    await page.goto(`${base}/login`);
    await page.fill('#email', partner.email);
    await page.fill('#password', partner.password);
    await page.fill('#totp', freshTotp(partner.totpSecret));
    await page.click('button[type=submit]');
    await page.waitForURL(/\/partner$/);
    await page.goto(`${base}/partner/stats`);
    await page.locator('figure.chart canvas').first().waitFor({ timeout: 8_000 }).catch(async () => {
      throw new Error(`no chart: ${problems.join(' | ')} ${(await page.content()).slice(0, 600)}`);
    });
    expect(await page.locator('figure.chart canvas').count()).toBe(5);
    expect(await page.locator('figure.chart canvas').first().getAttribute('aria-label')).toMatch(/Insultes, injures 2/);
    expect(await page.locator('figure.chart table').first().textContent()).toMatch(/Menaces\s*1/);
    await page.evaluate(AXE);
    const serious = (await page.evaluate(
      "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id))",
    )) as string[];
    expect(serious).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
