import { randomUUID } from 'node:crypto';
import { keyedHash, type Keyring } from '@relais/core';
import { canaryStory } from './canaries.ts';
import { REFERENCE_IN_TEXT, type ConversationRecord } from './conversation-record.ts';
import { deliverUntilAcknowledged, type Delivery } from './delivery.ts';
import { LOAD_TUNNEL } from './load-stack.ts';

type Answer = { text: string; value?: { choice: string } };
const tap = (choice: string): Answer => ({ text: choice, value: { choice } });

/** One complete web report after the welcome: 16 messages (threats: the author question too), the last one "Send". */
function webScript(story: string, postalCode: string): Answer[] {
  return [
    ...[
      'welcome:go',
      'role:witness',
      'minor:no',
      'acts:insult',
      'acts:threat',
      'acts:done',
      'motives:unknown',
      'motives:done',
      'when:yesterday',
    ].map(tap),
    { text: postalCode },
    tap('place:street'),
    { text: story },
    ...['story:done', 'author:other', 'complaint:no', 'contact:no', 'summary:send'].map(tap),
  ];
}

/** A client address of the load's web person `n` (what the load balancer puts in X-Forwarded-For). */
export const loadClientAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Plays web person `n` over raw Direct Line HTTP through the partner tunnel, as the widget does:
 * a token, the conversation, then each message (sent again with the same client activity id until
 * acknowledged), then (unless `receipts` is false: a bare bot gives none) reads the transcript for
 * the receipt.
 */
export async function playDirectLineConversation(
  botUrls: readonly string[],
  keyring: Keyring,
  n: number,
  stats: Delivery,
  receipts = true,
): Promise<ConversationRecord> {
  const record: ConversationRecord = { channel: 'webchat', reporterKey: '', startedAt: Date.now() };
  const base = { 'content-type': 'application/json', 'x-forwarded-for': loadClientAddress(n) };
  const call = (path: string, headers: Record<string, string>, body?: unknown, method = 'POST') =>
    deliverUntilAcknowledged(
      botUrls,
      path,
      { headers, method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) },
      stats,
    );
  try {
    const granted = await call('/v3/directline/tokens/generate', base, { tunnel: LOAD_TUNNEL, locale: 'fr-FR' });
    if (granted.status !== 200) throw new Error(`token answered ${granted.status}`);
    const { token, conversationId } = granted.json as { token: string; conversationId: string };
    record.reporterKey = keyedHash(keyring, `webchat:${conversationId}`);
    const auth = { ...base, authorization: `Bearer ${token}` };
    const started = await call('/v3/directline/conversations', auth);
    if (started.status >= 300) throw new Error(`conversation answered ${started.status}`);
    const script = webScript(canaryStory(100_000 + n), ['34000', '34080', '13001', '33000'][n % 4]!);
    for (const [i, answer] of script.entries()) {
      if (i === script.length - 1) record.lastSentAt = Date.now();
      const activity = {
        type: 'message',
        id: randomUUID(),
        from: { id: 'person' },
        ...answer,
        channelData: { clientActivityID: randomUUID() },
      };
      const posted = await call(`/v3/directline/conversations/${conversationId}/activities`, auth, activity);
      if (posted.status !== 200) throw new Error(`activity answered ${posted.status}`);
    }
    record.finishedAt = Date.now();
    for (let attempt = 0; receipts && attempt < 50 && !record.reference; attempt++) {
      const read = await call(`/v3/directline/conversations/${conversationId}/activities`, auth, undefined, 'GET');
      const activities = (
        (read.json as { activities?: { text?: string; from?: { role?: string } }[] } | undefined)?.activities ?? []
      ).filter((a) => a.from?.role !== 'user');
      const receipt = activities.map((a) => a.text ?? '').find((t) => REFERENCE_IN_TEXT.test(t));
      if (receipt) record.reference = REFERENCE_IN_TEXT.exec(receipt)![0];
      else await sleep(200);
    }
  } catch (error) {
    record.error = (error as Error).message;
  }
  return record;
}
