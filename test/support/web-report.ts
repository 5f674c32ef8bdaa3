import { expect } from 'vitest';
import { loadDirectLineClient } from './directline-client.ts';
import { reportWalk, walk } from './report-walk.ts';
import { waitFor } from './wait-for.ts';

type Activity = {
  type: string;
  from: { role?: string };
  text?: string;
  suggestedActions?: { actions: { title: string; value: { choice?: string } }[] };
};

/** What the web receipt said: its reference and the follow-up secret phrase. */
export interface WebReceipt {
  readonly text: string;
  readonly reference: string;
  readonly phrase: string;
}

/**
 * Completes a report through the web chat with the official Direct Line client (tunnel
 * `tunnel`, French, asking to be answered through the chat) and returns what the receipt says.
 */
export async function sendWebReport(botsUrl: string, tunnel: string, description: string): Promise<WebReceipt> {
  const { DirectLine } = loadDirectLineClient();
  const granted = (await (
    await fetch(`${botsUrl}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tunnel }),
    })
  ).json()) as { token: string };
  const client = new DirectLine({ token: granted.token, domain: `${botsUrl}/v3/directline`, webSocket: true });
  const fromBot: Activity[] = [];
  const subscription = client.activity$.subscribe((a) => {
    const activity = a as unknown as Activity;
    if (activity.type === 'message' && activity.from.role === 'bot') fromBot.push(activity);
  });
  try {
    const post = (activity: Record<string, unknown>) =>
      new Promise<void>((resolve, reject) =>
        client
          .postActivity({ type: 'message', from: { id: 'person' }, ...activity } as never)
          .subscribe({ next: () => resolve(), error: reject }),
      );
    const answered = async (send: () => Promise<void>) => {
      const before = fromBot.length;
      await send();
      await waitFor(async () => (fromBot.length > before ? true : undefined), 10_000, 'the bot to answer');
      await new Promise((r) => setTimeout(r, 50));
    };
    // A question and its buttons may come a moment after the text before them: wait for the button.
    const button = (choice: string) =>
      [...fromBot]
        .reverse()
        .flatMap((a) => a.suggestedActions?.actions ?? [])
        .find((b) => b.value.choice === choice);
    const tap = async (choice: string) => {
      const found = await waitFor(async () => button(choice), 10_000, `a button ${choice}`);
      await answered(() => post({ text: found.title, value: found.value }));
    };
    const say = (text: string) => answered(() => post({ text }));

    await waitFor(
      async () => (fromBot.some((a) => /assistant automatisé/.test(a.text ?? '')) ? true : undefined),
      10_000,
      'the welcome',
    );
    await walk({ tap, say }, reportWalk(description, 'chat'));
    const text = fromBot.map((a) => a.text ?? '').find((t) => t.includes('phrase secrète')) ?? '';
    const reference = /référence : ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text)?.[1];
    const phrase = /phrase secrète : ([a-z ]+)/.exec(text)?.[1]?.trim();
    expect(reference, `a reference in the receipt: ${text}`).toBeDefined();
    expect(phrase, 'a secret phrase in the receipt').toBeDefined();
    return { text, reference: reference!, phrase: phrase! };
  } finally {
    subscription.unsubscribe();
    client.end();
  }
}
