import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { RelaisConfig } from '@relais/core';
import { startBotsStack, type BotsStack } from '../support/bots-stack.ts';
import { DirectLineConversation, reportUpToSummary } from '../support/directline-conversation.ts';
import { walkToPostalCode } from '../support/report-walk.ts';

let stack: BotsStack;
let config: RelaisConfig;
let base: string;
let redis: Redis;

beforeAll(async () => {
  stack = await startBotsStack('webchatconv', { partner: { slug: 'sete', name: 'Ville de Sète', tunnel: 'sete' } });
  ({ config, url: base, redis } = stack);
});

afterAll(async () => {
  await stack?.close();
});

const ENGLISH_WELCOME = /Hello\. I am the association's automated assistant/;
const FRENCH_WELCOME = /assistant automatisé/;

describe('the web chat conversation over Direct Line, with the real flow', () => {
  it('starts in English when the page asks for English (token or conversation request), in French otherwise', async () => {
    const byToken = await DirectLineConversation.start(base, { locale: 'en' });
    expect(byToken.fromBot()[0]?.text).toMatch(ENGLISH_WELCOME);
    expect(byToken.button('welcome:go').title).toBe('Begin');
    const byStart = await DirectLineConversation.start(base, { startLocale: 'en-GB' });
    expect(byStart.fromBot()[0]?.text).toMatch(ENGLISH_WELCOME);
    const plain = await DirectLineConversation.start(base);
    expect(plain.fromBot()[0]?.text).toMatch(FRENCH_WELCOME);
  });

  it('a replayed tap on a multiple-choice step counts once: it does not untick the answer', async () => {
    const c = await DirectLineConversation.start(base);
    for (const choice of ['welcome:go', 'role:victim', 'minor:no']) await c.tap(choice);
    const first = await c.tap('acts:insult', 'tap-insult-1');
    expect(
      first.replies.at(-1)?.suggestedActions?.actions.find((a) => a.value.choice === 'acts:insult')?.title,
    ).toMatch(/^✓ /);
    const button = c.button('acts:insult');
    const before = c.activities.length;
    // The same tap again, as Web Chat re-sends it after a lost answer: same clientActivityID.
    const replay = await c.post({
      text: 'Insultes',
      value: button.value,
      channelData: { clientActivityID: 'tap-insult-1' },
    });
    expect(replay).toMatchObject({ status: 200, id: first.outcome.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await c.read();
    expect(c.activities.length).toBe(before); // neither the tap nor an answer was added
    const done = await c.tap('acts:done');
    expect(done.replies.at(-1)?.text).toMatch(/pour quelle raison/); // on to the motives: "insult" stayed ticked
  });

  it('a replayed text counts once, even when both copies race', async () => {
    const c = await DirectLineConversation.start(base);
    await walkToPostalCode(c);
    const before = c.fromBot().length;
    const [one, two] = await Promise.all([
      c.post({ text: '34000', id: 'postal-1' }),
      c.post({ text: '34000', id: 'postal-1' }),
    ]);
    expect(one.status).toBe(200);
    expect(two).toMatchObject({ status: 200, id: one.id });
    await c.waitForBot((a) => /Dans quel type de lieu/.test(a.text ?? ''), 'the place question');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await c.read();
    expect(c.activities.filter((a) => a.from.role === 'user' && a.text === '34000')).toHaveLength(1);
    expect(c.fromBot().length - before).toBe(1); // one answer: the place question, no "choose a button"
    const replay = await c.post({ text: '34000', id: 'postal-1' });
    expect(replay).toMatchObject({ status: 200, id: one.id });
  });

  it('after an oversized message is refused, the draft is intact and the next message continues', async () => {
    const c = await DirectLineConversation.start(base);
    await walkToPostalCode(c);
    const refused = await c.post({ text: '3'.repeat(20_001) });
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toMatch(/at most 20,000 characters/);
    const next = await c.say('34000');
    expect(next.replies.at(-1)?.text).toMatch(/Dans quel type de lieu/);
  });

  it(
    '"delete the conversation" erases its activities from Redis and tells the client to clear',
    { timeout: 60_000 },
    async () => {
      const c = await DirectLineConversation.start(base, { tunnel: 'sete' });
      await reportUpToSummary(c, 'Insultés à la terrasse du café par deux clients, devant tout le monde.');
      const receipt = await c.tap('summary:send');
      expect(receipt.replies.map((a) => a.text).join('\n')).toMatch(/[A-Z0-9]{4}-[A-Z0-9]{4}/);
      const cleared = await c.tap('submitted:delete');
      expect(cleared.replies.map((a) => a.text)).toContain('Conversation effacée.');
      const event = c.activities.find((a) => a.type === 'event' && a.name === 'relais.clear');
      expect(event).toBeDefined();
      // A client reading from the start now gets only the clear event and the notice.
      const fromStart = (await (
        await fetch(`${base}/v3/directline/conversations/${c.conversationId}/activities`, { headers: c.headers() })
      ).json()) as {
        activities: { type: string; name?: string; text?: string }[];
      };
      expect(fromStart.activities.map((a) => a.name ?? a.text)).toEqual(['relais.clear', 'Conversation effacée.']);
      const slots = await redis.hkeys(`${config.queuePrefix}:dl:acts:${c.conversationId}`);
      expect(slots).toHaveLength(2);
      // What the conversation holds counts afresh from the erasure: its cap is not spent by the report.
      const held = Number(await redis.hget(`${config.queuePrefix}:dl:conv:${c.conversationId}`, 'bytes'));
      expect(held).toBeGreaterThan(0);
      expect(held).toBeLessThan(1024);
      // The report itself was submitted before, tagged with the tunnel.
      const submissions = await stack.submissions();
      expect(submissions.find((s) => s.tunnel === 'sete')).toMatchObject({ channel: 'webchat', tunnel: 'sete' });
    },
  );
});

/** A request with a forged `Host` and `X-Forwarded-Host` (fetch would not send them): status, headers, body. */
function forgedHost(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(path, base);
  return new Promise<{ status: number; headers: string; body: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: init.method ?? 'GET',
        headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', ...init.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: JSON.stringify(res.headers), body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('URLs come from PUBLIC_URL, never from the Host header', () => {
  it('a forged Host is in no CSP, stream URL, link or page of the bots service', async () => {
    const pages = await Promise.all(
      [
        '/report',
        '/report/partner/sete',
        '/report/partner/nowhere',
        '/report/follow',
        '/widget.js',
        '/widget/chat',
      ].map((p) => forgedHost(p)),
    );
    const json = { 'content-type': 'application/json' };
    const granted = await forgedHost('/v3/directline/tokens/generate', { method: 'POST', headers: json, body: '{}' });
    const { token, conversationId } = JSON.parse(granted.body) as { token: string; conversationId: string };
    const auth = { ...json, authorization: `Bearer ${token}` };
    const started = await forgedHost('/v3/directline/conversations', { method: 'POST', headers: auth });
    const again = await forgedHost(`/v3/directline/conversations/${conversationId}`, { headers: auth });
    const responses = [...pages, granted, started, again];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 200, 200, 200, 200, 201, 200]);
    for (const r of responses)
      expect(`${r.headers}
${r.body}`).not.toContain('evil.example');
    const ws = config.publicUrl.replace(/^http/, 'ws');
    // The tunnel page frames the chat at the public origin; the chat frame streams from it.
    expect(pages[0]!.headers).toContain(`frame-src 'self' ${new URL(config.publicUrl).origin};`);
    expect(pages[5]!.headers).toContain(`connect-src 'self' ${ws};`);
    for (const r of [started, again])
      expect((JSON.parse(r.body) as { streamUrl: string }).streamUrl).toMatch(
        new RegExp(`^${ws}/v3/directline/conversations/${conversationId}/stream\\?t=`),
      );
  });
});
