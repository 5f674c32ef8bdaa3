import type { Context } from 'grammy';
import {
  parseReplyButtonData,
  replyButtonData,
  type Lang,
  type Logger,
  type RateLimit,
  type RateLimiter,
} from '@relais/core';
import type { ReplyTarget } from '@relais/db';
import { CATALOGS } from '../i18n/catalog.js';
import type { DraftStore } from '../flow/draft-store.js';
import { idleState, inReport } from '../flow/flow-state.js';
import type { FlowContext, FlowInput, FlowState } from '../flow/flow-types.js';
import { emergencyMessage } from '../flow/guidance.js';
import { STORY_LIKE_LENGTH } from '../flow/flow-actions.js';
import { answerSaysDanger } from '../flow/validators/answer-danger.js';
import { isCallForHelp } from '../flow/validators/danger-words.js';
import type { ReplyDesk, DeskTarget } from './reply-desk.js';
import type { ReporterAnswers } from './reporter-answers.js';
import { fitMessage, renderKeyboard } from './telegram-renderer.js';

/** `callback_data` of the reply desk's own buttons (the flow's are `c:…`, reply buttons `r:<message id>`). */
const DESK = { answer: 'rd:answer', newReport: 'rd:new', cancel: 'rd:cancel' } as const;

/**
 * Answers one report may receive from Telegram per window: a conversation, not a flood (the web
 * follow-up page allows 10 an hour; a chat is more talkative, one thought per message).
 */
export const TELEGRAM_ANSWER_LIMIT: RateLimit = { max: 20, windowSeconds: 3600 };

/** What the bot does with an update once the reply desk saw it. */
export type ReplyOutcome =
  /** The desk answered it: the flow must not see it. */
  | { readonly handled: true }
  /** The flow handles it, as `input` (what the person sent, or the new report they asked for). */
  | { readonly handled: false; readonly input: FlowInput };

/** What the reply desk needs. */
export interface TelegramRepliesDeps {
  readonly desk: ReplyDesk;
  readonly answers: ReporterAnswers;
  readonly drafts: DraftStore;
  /** Counts answers per report ({@link TELEGRAM_ANSWER_LIMIT}). */
  readonly limiter: RateLimiter;
  readonly logger: Logger;
}

const toDesk = (t: ReplyTarget | DeskTarget): DeskTarget => ({
  reportId: t.reportId,
  messageId: t.messageId,
  reference: t.reference,
  lang: t.lang,
});

/**
 * Two-way re-contact on Telegram, in front of the report flow. Under each association message the
 * worker puts a "Reply to the association" button (`r:<message id>`): tapping it (checked: that
 * message was delivered to this very chat, and the report is still kept) makes the next text the
 * answer, stored sealed in the report's thread and confirmed. A plain text while no report is in
 * progress and the association wrote lately is taken as an answer only once the person says so
 * ("an answer" / "a new report"). An answer that says the person is in danger now gets the
 * emergency guidance first and is marked urgent for staff. Any other tap or command abandons a
 * reply. Nothing of the chat or the text is logged; Redis keeps only sealed values under hashed keys.
 */
export class TelegramReplies {
  constructor(private readonly deps: TelegramRepliesDeps) {}

