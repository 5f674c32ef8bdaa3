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
