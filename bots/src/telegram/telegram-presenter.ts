import { GrammyError, type Context } from 'grammy';
import type { Logger } from '@relais/core';
import type { RenderableOutput } from '../flow/conversation-runner.js';
import type { MessageTrail } from './message-trail.js';
import { fitMessage, renderKeyboard } from './telegram-renderer.js';

/** `deleteMessages` takes at most this many ids. */
const DELETE_BATCH = 100;

const notModified = (error: unknown) => error instanceof GrammyError && /not modified/i.test(error.description);

/**
 * Renders the flow's outputs in one private chat: messages with inline keyboards (a multiple
 * choice tap updates its own message), notices as the tapped button's toast, deletion of the
 * report's messages. Keeps the message trail that deletion needs. Returns the toast text, if any,
 * for the caller to answer the callback query with.
 */
export async function presentOutputs(
  ctx: Context,
  chatId: number,
  outputs: readonly RenderableOutput[],
  trail: MessageTrail,
  logger: Logger,
): Promise<string | undefined> {
  const sent: number[] = [];
  let toast: string | undefined;
  let deleted = false;
  const tapped = ctx.callbackQuery?.message?.message_id;
  for (const output of outputs) {
    switch (output.kind) {
      case 'report-started':
        await trail.reset(chatId);
        break;
      case 'message': {
        const text = fitMessage(output.text);
        const markup = output.choices?.length ? { reply_markup: renderKeyboard(output.choices) } : {};
        if (output.replace && tapped !== undefined) {
          try {
            await ctx.api.editMessageText(chatId, tapped, text, markup);
            break;
          } catch (error) {
            if (notModified(error)) break;
            if (!(error instanceof GrammyError)) throw error;
            // Too old or gone: send it anew below.
          }
        }
        const message = await ctx.api.sendMessage(chatId, text, markup);
        sent.push(message.message_id);
        break;
      }
      case 'notice':
        if (ctx.callbackQuery) toast = output.text;
        else sent.push((await ctx.api.sendMessage(chatId, fitMessage(output.text))).message_id);
        break;
      case 'delete-messages': {
        const ids = [
          ...new Set([
            ...(await trail.take(chatId)),
            ...sent,
            ...(tapped !== undefined ? [tapped] : []),
            ...(ctx.message ? [ctx.message.message_id] : []),
          ]),
        ];
        sent.length = 0;
        deleted = true;
        for (let i = 0; i < ids.length; i += DELETE_BATCH) {
          await ctx.api.deleteMessages(chatId, ids.slice(i, i + DELETE_BATCH)).catch((error: unknown) => {
            // Messages older than 48 hours, or already deleted by the person: nothing more to do.
            logger.warn(
              { errorName: (error as Error).name, updateId: ctx.update.update_id },
              'some messages could not be deleted',
            );
          });
        }
        break;
      }
    }
  }
  const incoming = deleted || !ctx.message ? [] : [ctx.message.message_id];
  await trail.add(chatId, [...incoming, ...sent]);
  return toast;
}
