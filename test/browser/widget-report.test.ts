import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { ActivitySniffer } from '../support/activity-sniffer.ts';
import { axeViolationsUnderCsp } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startBotsStack, type BotsStack } from '../support/bots-stack.ts';
import { startPartnerSite, type PartnerSite } from '../support/partner-site.ts';
import { waitFor } from '../support/wait-for.ts';
import { reportWalk } from '../support/report-walk.ts';
import { choiceButton, openWidget } from '../support/widget-driver.ts';

const TUNNEL = 'lunel';
const DESCRIPTION = 'Deux hommes nous ont insultés en sortant du bar, puis nous ont suivis jusqu’au parking.';
/** The two multiple-choice options of the walk: a tap toggles them in place, unannounced. */
const TOGGLES = new Set(['acts:insult', 'motives:gayphobia']);
let stack: BotsStack;
let base: string;
let partner: PartnerSite;
let browser: Browser;

beforeAll(async () => {
  stack = await startBotsStack('widgetreport', {
    partner: { slug: 'lunel', name: 'Ville de Lunel', tunnel: TUNNEL },
  });
  base = stack.url;
  partner = await startPartnerSite(base, { tunnel: TUNNEL });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await partner?.close();
  await stack?.close();
});

/** Whether `selector`'s first element is wholly inside the frame's visible area (and the log's, for a message). */
const inView = (frame: Frame, selector: string) =>
  frame.evaluate((s) => {
    const node = document.querySelector(s);
    if (!node) return false;
    const box = node.getBoundingClientRect();
    const log = document.querySelector('.log')!.getBoundingClientRect();
    const area = node.closest('.log') ? log : { top: 0, bottom: innerHeight };
    // A message taller than the log is shown from its start; any other, whole.
    const tall = box.height > area.bottom - area.top;
    return box.height > 0 && box.top >= area.top - 1 && (tall ? box.top < area.bottom : box.bottom <= area.bottom + 1);
  }, selector);

/** What the person must see now: the receipt, while it waits to be noted (it takes the log's place), else the bot's last message. */
const current = async (frame: Frame) =>
  (await frame.locator('section.receipt:not([hidden]):not(.done)').count()) ? 'section.receipt' : '.msg.bot:last-child';

/** Waits until what the person must see is in view: the frame reveals it on its next animation frame. */
const currentInView = (frame: Frame) =>
  waitFor(
    async () => ((await inView(frame, await current(frame))) ? true : undefined),
    5_000,
    'the current message in view',
  );

/** The host page's scroll position, and the keys its own scripts saw. */
async function hostWatch(page: Page) {
  await page.evaluate(() => {
    const keys: string[] = [];
    (globalThis as unknown as { hostKeys: string[] }).hostKeys = keys;
    document.addEventListener('keydown', (e) => keys.push(e.key), true);
  });
  return {
    scrollY: () => page.evaluate(() => window.scrollY),
    keys: () => page.evaluate(() => (globalThis as unknown as { hostKeys: string[] }).hostKeys),
  };
}

