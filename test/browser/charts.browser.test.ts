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
  const partnerId = await s.partner('charts-city', ['34000', '34070']);
  const reports = [
    { act: 'insult', role: 'victim', complaint: 'filed' },
    { act: 'insult', role: 'witness', complaint: 'no' },
    { act: 'threat', role: 'victim', complaint: 'wants_help' },
  ] as const;
  for (const r of reports) {
    await insertReport(
      s.t.db,
      reportRow({
        status: 'done',
        released_at: new Date(),
        postal_code: '34000',
        act_types: [r.act],
        reporter_role: r.role,
        complaint: r.complaint,
        anonymised_text: 'Texte.',
      }),
    );
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
    page.on(
      'console',
      (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()),
    );
    page.on(
      'response',
      (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()} ${r.url()}`),
    );
    page.on('pageerror', (e) => problems.push(e.message));
    const base = s.url.replace('127.0.0.1', 'localhost');
    await page.goto(`${base}/login`);
    await page.fill('#email', partner.email);
    await page.fill('#password', partner.password);
    await page.fill('#totp', freshTotp(partner.totpSecret));
    await page.click('button[type=submit]');
    await page.waitForURL(/\/partner$/);
    await page.goto(`${base}/partner/stats`);
    await page
      .locator('figure.chart canvas')
      .first()
      .waitFor({ timeout: 8_000 })
      .catch(async () => {
        throw new Error(`no chart: ${problems.join(' | ')} ${(await page.content()).slice(0, 600)}`);
      });
    const figure = (title: string) =>
      page.locator('figure.chart', { has: page.locator('caption', { hasText: title }) });
    expect(await page.locator('figure.chart canvas').count()).toBe(8);
    expect(await figure('Par type d’acte').locator('canvas').getAttribute('aria-label')).toMatch(/Insultes, injures 2/);
    expect(await figure('Par type d’acte').locator('table').textContent()).toMatch(/Menaces\s*1/);
    // Victims and witnesses, complaints with words a partner reads (never a raw code).
    expect(await figure('Victimes et témoins').locator('table').textContent()).toMatch(/Victime\s*2.*Témoin\s*1/s);
    const complaints = (await figure('Plainte').locator('tbody').textContent())!;
    expect(complaints).toMatch(/Plainte déposée\s*1/);
    expect(complaints).toMatch(/Pas de plainte\s*1/);
    expect(complaints).toMatch(/Souhaite de l’aide pour porter plainte\s*1/);
    expect(complaints).not.toMatch(/wants_help|filed|\bno\b/);
    // Every postal code of the scope, 0 where there is no report.
    const postal = (await figure('Par code postal du périmètre').locator('tbody').textContent())!;
    expect(postal).toMatch(/34000\s*3/);
    expect(postal).toMatch(/34070\s*0/);
    // The trend: 13 weeks of releases, the 3 reports in this week, the last one.
    const trend = figure('Évolution');
    expect(await trend.locator('tbody tr').count()).toBe(13);
    expect(await trend.locator('tbody tr').last().textContent()).toMatch(/W\d{2}\s*3$/);
    expect(await trend.locator('canvas').getAttribute('aria-label')).toMatch(/W\d{2} 0, /);
    await page.evaluate(AXE);
    const serious = await page.evaluate<string[]>(
      "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id))",
    );
    expect(serious).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
