import type { Context } from 'grammy';
import { detectLang, type Lang } from '@relais/core';
import { commandOf } from '../flow/flow-commands.js';
import type { FlowInput } from '../flow/flow-types.js';
import { decodeChoice } from './telegram-renderer.js';

/** The client's language, from Telegram's `language_code` (core's `detectLang`: French unless it names another of `LANGS`). */
export function clientLang(ctx: Context): Lang {
  return detectLang({ tag: ctx.from?.language_code });
}

/**
 * What an update means to the flow: text, a command, a tap (decoded from `callback_data`), an
 * edit, or something it cannot read (sticker, photo, voice note…, with its caption). Undefined for
 * updates the conversation has nothing to do with.
 */
export function toFlowInput(ctx: Context): FlowInput | undefined {
  if (ctx.editedMessage) return { kind: 'edited' };
  const callback = ctx.callbackQuery;
  if (callback) {
    const value = typeof callback.data === 'string' ? decodeChoice(callback.data) : undefined;
    // Foreign or old-format data is a tap on a keyboard the flow no longer knows: a stale choice.
    return { kind: 'choice', value: value ?? '' };
  }
  const message = ctx.message;
  if (!message) return undefined;
  if (typeof message.text === 'string') {
    const entity = message.entities?.[0];
    if (entity?.type === 'bot_command' && entity.offset === 0) return commandOf(message.text, ctx.me?.username);
    return { kind: 'text', text: message.text };
  }
  const caption = typeof message.caption === 'string' && message.caption.trim() ? message.caption : undefined;
  return caption ? { kind: 'unsupported', caption } : { kind: 'unsupported' };
}
