import { afterAll, beforeAll, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startBotsStack, type BotsStack } from '../support/bots-stack.ts';
import { startPartnerSite, type PartnerSite } from '../support/partner-site.ts';
import { reportWalk } from '../support/web-report.ts';
import { openWidget } from '../support/widget-driver.ts';

let stack: BotsStack; let partner: PartnerSite; let browser: Browser;
beforeAll(async () => {
  stack = await startBotsStack('shots', { partner: { slug: 'lunel', name: 'Lunel', tunnel: 'lunel' }, atPublicUrl: true });
  partner = await startPartnerSite(stack.url, { tunnel: 'lunel' });
  browser = await launchChromium();
});
afterAll(async () => { await browser?.close(); await partner?.close(); await stack?.close(); });

for (const [w, h] of [[1280, 900], [390, 844], [320, 640]] as const)
  it(`shots ${w}`, { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: w, height: h }, isMobile: w < 500 });
    const page = await context.newPage();
    await page.goto(partner.url);
    await page.evaluate(() => document.getElementById('signaler')!.scrollIntoView({ block: 'start' }));
    const d = await openWidget(page);
    await page.screenshot({ path: `/tmp/shot-${w}-welcome.png` });
    const steps = reportWalk('Deux hommes nous ont insultés en sortant du bar, puis suivis jusqu’au parking.', 'no');
    await d.walk(steps.slice(0, 4));
    await page.screenshot({ path: `/tmp/shot-${w}-acts.png` });
    await d.frame.getByRole('button', { name: 'Urgence' }).click();
    await page.screenshot({ path: `/tmp/shot-${w}-urgence.png` });
    await d.frame.getByRole('button', { name: 'Revenir à mon signalement' }).click();
    await d.walk(steps.slice(4));
    await page.screenshot({ path: `/tmp/shot-${w}-receipt.png` });
    await d.frame.locator('.noted').click();
    await page.screenshot({ path: `/tmp/shot-${w}-noted.png` });
    await context.close();
  });
