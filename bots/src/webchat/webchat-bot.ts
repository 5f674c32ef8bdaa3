import { randomUUID } from 'node:crypto';
import {
  ActivityHandler,
  ActivityTypes,
  MessageFactory,
  TextFormatTypes,
  type Activity,
  type CardAction,
  type TurnContext,
} from 'botbuilder';
import { detectLang, keyedHash, newReference, type Keyring, type Lang, type Logger } from '@relais/core';
import type { ConversationRunner, RenderableOutput } from '../flow/conversation-runner.js';
import { commandOf } from '../flow/flow-commands.js';
import type { FlowChoice, FlowContext, FlowInput } from '../flow/flow-types.js';
import { CLEAR_TRANSCRIPT_EVENT } from './directline/directline-activity.js';

/** What the web chat bot needs. */
interface WebChatBotDeps {
  readonly runner: ConversationRunner;
  readonly keyring: Keyring;
  readonly logger: Logger;
  /** The partner tunnel a conversation was opened from (Direct Line knows it), or null. */
  tunnelOf(conversationId: string): Promise<string | null>;
}

const langOf = (locale: string | undefined): Lang => detectLang({ tag: locale });

/**
 * A choice as a Bot Framework `messageBack` action: the person sees the label, the bot reads the
 * value. Clients that only know `imBack` send the label back as text, which the flow also reads.
 */
function action(choice: FlowChoice): CardAction {
  const title = choice.selected ? `✓ ${choice.label}` : choice.label;
  return {
    type: 'messageBack',
    title,
    text: choice.label,
    displayText: choice.label,
    value: { choice: choice.value },
    // An option of a multiple-choice question: our widget shows it as a toggle (aria-pressed).
    ...(choice.selected !== undefined ? { channelData: { pressed: choice.selected } } : {}),
  };
}

/**
 * A message of the flow, marked plain text: clients that render Markdown by default (Web Chat)
 * would otherwise run its line breaks together and read what a person wrote, quoted back in the
 * summary, as formatting.
 */
function plain(text: string): Partial<Activity> {
  return { ...MessageFactory.text(text), textFormat: TextFormatTypes.Plain };
}

/** What a Bot Framework activity means to the flow. */
function activityInput(context: TurnContext): FlowInput {
  const activity = context.activity;
  const value = activity.value as { choice?: unknown } | undefined;
  if (typeof value?.choice === 'string') return { kind: 'choice', value: value.choice };
  const text = activity.text?.trim() ?? '';
  if (text.startsWith('/')) return commandOf(text);
  if (text.length > 0) return { kind: 'text', text: activity.text ?? '' };
  return { kind: 'unsupported' };
}

/**
 * The web chat channel: the same report conversation as Telegram, rendered as Bot Framework
 * messages with suggested actions. Runs on the self-hosted Direct Line endpoint and, with Azure
 * credentials, behind `POST /api/messages`.
 */
export class WebChatBot extends ActivityHandler {
  constructor(private readonly deps: WebChatBotDeps) {
    super();
    this.onMembersAdded(async (context, next) => {
      const joined = context.activity.membersAdded?.some((m) => m.id !== context.activity.recipient.id);
      if (joined) {
        const tunnel = await deps.tunnelOf(context.activity.conversation.id);
        await this.converse(context, tunnel ? { kind: 'start', payload: tunnel } : { kind: 'start' });
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.converse(context, activityInput(context));
      await next();
    });
  }

  private async converse(context: TurnContext, input: FlowInput): Promise<void> {
    const conversation = `webchat:${context.activity.conversation.id}`;
    const flowCtx: FlowContext = {
      now: new Date(),
      channel: 'webchat',
      clientLang: langOf(context.activity.locale),
      reporterKey: keyedHash(this.deps.keyring, conversation),
      // The association answers a web reporter in the report's follow-up inbox (/report/follow).
      chatAddress: { channel: 'webchat', inbox: keyedHash(this.deps.keyring, `inbox:${conversation}`) },
      newId: randomUUID,
      newReference,
    };
    // A Direct Line activity id is stable across a client's retries: the runner applies it once.
    const inputId = context.activity.id ? `dl:${context.activity.id}` : undefined;
    await this.deps.runner.run(conversation, input, flowCtx, (outputs) => this.render(context, outputs), inputId);
  }

  private async render(context: TurnContext, outputs: readonly RenderableOutput[]): Promise<void> {
    // The turn's last message is marked `turnEnd`: our widget announces the whole turn then, once.
    const last = outputs.findLastIndex((o) => o.kind === 'message' || o.kind === 'notice');
    for (const [index, output] of outputs.entries()) {
      const turnEnd = index === last ? { turnEnd: true } : {};
      if (output.kind === 'message') {
        const message = plain(output.text);
        if (output.choices?.length) message.suggestedActions = { to: [], actions: output.choices.map(action) };
        // The same question with its options ticked anew: our widget updates it in place, unannounced.
        const replace = output.replace ? { replace: true } : {};
        if (output.replace || index === last) message.channelData = { ...replace, ...turnEnd };
        await context.sendActivity(message);
      } else if (output.kind === 'notice') {
        await context.sendActivity({ ...plain(output.text), ...(index === last ? { channelData: turnEnd } : {}) });
      } else if (output.kind === 'delete-messages') {
        // The Direct Line endpoint deletes the stored conversation on this event; the widget
        // empties its transcript. (The page itself keeps nothing: no storage, no cookie.)
        await context.sendActivity({ type: ActivityTypes.Event, name: CLEAR_TRANSCRIPT_EVENT });
      }
      // 'report-started': nothing to track on the web.
    }
  }
}
