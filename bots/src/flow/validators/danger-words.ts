import { normaliseText } from './normalise-text.js';

/** Words and phrases (normalised) that call for the emergency guidance at once, in French or English. */
export const DANGER_PHRASES = [
  'urgence',
  'urgent',
  'urgente',
  'danger',
  'en danger',
  'au secours',
  'secours',
  "a l'aide",
  'a laide',
  'aidez moi',
  'aidez-moi',
  'aide moi',
  'aide-moi',
  'help',
  'help me',
  'emergency',
  'sos',
  'je suis en danger',
  "i'm in danger",
  'i am in danger',
] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyPhrase = new RegExp(`(?:^|[^\\p{L}\\p{N}@._-])(?:${DANGER_PHRASES.map(escape).join('|')})(?=$|[^\\p{L}\\p{N}@._-])`, 'u');
const onlyPhrase = new RegExp(`^(?:${DANGER_PHRASES.map(escape).join('|')})(?: (?:svp|stp|please|vite|quick|now))?$`, 'u');

/** Whether a message contains a word of danger ("urgence", "au secours", "help"…), as a word. */
export function mentionsDanger(text: string): boolean {
  return anyPhrase.test(normaliseText(text));
}

/** Whether a message is nothing but a call for help ("Au secours !", "HELP please"). */
export function isCallForHelp(text: string): boolean {
  return onlyPhrase.test(normaliseText(text).replace(/[!?.,;:…\s]+$/g, '').replace(/^[!?.,;:…\s]+/g, '').replace(/[!?.,]+/g, ''));
}
