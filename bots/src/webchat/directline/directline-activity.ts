/**
 * The subset of a Bot Framework activity that Relais' Direct Line endpoint stores and serves:
 * messages (text, suggested actions, attachments the bot sends) and typing/event activities.
 */
export interface DirectLineActivity {
  type: string;
  id?: string;
  timestamp?: string;
  channelId?: string;
  from: { id: string; name?: string; role?: 'user' | 'bot' };
  conversation?: { id: string };
  text?: string;
  textFormat?: string;
  locale?: string;
  name?: string;
  value?: unknown;
  replyToId?: string;
  suggestedActions?: { to?: string[]; actions: { type: string; title: string; value: unknown }[] };
  attachments?: { contentType: string; content?: unknown; contentUrl?: string; name?: string }[];
  channelData?: Record<string, unknown>;
}

/**
 * The event a bot sends to erase the conversation from the person's screen ("delete the
 * conversation"). On the self-hosted endpoint it also deletes every stored activity first, so the
 * event is the first thing a client reading the conversation from the start still gets; the
 * widget clears its transcript when it receives it. Other clients ignore an unknown event.
 */
export const CLEAR_TRANSCRIPT_EVENT = 'relais.clear';
