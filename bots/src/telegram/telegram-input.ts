import type { Context } from 'grammy';
import type { Lang } from '@relais/core';
import type { FlowCommand, FlowInput } from '../flow/flow-types.js';
import { decodeChoice } from './telegram-renderer.js';

/** Commands the bot understands, French and English names. */
const COMMANDS: Readonly<Record<string, FlowCommand | 'start'>> = {
  start: 'start',
  help: 'help',
  aide: 'help',
  cancel: 'cancel',
  annuler: 'cancel',
  lang: 'lang',
  langue: 'lang',
  language: 'lang',
  urgence: 'urgence',
  emergency: 'urgence',
  sos: 'urgence',
  suivi: 'suivi',
  status: 'suivi',
  supprimer: 'supprimer',
  erase: 'supprimer',
  delete: 'supprimer',
};

/** The client's language: English when Telegram says so, French otherwise. */
export function clientLang(ctx: Context): Lang {
  return ctx.from?.language_code?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

function commandOf(text: string, botUsername: string | undefined): FlowInput {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(text);
  const name = match?.[1]?.toLowerCase();
  const addressee = match?.[2];
  const arg = match?.[3]?.trim() || undefined;
  if (!name || (addressee && botUsername && addressee.toLowerCase() !== botUsername.toLowerCase())) return { kind: 'command', name: 'unknown' };
  const command = COMMANDS[name];
  if (command === 'start') return arg ? { kind: 'start', payload: arg } : { kind: 'start' };
  return { kind: 'command', name: command ?? 'unknown', ...(arg ? { arg } : {}) };
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
