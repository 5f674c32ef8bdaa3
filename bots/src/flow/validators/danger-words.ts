import { normaliseText } from './normalise-text.js';

/** Words and phrases (normalised) that call for the emergency guidance at once, in French or English. */
const DANGER_PHRASES = [
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

/** Words that are a call for help only when the whole message is that word ("aide"; "j'ai besoin d'aide pour porter plainte" is not). */
const BARE_CALLS = ['aide', 'aidez', 'pitie', 'please help', 'scared', 'peur'] as const;

/**
 * Present-tense sentences that say the person is in danger right now, as people type them in
 * distress: no accents, no apostrophe, SMS spelling ("jai peur", "g peur", "il est tjrs la",
 * "hes still here"). Each is a regular expression source matched on the normalised text, as words.
 * Past tenses ("j'avais peur", "il m'a suivi", "il me suivait") are deliberately not here: a danger
 * told in the narrative is part of the story, not a call for help now.
 */
const DANGER_NOW_PATTERNS = [
  // French: the aggressor still there, being followed, threatened now, hiding.
  '(?:il|elle|ils|elles|on|le mec|le gars|le type) (?:est|sont|es|et) (?:encore|toujours|tjrs|tjs|tjr) (?:la|ici|dehors|devant|en bas)',
  "(?:il|elle|ils|elles|on|quelqu'un|qqn|qq1) (?:me|m) ?(?:suit|suis|suivent|suive)",
  "je (?:suis|sui) (?:suivie?|suivi·e|poursuivie?|en train d'etre suivie?)",
  "(?:il|elle|ils|elles|on) (?:m ?'? ?|me )?attend(?:ent)? (?:dehors|devant|en bas|en bas de chez moi)",
  '(?:il|elle|ils|elles|on) (?:va|vont|veut|veulent) me (?:tuer|frapper|taper|buter|defoncer|agresser|violer)',
  '(?:venez|viens|venir) vite',
  "(?:je me cache|j ?'? ?suis cache(?:e)?|je suis enferme(?:e)?)",
  "aidez[ -]?moi|aide[ -]?moi|a l ?'? ?aide",
  // English.
  "(?:he'?s|hes|he is|she'?s|shes|she is|they'?re|theyre|they are|someone'?s|someone is) (?:still )?(?:here|outside|at the door|waiting for me)",
  "(?:he'?s|hes|he is|she'?s|shes|she is|they'?re|theyre|they are|someone'?s|someone is|somebody is) (?:following|chasing) me",
  '(?:he|she|they|someone|somebody) (?:follows|follow|is after) me',
  "(?:i'?m|i am|im) being (?:followed|chased)",
  '(?:he|she|they) (?:is going|are going|wants|want|is gonna|are gonna|will) (?:to )?(?:kill|hurt|beat|attack) me',
  'help me(?: (?:pls|plz|please|now))?|please help|pls help|plz help',
] as const;

/**
 * Fear said now ("jai peur", "I'm scared"). In a long narrative this is often about the future
 * ("j'ai peur de retourner au bar"), so it calls for the guidance only where a danger word does:
 * at a question, outside a report, or in a short description message.
 */
const FEAR_NOW_PATTERNS = [
  "(?:j ?'? ?ai|g|jai) (?:tres |trop |tellement |vraiment |grave )?peur",
  "(?:i'?m|i am|im) (?:so |really |very )?(?:scared|afraid|terrified|frightened)",
] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_BEFORE = '(?:^|[^\\p{L}\\p{N}@._-])';
const WORD_AFTER = '(?=$|[^\\p{L}\\p{N}@._-])';
const anyPhrase = new RegExp(`${WORD_BEFORE}(?:${DANGER_PHRASES.map(escape).join('|')})${WORD_AFTER}`, 'u');
const dangerNow = new RegExp(`${WORD_BEFORE}(?:${DANGER_NOW_PATTERNS.join('|')})${WORD_AFTER}`, 'u');
const fearNow = new RegExp(`${WORD_BEFORE}(?:${FEAR_NOW_PATTERNS.join('|')})${WORD_AFTER}`, 'u');
const POLITE = '(?: (?:svp|stp|sil vous plait|please|pls|plz|vite|quick|now|asap|urgent))*';
const onlyPhrase = new RegExp(`^(?:${[...DANGER_PHRASES, ...BARE_CALLS].map(escape).join('|')})${POLITE}$`, 'u');

/** Text as matched: normalised, emojis and punctuation between words read as spaces. */
function matchable(text: string): string {
  return normaliseText(text.replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, ' ').replace(/[,;:!?…()"«»]+/g, ' '));
}

/** Whether a message says the person is in danger right now ("il est encore là", "il me suit", "he's still here"), whatever its length; fear alone ("jai peur") is not enough, see `mentionsDanger`. */
export function saysInDangerNow(text: string): boolean {
  return dangerNow.test(matchable(text));
}

/** Whether a message says the person is afraid right now ("jai peur", "I'm scared"). */
export function saysFearNow(text: string): boolean {
  return fearNow.test(matchable(text));
}

/** Whether a message contains a word of danger ("urgence", "au secours", "help"…), as a word, says the person is in danger now, or afraid now. */
export function mentionsDanger(text: string): boolean {
  const normalised = matchable(text);
  return anyPhrase.test(normalised) || dangerNow.test(normalised) || fearNow.test(normalised);
}

/** Whether a message is nothing but a call for help ("Au secours !", "HELP please", "aide", "sos"). */
export function isCallForHelp(text: string): boolean {
  return onlyPhrase.test(matchable(text).replace(/[.]+/g, ' ').replace(/\s+/g, ' ').trim());
}

/** A free-text message this short that mentions danger or fear is probably a call for help. */
export const SHORT_MESSAGE = 80;

/**
 * Whether free text (a description message, an answer to the association) calls for help now: a
 * present danger at any length, or, in a short message, a word of danger or fear said now ("jai
 * peur"). A long text that speaks of fear is usually telling the story ("j'ai peur d'y retourner").
 */
export function freeTextCallsForHelp(text: string): boolean {
  return saysInDangerNow(text) || (text.length <= SHORT_MESSAGE && mentionsDanger(text));
}