  /** Looks at one update of a private chat before the flow does. */
  async handle(ctx: Context, chatId: number, input: FlowInput, flow: FlowContext): Promise<ReplyOutcome> {
    const reporterKey = flow.reporterKey;
    const passOn: ReplyOutcome = { handled: false, input };
    if (!reporterKey) return passOn;
    const data = ctx.callbackQuery?.data;
    if (typeof data === 'string') {
      const messageId = parseReplyButtonData(data);
      if (messageId !== undefined) return this.open(ctx, chatId, reporterKey, messageId, flow);
      if (data === DESK.cancel) return this.cancel(ctx, chatId, flow);
      if (data === DESK.answer || data === DESK.newReport) return this.settle(ctx, chatId, data, flow);
      await this.deps.desk.takeReplying(chatId); // another button: the reply is abandoned
      return passOn;
    }
    if (input.kind === 'command') {
      await this.deps.desk.takeReplying(chatId);
      return passOn;
    }
    if (input.kind === 'unsupported') {
      const target = await this.deps.desk.takeReplying(chatId);
      if (!target) return passOn;
      await this.deps.desk.startReplying(chatId, target); // still waiting for a text
      await this.send(ctx, chatId, this.texts(target.lang, flow).textOnly);
      return { handled: true };
    }
    if (input.kind !== 'text') return passOn;
    const target = await this.deps.desk.takeReplying(chatId);
    if (target) {
      await this.deliver(ctx, chatId, target, input.text, flow, false);
      return { handled: true };
    }
    return this.askIfAnswer(ctx, chatId, reporterKey, input.text, flow);
  }

  private texts(lang: string, flow: FlowContext, draft?: FlowState | null) {
    const chosen = (draft?.lang ?? (lang in CATALOGS ? lang : flow.clientLang)) as Lang;
    return { lang: chosen, ...CATALOGS[chosen].telegramReply };
  }

  private async send(ctx: Context, chatId: number, text: string, choices?: { value: string; label: string }[]) {
    const markup = choices ? { reply_markup: renderRaw(choices) } : {};
    await ctx.api.sendMessage(chatId, fitMessage(text), markup);
  }

  private async emergency(ctx: Context, chatId: number, lang: Lang, flow: FlowContext, draft: FlowState | null) {
    const guidance = emergencyMessage(draft ?? idleState(lang, flow));
    if (guidance.kind !== 'message') return;
    await ctx.api.sendMessage(
      chatId,
      fitMessage(guidance.text),
      guidance.choices?.length ? { reply_markup: renderKeyboard(guidance.choices) } : {},
    );
  }

  private async open(
    ctx: Context,
    chatId: number,
    reporterKey: string,
    messageId: string,
    flow: FlowContext,
  ): Promise<ReplyOutcome> {
    await ctx.answerCallbackQuery().catch(() => undefined);
    const found = await this.deps.answers.target(messageId, reporterKey);
    const draft = await this.deps.drafts.load(`telegram:${chatId}`);
    if (!found) {
      await this.send(ctx, chatId, this.texts(flow.clientLang, flow, draft).unavailable);
      return { handled: true };
    }
    const t = this.texts(found.lang, flow, draft);
    await this.deps.desk.startReplying(chatId, toDesk(found));
    await this.send(ctx, chatId, t.prompt.replace('{reference}', found.reference), [
      { value: DESK.cancel, label: t.cancelButton },
    ]);
    return { handled: true };
  }

  private async cancel(ctx: Context, chatId: number, flow: FlowContext): Promise<ReplyOutcome> {
    await ctx.answerCallbackQuery().catch(() => undefined);
    const target = await this.deps.desk.takeReplying(chatId);
    const draft = await this.deps.drafts.load(`telegram:${chatId}`);
    await this.send(ctx, chatId, this.texts(target?.lang ?? flow.clientLang, flow, draft).cancelled);
    return { handled: true };
  }

  /** "It is an answer" / "It is a new report", for the text held by {@link askIfAnswer}. */
  private async settle(ctx: Context, chatId: number, choice: string, flow: FlowContext): Promise<ReplyOutcome> {
    await ctx.answerCallbackQuery().catch(() => undefined);
    const held = await this.deps.desk.takeUnsure(chatId);
    if (!held) {
      await this.send(ctx, chatId, this.texts(flow.clientLang, flow).expired);
      return { handled: true };
    }
    if (choice === DESK.answer) {
      // The guidance, if the text said danger, was given when asking.
      await this.deliver(ctx, chatId, held.target, held.text, flow, true);
      return { handled: true };
    }
    // A new report, clearly: long enough to be a story, the text starts its description (the flow says so).
    return {
      handled: false,
      input: held.text.trim().length >= STORY_LIKE_LENGTH ? { kind: 'text', text: held.text } : { kind: 'start' },
    };
  }

