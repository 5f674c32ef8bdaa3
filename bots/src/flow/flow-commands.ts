import type { Lang } from '@relais/core';
import type { FlowCommand, FlowInput } from './flow-types.js';

/** A command people can type (`unknown` is none). */
export type NamedCommand = Exclude<FlowCommand, 'unknown'> | 'start';

/**
 * The name each command is shown under in each language (`/annuler` in French, `/cancel` in
 * English): the texts use these; both names work in both languages.
 */
export const COMMAND_NAMES: Readonly<Record<Lang, Readonly<Record<NamedCommand, string>>>> = {
  fr: {
    start: 'start',
    help: 'aide',
    cancel: 'annuler',
    lang: 'langue',
    urgence: 'urgence',
    suivi: 'suivi',
    supprimer: 'supprimer',
  },
  en: {
    start: 'start',
    help: 'help',
    cancel: 'cancel',
    lang: 'lang',
    urgence: 'emergency',
    suivi: 'status',
    supprimer: 'erase',
  },
};

/** Commands the conversation understands, by their French and English names, on every channel. */
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

/**
 * Reads a typed command (`/aide`, `/start montpellier`, `/urgence 34000`, `/help@relais_bot`) as a
 * flow input. A command addressed to another bot, or unknown, is `{ kind: 'command', name: 'unknown' }`.
 */
export function commandOf(text: string, botUsername?: string): FlowInput {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(text);
  const name = match?.[1]?.toLowerCase();
  const addressee = match?.[2];
  const arg = match?.[3]?.trim() || undefined;
  if (!name || (addressee && botUsername && addressee.toLowerCase() !== botUsername.toLowerCase()))
    return { kind: 'command', name: 'unknown' };
  const command = COMMANDS[name];
  if (command === 'start') return arg ? { kind: 'start', payload: arg } : { kind: 'start' };
  return { kind: 'command', name: command ?? 'unknown', ...(arg ? { arg } : {}) };
}