describe('a full report through our widget embedded on a partner site (another origin)', () => {
  it(
    'by keyboard only: focus follows the questions, one announcement per turn, the receipt is its own moment, the host page never moves nor sees anything',
    { timeout: 180_000 },
    async () => {
      const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      const page = await context.newPage();
      const cspViolations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      const sniffer = new ActivitySniffer(page);
      await page.goto(partner.url);
      const host = await hostWatch(page);
      // The person scrolled the city page down to the widget.
      await page.evaluate(() => {
        const heading = document.getElementById('signaler')!;
        heading.scrollIntoView({ block: 'start' });
        heading.focus({ preventScroll: true }); // the next Tab enters the widget
      });
      const scrolled = await host.scrollY();
      expect(scrolled).toBeGreaterThan(500);
      const w = await openWidget(page, 'keyboard');

      // Isolation: the partner page's scripts cannot reach the chat's document, inputs or storage.
      expect(
        await page.evaluate(() => {
          const frame = document.querySelector('iframe.relais-widget') as HTMLIFrameElement;
          let reached = 'none';
          try {
            reached = frame.contentWindow!.document.body.innerHTML;
          } catch {
            // cross-origin: refused, as it must be
          }
          return {
            contentDocument: frame.contentDocument === null,
            reached,
            textareas: document.querySelectorAll('textarea').length,
            storage: sessionStorage.length,
          };
        }),
      ).toEqual({ contentDocument: true, reached: 'none', textareas: 0, storage: 0 });

      for (const step of reportWalk(DESCRIPTION, 'no')) {
        const before = (await w.announcements()).length;
        if ('say' in step) {
          await w.say(step.say);
          expect(await w.focused()).toBe('textarea');
        } else {
          await w.tap(step.tap);
          const focus = await w.focused();
          if (TOGGLES.has(step.tap)) {
            // The toggled choice keeps the focus, says its state, and nothing is announced again.
            expect(focus).toBe(`button:${step.tap}`);
            expect(await w.frame.locator(choiceButton(step.tap)).getAttribute('aria-pressed')).toBe('true');
            expect((await w.announcements()).length).toBe(before);
          } else if (step.tap !== 'summary:send') {
            // After a single choice: the new question's first control, never the page.
            const first = w.frame.locator('.choices button').first();
            const expected = (await first.count())
              ? `button:${(JSON.parse((await first.getAttribute('data-value'))!) as { choice: string }).choice}`
              : 'textarea';
            expect(focus).toBe(expected);
            expect((await w.announcements()).length).toBe(before + 1);
          }
        }
        await currentInView(w.frame);
      }
      // One live announcement per bot turn: the welcome, then every step but the two toggles.
      expect(await w.announcements()).toHaveLength(1 + reportWalk(DESCRIPTION, 'no').length - TOGGLES.size);

      // The receipt: its own block, focused, in view; nothing else offered before "J'ai noté".
      const receipt = w.frame.locator('section.receipt');
      expect(await w.focused()).toBe('h2:Votre signalement est envoyé');
      expect(await inView(w.frame, 'section.receipt')).toBe(true);
      const reference = (await w.frame.locator('#relais-reference').textContent())!;
      const phrase = (await w.frame.locator('#relais-phrase').textContent())!;
      expect(reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(phrase.split(' ').length).toBeGreaterThanOrEqual(4);
      expect(await w.frame.locator('#relais-reference').evaluate((n) => getComputedStyle(n).fontFamily)).toMatch(
        /mono/i,
      );
      expect(await w.frame.getByRole('button', { name: 'Effacer la conversation' }).isVisible()).toBe(false);
      expect(await w.frame.getByRole('textbox').isVisible()).toBe(false);
      const follow = await receipt.getByRole('link').getAttribute('href');
      expect(follow).toBe(`${base}/report/follow?lang=fr`);
      await w.activate('section.receipt .copy');
      await receipt.getByRole('status').filter({ hasText: 'Copié' }).waitFor();
      expect(cspViolations).toEqual([]);
      expect(await axeViolationsUnderCsp(w.frame)).toEqual([]);
      // Until the receipt is noted a reload would bring it back; once noted, the tab keeps nothing.
      expect(await w.frame.evaluate(() => sessionStorage.length)).toBe(1);
      await w.activate('section.receipt .noted');
      expect(await w.focused()).toBe('button:submitted:delete');
      expect(await w.frame.evaluate(() => sessionStorage.length)).toBe(0);
      expect(await inView(w.frame, 'section.receipt')).toBe(true);

      const submitted = await waitFor(
        async () => (await stack.submissions()).find((s) => s.reference === reference),
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

      // The host page never moved, and its scripts saw none of the keys typed in the chat.
      expect(await host.scrollY()).toBe(scrolled);
      expect((await host.keys()).filter((k) => k !== 'Tab' && k !== 'Shift')).toEqual([]);

      // "Delete the conversation": the transcript leaves the screen, the tab and Redis.
      await w.tap('submitted:delete');
      await waitFor(
        async () => ((await w.frame.locator('.msg').count()) === 1 ? true : undefined),
        10_000,
        'the transcript to be cleared',
      );
      expect(await w.frame.locator('.msg').first().textContent()).toContain('Conversation effacée.');
      expect(await receipt.isVisible()).toBe(false);
      expect(await w.frame.evaluate(() => sessionStorage.length)).toBe(0);
      const slots = await stack.redis.hgetallBuffer(`${stack.config.queuePrefix}:dl:acts:${sniffer.conversationId}`);
      expect(Object.keys(slots)).toHaveLength(2); // the clear event and the notice; nothing said before

      // The follow-up address given in the receipt opens the follow-up page from the partner site,
      // which passes axe (signing in needs the worker to store the report: follow-up.browser.test.ts).
      const followPage = await context.newPage();
      const opened = await followPage.goto(follow!);
      expect(opened?.status()).toBe(200);
      await followPage.getByLabel(/Référence/).waitFor();
      expect(await axeViolationsUnderCsp(followPage)).toEqual([]);
      // Shift three times leaves the follow-up page too.
      await context.route('https://www.google.com/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<title>Météo</title>' }),
      );
      for (let i = 0; i < 3; i++) await followPage.keyboard.press('Shift');
      await followPage.waitForURL(/google\.com/);
      await context.close();
    },
  );

  it(
    'on a 320 px phone, in English: reflows, survives a reload, links numbers, and leaves safely',
    { timeout: 180_000 },
    async () => {
      const context = await browser.newContext({
        locale: 'fr-FR',
        viewport: { width: 320, height: 640 },
        isMobile: true,
      });
      await context.route('https://www.google.com/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<title>Météo</title>' }),
      );
      const page = await context.newPage();
      await page.goto(partner.url);
      await page.evaluate(() => document.getElementById('signaler')!.scrollIntoView({ block: 'start' }));
      let w = await openWidget(page);
      const reflows = async () => {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        expect(await w.frame.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
        expect(await w.frame.locator('.log').evaluate((n) => n.clientHeight)).toBeGreaterThan(100);
        // "Sortie rapide", "Urgence" and the emergency line stay on screen, the frame too.
        for (const always of ['.exit', '.urgent', '.emergency']) expect(await inView(w.frame, always)).toBe(true);
        const frameBox = (await page.locator('iframe.relais-widget').boundingBox())!;
        expect(frameBox.y).toBeGreaterThanOrEqual(0);
        expect(frameBox.y + frameBox.height).toBeLessThanOrEqual(640);
      };
      await reflows();
      // Phone numbers in bot messages are links: call 17 / 112, text 114.
      const welcome = w.frame.locator('.msg.bot').first();
      expect(await welcome.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
        'tel:17',
        'tel:112',
        'sms:114',
      ]);

      // The header's emergency button shows the guidance at once, without a round trip, and tells
      // the conversation (the bot's guidance is one more turn), so staff know why it is in danger.
      let turns = (await w.announcements()).length;
      await w.frame.getByRole('button', { name: 'Urgence' }).click();
      const help = w.frame.getByRole('region', { name: 'En danger maintenant ?' });
      await help.waitFor();
      await waitFor(async () => ((await w.announcements()).length > turns ? true : undefined), 10_000, 'the guidance');
      expect(await help.getByRole('link', { name: /17/ }).getAttribute('href')).toBe('tel:17');
      expect(await help.getByRole('link', { name: /114/ }).getAttribute('href')).toBe('sms:114');
      expect(await axeViolationsUnderCsp(w.frame)).toEqual([]);
      turns = (await w.announcements()).length;
      await help.getByRole('button', { name: 'Revenir à mon signalement' }).click();
      expect(await help.isVisible()).toBe(false);
      // Back to the conversation: it asks its question again.
      await waitFor(async () => ((await w.announcements()).length > turns ? true : undefined), 10_000, 'the question');

      // Switching to English: the bot, and the widget's chrome, lang and frame title.
      await w.tap('g:lang-en');
      await w.frame.getByRole('button', { name: 'Quick exit' }).waitFor();
      expect(await w.frame.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await w.frame.getByRole('textbox').getAttribute('aria-label')).toBe('Your message');
      expect(await w.frame.getByRole('textbox').getAttribute('placeholder')).toBe('Write your answer here');
      expect(await w.frame.getByRole('button', { name: 'Emergency' }).count()).toBe(1);
      expect(await page.locator('iframe.relais-widget').getAttribute('lang')).toBe('en');
      expect(await page.locator('iframe.relais-widget').getAttribute('title')).toBe(
        'Reporting chat, a service of the association',
      );

      const steps = reportWalk(DESCRIPTION, 'no');
      const half = steps.findIndex((s) => 'say' in s);
      await w.walk(steps.slice(0, half));
      await reflows();
      // A reload mid-report (or a tab the phone discarded) takes the conversation up again.
      const shown = await w.frame.locator('.msg').count();
      await page.reload();
      w = await openWidget(page, 'pointer', true);
      await w.frame.getByRole('status').filter({ hasText: 'Conversation resumed' }).waitFor();
      expect(await w.frame.locator('.msg').count()).toBe(shown);
      for (const step of steps.slice(half)) {
        await ('tap' in step ? w.tap(step.tap) : w.say(step.say));
        await currentInView(w.frame);
      }
      await w.frame.locator('section.receipt').waitFor();
      const reference = await w.frame.locator('#relais-reference').textContent();
      expect(reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      // Sent in danger, and why: the header's button, before the report began.
      const sent = await waitFor(
        async () => (await stack.submissions()).find((s) => s.reference === reference),
        10_000,
        'the submission',
      );
      expect(sent).toMatchObject({ inDanger: true, dangerReason: { via: 'button' } });
      // The receipt has the frame to itself: "I have noted" is on screen without scrolling, at 320 px.
      expect(await inView(w.frame, 'section.receipt .noted')).toBe(true);
      await w.frame.getByRole('button', { name: 'I have noted my reference' }).click();
      await reflows();
      // Next steps: https links and phone numbers are links, and no plain http link is made.
      const links = await w.frame
        .locator('.msg.bot a')
        .evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));
      expect(links.some((href) => href.startsWith('https://'))).toBe(true);
      expect(links.filter((href) => href.startsWith('tel:')).length).toBeGreaterThan(3);
      expect(links.every((href) => /^(https:|tel:|sms:)/.test(href))).toBe(true);

      // Escape asks first when the text area holds text; Shift three times leaves at once.
      await w.frame.getByRole('textbox').fill('je dois partir');
      await page.keyboard.press('Escape');
      const ask = w.frame.getByRole('group', { name: /Leave now\?/ });
      await ask.waitFor();
      await ask.getByRole('button', { name: 'Stay' }).click();
      expect(await w.frame.getByRole('textbox').inputValue()).toBe('je dois partir');
      const entries = await page.evaluate(() => history.length);
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      await page.waitForURL(/google\.com/);
      expect(await page.evaluate(() => history.length)).toBe(entries);
      // Nothing of the conversation comes back in this tab.
      await page.goto(partner.url);
      w = await openWidget(page);
      await w.frame.locator(choiceButton('welcome:go')).waitFor();
      expect(
        await w.frame
          .getByRole('status')
          .filter({ hasText: /resumed|reprise/ })
          .count(),
      ).toBe(0);
      expect(await w.frame.locator('.msg.mine').count()).toBe(0);
      await context.close();
    },
  );

  it('an English page gets the English conversation and chrome', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' }); // the page's language wins over the browser's
    const page = await context.newPage();
    await page.goto(`${base}/report/partner/${TUNNEL}?lang=en`);
    const w = await openWidget(page);
    await w.frame
      .locator('.msg.bot', { hasText: "Hello. I am the association's automated assistant" })
      .waitFor({ timeout: 10_000 });
    await w.frame.getByRole('button', { name: 'Begin', exact: true }).waitFor();
    expect(await w.frame.getByRole('button', { name: 'Quick exit' }).count()).toBe(1);
    await context.close();
  });
});
