import { waitFor } from './wait-for.ts';
import { walkToSummary } from './report-walk.ts';

/** An activity as the Direct Line endpoint serves it (what these tests look at). */
export interface ServedActivity {
  id: string;
  type: string;
  name?: string;
  from: { id: string; role?: string };
  text?: string;
  locale?: string;
  channelData?: Record<string, unknown>;
  suggestedActions?: { actions: { type: string; title: string; value: { choice?: string } }[] };
}

/** The answer to a post: its status, the id the endpoint assigned, and the error it gave. */
export interface PostOutcome {
  status: number;
  id?: string;
  error?: { code: string; message: string };
  retryAfter: string | null;
}

/**
 * A Direct Line conversation driven over plain HTTP, as a thin client: start it, post messages
 * and taps (optionally under a client id, to replay them), and read what the bot answered.
 */
export class DirectLineConversation {
  private watermark = 0;
  /** Every activity read so far, in order. */
  readonly activities: ServedActivity[] = [];

  private constructor(
    readonly base: string,
    readonly conversationId: string,
    readonly token: string,
  ) {}

  /** Gets a token (with the Relais extensions `tunnel` and `locale`) and starts the conversation. */
  static async start(
    base: string,
    options: { tunnel?: string; locale?: string; startLocale?: string } = {},
  ): Promise<DirectLineConversation> {
    const body = {
      ...(options.tunnel ? { tunnel: options.tunnel } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    };
    const granted = (await (
      await fetch(`${base}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()) as {
      conversationId: string;
      token: string;
    };
    const conversation = new DirectLineConversation(base, granted.conversationId, granted.token);
    const started = await fetch(`${base}/v3/directline/conversations`, {
      method: 'POST',
      headers: conversation.headers(),
      ...(options.startLocale ? { body: JSON.stringify({ locale: options.startLocale }) } : {}),
    });
    if (started.status !== 201) throw new Error(`conversation start answered ${started.status}`);
    await conversation.waitForBot((a) => (a.suggestedActions?.actions.length ?? 0) > 0, 'the first question');
    return conversation;
  }

  /** Authorisation and content type for this conversation. */
  headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
  }

  /** Posts an activity (a message from the person unless `activity` says otherwise). */
  async post(activity: Record<string, unknown>): Promise<PostOutcome> {
    const response = await fetch(`${this.base}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify({ type: 'message', from: { id: 'person' }, ...activity }),
    });
    const body = (await response.json()) as { id?: string; error?: { code: string; message: string } };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
  }

  /** Reads the activities appended since the last read. */
  async read(): Promise<ServedActivity[]> {
    const response = await fetch(
      `${this.base}/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`,
      { headers: this.headers() },
    );
    const page = (await response.json()) as { activities: ServedActivity[]; watermark: string };
    this.watermark = Number(page.watermark);
    this.activities.push(...page.activities);
    return page.activities;
  }

  /** The bot's messages read so far. */
  fromBot(): ServedActivity[] {
    return this.activities.filter((a) => a.from.role === 'bot');
  }

  /** Waits until the bot sent a message matching `test`; returns it. */
  async waitForBot(test: (activity: ServedActivity) => boolean, what: string): Promise<ServedActivity> {
    return waitFor(
      async () => {
        await this.read();
        return this.fromBot().find(test);
      },
      10_000,
      what,
    );
  }

  /** The latest button for `choice` (`step:option`) the bot offered. */
  button(choice: string): { title: string; value: { choice?: string } } {
    const found = [...this.fromBot()]
      .reverse()
      .flatMap((a) => a.suggestedActions?.actions ?? [])
      .find((b) => b.value?.choice === choice);
    if (!found) throw new Error(`no button ${choice} was offered`);
    return found;
  }

  /** Posts `send()` and waits for the bot's answer (the first new bot message, then the rest of the turn). */
  async answered(send: () => Promise<PostOutcome>): Promise<{ outcome: PostOutcome; replies: ServedActivity[] }> {
    const before = this.fromBot().length;
    const outcome = await send();
    if (outcome.status !== 200) throw new Error(`post answered ${outcome.status}: ${outcome.error?.message}`);
    await waitFor(
      async () => {
        await this.read();
        return this.fromBot().length > before ? true : undefined;
      },
      10_000,
      'the bot to answer',
    );
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the rest of the turn arrive
    await this.read();
    return { outcome, replies: this.fromBot().slice(before) };
  }

  /** Taps the button for `choice`, optionally under a client activity id. */
  tap(choice: string, clientActivityID?: string) {
    const button = this.button(choice);
    return this.answered(() =>
      this.post({
        text: button.title,
        value: button.value,
        ...(clientActivityID ? { channelData: { clientActivityID } } : {}),
      }),
    );
  }

  /** Types `text`, optionally under a client-chosen activity id. */
  say(text: string, id?: string) {
    return this.answered(() => this.post({ text, ...(id ? { id } : {}) }));
  }
}

/** The taps and texts of a complete report, up to the summary (victim, insult, 34000, a bar). */
export async function reportUpToSummary(conversation: DirectLineConversation, description: string): Promise<void> {
  await walkToSummary(conversation, { description });
}
