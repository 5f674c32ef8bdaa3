import type { Page } from 'playwright-core';

/** A bot activity as seen on the wire by a browser page. */
export interface SniffedActivity {
  id: string;
  type: string;
  name?: string;
  text?: string;
  from: { role?: string };
  suggestedActions?: { actions: { title: string; value?: { choice?: string } }[] };
}

/**
 * Watches what a page's chat client receives over Direct Line (WebSocket frames and activity
 * polls), so a browser test can find the button of a choice (`acts:insult`) by its value and
 * click it by its visible title, whatever the language, and learn the conversation's id.
 */
export class ActivitySniffer {
  /** Every activity received, first seen first. */
  readonly activities: SniffedActivity[] = [];
  private readonly ids = new Set<string>();
  /** The conversation the page was given (from its token response). */
  conversationId: string | undefined;

  constructor(page: Page) {
    const take = (payload: string) => {
      if (!payload) return;
      try {
        for (const activity of (JSON.parse(payload) as { activities?: SniffedActivity[] }).activities ?? []) {
          if (this.ids.has(activity.id)) continue;
          this.ids.add(activity.id);
          this.activities.push(activity);
        }
      } catch {
        // not an activity frame
      }
    };
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => take(String(frame.payload))));
    page.on('response', async (response) => {
      const url = response.url();
      if (url.includes('/v3/directline/tokens/generate'))
        this.conversationId = ((await response.json().catch(() => ({}))) as { conversationId?: string }).conversationId;
      else if (/\/v3\/directline\/conversations\/[^/]+\/activities/.test(url) && response.request().method() === 'GET')
        take(await response.text().catch(() => ''));
    });
  }

  /** The bot's messages received so far. */
  fromBot(): SniffedActivity[] {
    return this.activities.filter((a) => a.type === 'message' && a.from.role === 'bot');
  }

  /** The title of the latest button offered for `choice`. */
  titleOf(choice: string): string {
    const action = [...this.fromBot()]
      .reverse()
      .flatMap((a) => a.suggestedActions?.actions ?? [])
      .find((a) => a.value?.choice === choice);
    if (!action) throw new Error(`no button ${choice} was offered`);
    return action.title;
  }
}
