import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWeeks, buildDigestContent, isoWeekOf } from '@relais/core';
import { findPartnerBySlug, insertDigestOnce, insertReport } from '@relais/db';
import { launchChromium } from '../support/browser.ts';
import { freshTotp } from '../support/moderation-client.ts';
import { moderationStack, type ModerationStack, type TestAccount } from '../support/moderation-stack.ts';
import { sealedReportRow } from '../support/sealed-report.ts';
import { flatBreakdowns } from '@relais/core/testing';
import { partnerRefsOf } from '../support/partner-refs.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let s: ModerationStack;
let browser: Browser;
let base: string;
let moderator: TestAccount;
let partner: TestAccount;
let admin: TestAccount;
let reference: string;
/** The same report's partner identifier: all a partner ever sees of who it is. */
let partnerRef: string;
const violations: string[] = [];

/**
 * axe-core on the current page. Injected through the DevTools protocol (page.evaluate), which the
 * page's strict CSP does not block, so the pages are checked with their real policy in force.
 */
async function checkA11y(page: Page): Promise<void> {
  await page.evaluate(AXE);
  const found = await page.evaluate<Array<{ id: string; impact: string | null; help: string }>>(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help })))",
  );
  for (const v of found)
    if (v.impact === 'serious' || v.impact === 'critical')
      violations.push(`${new URL(page.url()).pathname}: ${v.id} (${v.help})`);
}

async function signIn(page: Page, account: TestAccount): Promise<void> {
  await page.goto(`${base}/login`);
  await checkA11y(page);
  await page.fill('#email', account.email);
  await page.fill('#password', account.password);
  await page.fill('#totp', freshTotp(account.totpSecret));
  await page.click('button[type=submit]');
  await page.waitForLoadState('load');
  if (!/\/(staff|partner)$/.test(page.url()))
    throw new Error(
      `sign-in landed on ${page.url()}: ${(await page.content()).replace(/<style[^]*?<\/style>/, '').slice(300, 1500)}`,
    );
}

beforeAll(async () => {
  s = await moderationStack('browser');
  base = s.url.replace('127.0.0.1', 'localhost');
  const partnerId = await s.partner('montpellier', ['34000', '34070', '34080', '34090'], ['montpellier']);
  moderator = await s.account('moderator');
  partner = await s.account('partner', partnerId);
  admin = await s.account('admin');
  const row = sealedReportRow(
    s.keyring,
    'On m’a insulté dans le tram. Mon numéro : 06 12 34 56 78, mon mail camille.b@example.org.',
    // Marked in danger by the "Urgence" button during the description: staff see why, partners never.
    { postal_code: '34000', in_danger: true, danger_at: 'story', danger_via: 'button' },
  );
  reference = row.reference;
  await insertReport(s.t.db, row);
  partnerRef = (await partnerRefsOf(s.t.db, [row.id])).get(row.id)!;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('moderation UI in a browser', () => {
  it('a moderator logs in with TOTP, claims a report, accepts the suggested redactions and releases it', async () => {
    const page = await (await browser.newContext()).newPage();
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    await signIn(page, moderator);
    await checkA11y(page);
    await Promise.all([page.waitForURL(/\/staff\/reports\//), page.click(`text=${reference}`)]);
    await checkA11y(page);
    expect(await page.textContent('#danger-reason')).toBe('Bouton « Urgence », pendant le récit');
    await page.click('#claim');
    await expect.poll(() => page.locator('[data-suggestion] button[data-key=a]').count()).toBeGreaterThan(0);
    await checkA11y(page);
    // One keystroke per suggestion: A replaces it with its neutral placeholder.
    for (let i = 0; i < 10 && (await page.locator('[data-suggestion] button[data-key=a]').count()) > 0; i++) {
      await page.locator('h1').click();
      await Promise.all([page.waitForEvent('load'), page.keyboard.press('a')]);
    }
    const draft = await page.inputValue('#anonymised');
    expect(draft).toContain('[PHONE]');
    expect(draft).toContain('[EMAIL]');
    expect(draft).not.toContain('06 12 34 56 78');
    await Promise.all([page.waitForURL(`${base}/staff`), page.click('#release')]);
    expect(await page.content()).not.toContain(reference);
    expect(csp).toEqual([]);
  });

  it('a partner logs in, sees the released report, flags it, and it leaves the list', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, partner);
    await checkA11y(page);
    expect(await page.textContent('#partner-reports')).toContain(partnerRef);
    expect(await page.content()).not.toContain(reference);
    await Promise.all([page.waitForURL(/\/partner\/reports\//), page.click(`text=${partnerRef}`)]);
    await checkA11y(page);
    expect(await page.content()).not.toContain(reference);
    expect(await page.textContent('#anonymised-text')).toContain('[PHONE]');
    expect(await page.content()).not.toMatch(/danger-reason|Bouton « Urgence »|pendant le récit/);
    await page.fill('#comment', 'La ligne de tram et l’heure permettent de reconnaître la personne.');
    await Promise.all([page.waitForURL(/\/partner$/), page.click('#flag')]);
    expect(await page.textContent('#partner-reports')).not.toContain(partnerRef);
    await page.goto(`${base}/partner/stats`);
    await checkA11y(page);
  });

  it('admin pages pass axe too', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, admin);
    for (const path of [
      '/staff',
      '/admin/partners',
      '/admin/accounts',
      '/admin/safe-places',
      '/admin/audit',
      '/account',
    ]) {
      await page.goto(`${base}${path}`);
      expect(page.url()).toBe(`${base}${path}`);
      await checkA11y(page);
    }
    await page.goto(`${base}/admin/audit?action=report.`);
    expect(await page.textContent('main')).toContain('report.released');
  });

  it("a partner's digest archive and weekly digest pages pass axe", async () => {
    const partnerId = (await findPartnerBySlug(s.t.db, 'montpellier'))!.id;
    const week = addWeeks(isoWeekOf(new Date()), -1);
    const breakdowns = flatBreakdowns;
    const content = buildDigestContent({
      isoWeek: week,
      partner: { id: partnerId, name: 'Ville de Montpellier' },
      week: breakdowns(6),
      history: breakdowns(20),
      weekly: new Map(),
    });
    await insertDigestOnce(s.t.db, {
      partnerId,
      isoWeek: week,
      periodStart: content.period.from,
      content,
      emailStatus: 'not_configured',
    });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, partner);
    for (const path of ['/partner/digests', `/partner/digests/${week}`]) {
      expect((await page.goto(`${base}${path}`))?.status()).toBe(200);
      expect(page.url()).toBe(`${base}${path}`);
      await checkA11y(page);
    }
    expect(await page.textContent('main')).toContain(week);
    expect(violations.filter((v) => v.startsWith('/partner/digests'))).toEqual([]);
  });

  it('no page has a serious or critical axe violation', () => {
    expect(violations).toEqual([]);
  });
});
