import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ActivitySniffer } from '../support/activity-sniffer.ts';
import { launchChromium } from '../support/browser.ts';
import { startBotsStack, type BotsStack } from '../support/bots-stack.ts';
import { waitFor } from '../support/wait-for.ts';
import { walkToSummary } from '../support/report-walk.ts';

const require = createRequire(import.meta.url);
/** The official Web Chat's prebuilt UMD bundle (defines `window.WebChat`). */
const WEBCHAT_BUNDLE = join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');

const TUNNEL = 'frontignan';
const DESCRIPTION = 'On m’a crié des insultes homophobes devant la boulangerie, plusieurs personnes ont vu la scène.';

/**
 * A test-only page hosting Microsoft Web Chat, as a partner would embed it, on its own origin:
 * it gets a token from our endpoint (with the Relais `tunnel` extension) and points
 * `createDirectLine` at it. No CSP here: Web Chat needs inline styles; our own pages stay strict.
 */
function hostPage(botsUrl: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Web Chat sur Relais</title></head>
<body data-bots="${botsUrl}"><main><h1>Signaler</h1><div id="webchat" style="height: 600px"></div></main>
<script src="/webchat.js"></script><script src="/start.js"></script></body></html>`;
}

const START = `(async () => {
  const bots = document.body.dataset.bots;
  const granted = await (await fetch(bots + '/v3/directline/tokens/generate', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tunnel: '${TUNNEL}', locale: 'fr-FR' }),
  })).json();
  window.WebChat.renderWebChat({
    directLine: window.WebChat.createDirectLine({ domain: bots + '/v3/directline', token: granted.token }),
    locale: 'fr-FR',
    userID: 'webchat-person',
  }, document.getElementById('webchat'));
})();`;

let stack: BotsStack;
let botsUrl: string;
let host: Server;
let hostUrl: string;
let browser: Browser;

beforeAll(async () => {
  stack = await startBotsStack('webchatofficial', {
    partner: { slug: 'frontignan', name: 'Ville de Frontignan', tunnel: TUNNEL },
  });
  botsUrl = stack.url;
  const bundle = readFileSync(WEBCHAT_BUNDLE);
  host = createServer((request, response) => {
    const [type, body] =
      request.url === '/webchat.js'
        ? ['text/javascript', bundle]
        : request.url === '/start.js'
          ? ['text/javascript', START]
          : ['text/html; charset=utf-8', hostPage(botsUrl)];
    response.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const address = host.address();
  hostUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await stack?.close();
});

describe('the official Microsoft Web Chat (botframework-webchat) against our Direct Line endpoint', () => {
  it(
    'completes a full report, by suggested actions and typed answers, up to the receipt',
    { timeout: 120_000 },
    async () => {
      const context = await browser.newContext({ locale: 'fr-FR' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) =>
        problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`),
      );
      const sniffer = new ActivitySniffer(page);
      await page.goto(hostUrl);
      const transcript = page.locator('#webchat');
      await transcript.getByText('assistant automatisé', { exact: false }).first().waitFor({ timeout: 20_000 });

      // Suggested actions only: Web Chat's own send button is also called "Envoyer".
      const suggested = page.locator('.webchat__suggested-actions');
      const answered = async (act: () => Promise<void>) => {
        const before = sniffer.fromBot().length;
        await act();
        await waitFor(async () => (sniffer.fromBot().length > before ? true : undefined), 15_000, 'the bot to answer');
        await new Promise((resolve) => setTimeout(resolve, 200)); // the rest of the turn
        // Web Chat shows the buttons of the bot's last message once it has rendered it.
        const last = sniffer.fromBot().at(-1)!;
        const firstAction = last.suggestedActions?.actions[0]?.title;
        // Rendering, not the bot: generous, as Web Chat is slow to render on a loaded 2-core machine.
        if (firstAction)
          await suggested.getByRole('button', { name: firstAction, exact: true }).last().waitFor({ timeout: 30_000 });
      };
      const tap = (choice: string) =>
        answered(() =>
          suggested
            .getByRole('button', { name: sniffer.titleOf(choice), exact: true })
            .last()
            .click(),
        );
      const type = (text: string) =>
        answered(async () => {
          const box = page.locator('[data-id="webchat-sendbox-input"]');
          await box.fill(text);
          await box.press('Enter');
        });

      await walkToSummary({ tap, say: type }, { description: DESCRIPTION, postalCode: '34110' });
      expect(sniffer.fromBot().at(-1)?.text).toMatch(/Voici votre signalement/);
      await tap('summary:send');
      const receipt = sniffer.fromBot().find((a) => /Votre signalement est bien reçu/.test(a.text ?? ''));
      const reference = receipt?.text?.match(/[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
      expect(reference).toBeDefined();
      const bubble = transcript.locator('.webchat__bubble__content', { hasText: reference! }).first();
      await bubble.waitFor({ timeout: 30_000 });
      // Plain text (not Markdown): the receipt keeps its lines (Web Chat makes each a paragraph).
      expect(await bubble.locator('.webchat__text-content--is-plain').nth(1).textContent()).toMatch(/^Votre référence/);

      const submitted = await waitFor(
        async () => (await stack.submissions()).find((s) => s.reference === reference),
        10_000,
        'the report on the intake queue',
      );
      expect(submitted).toMatchObject({
        channel: 'webchat',
        tunnel: TUNNEL,
        location: { kind: 'fr', postalCode: '34110' },
        description: DESCRIPTION,
      });
      // Each message was sent once (Web Chat's own echo matched by clientActivityID), none failed.
      const mine = sniffer.activities.filter((a) => a.from.role === 'user');
      expect(mine.filter((a) => a.text === DESCRIPTION)).toHaveLength(1);
      expect(await page.getByText(/Échec de l.envoi|Send failed/).count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