  private async askIfAnswer(
    ctx: Context,
    chatId: number,
    reporterKey: string,
    text: string,
    flow: FlowContext,
  ): Promise<ReplyOutcome> {
    const passOn: ReplyOutcome = { handled: false, input: { kind: 'text', text } };
    // A bare call for help is the flow's: the guidance at once, nothing to ask.
    if (isCallForHelp(text)) return passOn;
    const draft = await this.deps.drafts.load(`telegram:${chatId}`);
    // A report being written, or a question of the flow waiting (a postal code for safe places…): the flow's.
    if (draft && (inReport(draft) || draft.pending !== null)) return passOn;
    const recent = await this.deps.answers.recent(reporterKey, flow.now);
    if (!recent) return passOn;
    const t = this.texts(recent.lang, flow, draft);
    await this.deps.desk.holdUnsure(chatId, { target: toDesk(recent), text: text.slice(0, 4096) });
    if (answerSaysDanger(text)) await this.emergency(ctx, chatId, t.lang, flow, draft);
    await this.send(ctx, chatId, t.askAnswerOrNew.replace('{reference}', recent.reference), [
      { value: DESK.answer, label: t.isAnswer },
      { value: DESK.newReport, label: t.isNew },
    ]);
    return { handled: true };
  }

  /** Stores the answer in the report's thread and confirms; the emergency guidance first when it says danger. */
  private async deliver(
    ctx: Context,
    chatId: number,
    target: DeskTarget,
    text: string,
    flow: FlowContext,
    guidanceGiven: boolean,
  ): Promise<void> {
    const draft = await this.deps.drafts.load(`telegram:${chatId}`);
    const t = this.texts(target.lang, flow, draft);
    const urgent = answerSaysDanger(text);
    if (urgent && !guidanceGiven) await this.emergency(ctx, chatId, t.lang, flow, draft);
    const flood = await this.deps.limiter.hit({
      name: 'tg-answer',
      subject: target.reportId,
      limit: TELEGRAM_ANSWER_LIMIT,
    });
    if (!flood.allowed) {
      // Still replying: once the wait is over, the same message sent again is the answer.
      await this.deps.desk.startReplying(chatId, target);
      const minutes = String(Math.max(1, Math.ceil(flood.retryAfterSeconds / 60)));
      await this.send(ctx, chatId, t.throttled.replace('{minutes}', minutes));
      this.deps.logger.warn({ reportId: target.reportId }, 'telegram answers rate limit reached; answer not stored');
      return;
    }
    let outcome: Awaited<ReturnType<ReporterAnswers['store']>>;
    try {
      outcome = await this.deps.answers.store(target.reportId, text, urgent);
    } catch (error) {
      // Not stored (the database is away): still replying, so the message sent again is the answer.
      await this.deps.desk.startReplying(chatId, target);
      throw error;
    }
    const { stored, messageId } = outcome;
    if (!stored) {
      await this.send(ctx, chatId, t.unavailable);
      return;
    }
    this.deps.logger.info({ reportId: target.reportId, messageId, urgent }, 'telegram answer stored in the thread');
    const confirmation = [
      t.sent.replace('{reference}', target.reference),
      ...(draft && inReport(draft) ? [t.draftKept] : []),
    ].join('\n\n');
    await this.send(ctx, chatId, confirmation, [{ value: replyButtonData(target.messageId), label: t.button }]);
  }
}

/** An inline keyboard of raw `callback_data` buttons, one a row (the flow's go through `renderKeyboard`). */
function renderRaw(choices: readonly { value: string; label: string }[]) {
  return { inline_keyboard: choices.map((c) => [{ text: c.label, callback_data: c.value }]) };
}
