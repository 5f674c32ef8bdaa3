import type { FlowCommand } from '../flow-types.js';
import { normaliseText } from './normalise-text.js';

/**
 * Commands typed as a bare word, without the slash nobody types on the web: "annuler", "cancel",
 * "stop", "suivi", "supprimer", "menu", "langue", "language" (the words the web texts show). ("aide", "help", "urgence", "sos" are calls for help, answered with
 * the emergency guidance: see `danger-words.ts`.)
 */
const WORDS: ReadonlyMap<string, FlowCommand> = new Map([
  ['annuler', 'cancel'],
  ['annule', 'cancel'],
  ['annulez', 'cancel'],
  ['annuler le signalement', 'cancel'],
  ['je veux annuler', 'cancel'],
  ['abandonner', 'cancel'],
  ['arreter', 'cancel'],
  ['arrete', 'cancel'],
  ['stop', 'cancel'],
  ['cancel', 'cancel'],
  ['cancel the report', 'cancel'],
  ['suivi', 'suivi'],
  ['status', 'suivi'],
  ['supprimer', 'supprimer'],
  ['erase', 'supprimer'],
  ['menu', 'help'],
  ['commandes', 'help'],
  ['commands', 'help'],
  ['langue', 'lang'],
  ['changer de langue', 'lang'],
  ['language', 'lang'],
  ['change language', 'lang'],
]);

/** The command a message typed as a bare word means ("Annuler !" → `cancel`), or undefined. */
export function commandWord(text: string): FlowCommand | undefined {
  const word = normaliseText(text)
    .replace(/^\/+/, '')
    .replace(/[.!?]+$/, '')
    .trim();
  return word.length > 30 ? undefined : WORDS.get(word);
}
