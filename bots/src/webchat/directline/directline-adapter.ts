import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { ConversationStore } from './conversation-store.js';
import { CLEAR_TRANSCRIPT_EVENT, type DirectLineActivity } from './directline-activity.js';

/** How the bot appears in the conversation. */
const BOT_ACCOUNT = { id: 'relais-bot', name: 'Relais', role: 'bot' as const };

function toDirectLine(activity: Partial<Activity>): DirectLineActivity {
  return {
    type: activity.type ?? ActivityTypes.Message,
    timestamp: new Date().toISOString(),
    channelId: 'directline',
    from: BOT_ACCOUNT,
    ...(activity.text !== undefined ? { text: activity.text } : {}),
    ...(activity.textFormat ? { textFormat: activity.textFormat } : {}),
    ...(activity.locale ? { locale: activity.locale } : {}),
    ...(activity.replyToId ? { replyToId: activity.replyToId } : {}),
    ...(activity.suggestedActions ? { suggestedActions: activity.suggestedActions } : {}),
    ...(activity.attachments?.length ? { attachments: activity.attachments } : {}),
    ...(activity.channelData ? { channelData: activity.channelData as Record<string, unknown> } : {}),
    ...(activity.name ? { name: activity.name } : {}),
  };
}

/**
 * A botbuilder adapter that serves the self-hosted Direct Line endpoint in process: incoming
 * activities run the bot's turn; what the bot sends is appended to the conversation in Redis,
 * where clients read it (polling or WebSocket), whichever instance they talk to. Sending the
 * {@link CLEAR_TRANSCRIPT_EVENT} event deletes the conversation's stored activities first.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(private readonly store: ConversationStore) {
    super();
  }

  /** Runs one turn of `logic` for an activity a person posted (or a conversation start). */
  async process(
    conversationId: string,
    activity: DirectLineActivity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const incoming: Partial<Activity> = {
      ...(activity as unknown as Partial<Activity>),
      channelId: 'directline',
      serviceUrl: 'relais://directline',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      recipient: { id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name, role: 'bot' },
      ...(activity.type === 'conversationUpdate'
        ? { membersAdded: [{ id: activity.from.id, name: activity.from.name ?? '' }] }
        : {}),
    };
    const context = new TurnContext(this, incoming);
    await this.runMiddleware(context, logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation.id;
    const visible = activities.filter(
      (a) => a.type !== 'delay' && a.type !== ActivityTypes.InvokeResponse && a.type !== 'trace',
    );
    if (visible.some((a) => a.type === ActivityTypes.Event && a.name === CLEAR_TRANSCRIPT_EVENT)) {
      // Erase first, then append the event (and what follows it): the clear is what remains.
      await this.store.clear(conversationId);
    }
    const stored = await this.store.append(conversationId, visible.map(toDirectLine));
    return stored.map((a) => ({ id: a.id ?? '' }));
  }

  override async updateActivity(): Promise<void> {
    throw new Error('the Relais Direct Line endpoint does not update sent activities');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('the Relais Direct Line endpoint does not delete sent activities');
  }

  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
