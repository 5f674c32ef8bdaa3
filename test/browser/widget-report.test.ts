import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ReportSubmission } from '@relais/core';
import { ActivitySniffer } from '../support/activity-sniffer.ts';
import { axeViolationsUnderCsp, serious } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startBotsStack, type BotsStack } from '../support/bots-stack.ts';
import { waitFor } from '../support/wait-for.ts';
import { walkToSummary } from '../support/report-walk.ts';

/** Opens the widget's closed shadow root for the test, to look inside as a person would. */
const OPEN_SHADOW_ROOTS = `{ const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); }; }`;

const TUNNEL = 'lunel';
const DESCRIPTION = 'Deux hommes nous ont insultés en sortant du bar, puis nous ont suivis jusqu’au parking.';
let stack: BotsStack;
let base: string;
let browser: Browser;

beforeAll(async () => {
  stack = await startBotsStack('widgetreport', { partner: { slug: 'lunel', name: 'Ville de Lunel', tunnel: TUNNEL } });
  base = stack.url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Drives the widget of `page` as a person would: buttons by their label, text by keyboard. */
function person(page: Page, sniffer: ActivitySniffer) {
  const widget = page.locator('.relais-widget');
  const botMessages: Locator = widget.locator('.msg.bot');
  const answered = async (act: () => Promise<void>) => {
    const before = sniffer.fromBot().length;
    await act();
    await waitFor(async () => (sniffer.fromBot().length > before ? true : undefined), 10_000, 'the bot to answer');
    await new Promise((resolve) => setTimeout(resolve, 150)); // the rest of the turn
    // What arrived is on screen: the widget shows the bot's last message.
    const last = sniffer.fromBot().at(-1)!.text!;
    await botMessages
      .last()
      .filter({ hasText: last.slice(0, 40) })
      .waitFor({ timeout: 10_000 });
  };
  return {
    widget,
    botMessages,
    tap: (choice: string) =>
      answered(() =>
        widget
          .getByRole('group', { name: 'Réponses proposées' })
          .getByRole('button', { name: sniffer.titleOf(choice), exact: true })
          .click(),
      ),
    type: (text: string) =>
      answered(async () => {
        await widget.getByRole('textbox', { name: 'Votre message' }).fill(text);
        await page.keyboard.press('Enter');
      }),
  };
}

function intakeSubmissions(): Promise<ReportSubmission[]> {
  return stack.submissions();
}

describe('a full report through our widget on a partner tunnel page', () => {
  it(
    'reaches the receipt, lands on the intake queue tagged with the tunnel, erases the conversation on request, and passes axe',
    { timeout: 120_000 },
    async () => {
      const context = await browser.newContext({ locale: 'fr-FR' });
      await context.addInitScript(OPEN_SHADOW_ROOTS);
      const page = await context.newPage();
      const cspViolations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      const sniffer = new ActivitySniffer(page);
      await page.goto(`${base}/report/partner/${TUNNEL}`);
      const p = person(page, sniffer);
      await p.botMessages.filter({ hasText: 'assistant automatisé' }).waitFor({ timeout: 10_000 });

      await walkToSummary({ tap: p.tap, say: p.type }, { description: DESCRIPTION });
      await p.botMessages.last().filter({ hasText: 'Voici votre signalement' }).waitFor();
      await p.tap('summary:send');
      const receipt = p.botMessages.filter({ hasText: 'Votre signalement est bien reçu' }).first();
      await receipt.waitFor();
      const reference = (await receipt.textContent())?.match(/[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
      expect(reference).toBeDefined();

      const submitted = await waitFor(
        async () => (await intakeSubmissions()).find((s) => s.reference === reference),
        10_000,
        'the report on the intake queue',
      );
      expect(submitted).toMatchObject({
        channel: 'webchat',
        tunnel: TUNNEL,
        location: { kind: 'fr', postalCode: '34000' },
        actTypes: ['insult'],
        description: DESCRIPTION,
      });

      // "Delete the conversation": the transcript leaves the screen and Redis.
      expect(await p.widget.locator('.msg').count()).toBeGreaterThan(20);
      await p.tap('submitted:delete');
      await waitFor(
        async () => ((await p.widget.locator('.msg').count()) === 1 ? true : undefined),
        10_000,
        'the transcript to be cleared',
      );
      expect(await p.widget.locator('.msg').first().textContent()).toContain('Conversation effacée.');
      const slots = await stack.redis.hgetallBuffer(`${stack.config.queuePrefix}:dl:acts:${sniffer.conversationId}`);
      expect(Object.keys(slots)).toHaveLength(2); // the clear event and the notice; nothing said before

      expect(cspViolations).toEqual([]);
      expect(serious(await axeViolationsUnderCsp(page))).toEqual([]);
      await context.close();
    },
  );

  it('an English page gets the English conversation', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' }); // the page's language wins over the browser's
    await context.addInitScript(OPEN_SHADOW_ROOTS);
    const page = await context.newPage();
    await page.goto(`${base}/report/partner/${TUNNEL}?lang=en`);
    const widget = page.locator('.relais-widget');
    await widget
      .locator('.msg.bot', { hasText: "Hello. I am the association's automated assistant" })
      .waitFor({ timeout: 10_000 });
    await widget.getByRole('button', { name: 'Begin', exact: true }).waitFor();
    await context.close();
  });
});
