import { finding, type PiiFinding } from './pii-finding.js';

/** Names of platforms and words about accounts; one must stand near a pseudonym-shaped word. */
const PLATFORM =
  /(?<![A-Za-z0-9\u00C0-\u024F])(?:insta(?:gram)?|snap(?:chat)?|tik ?tok|twitter|grindr|discord|telegram|twitch|tinder|hornet|scruff|wapa|bumble|hinge|reddit|facebook|fb|whatsapp|youtube|steam|roblox|fortnite|psn|xbox|forum|serveur|server|compte|account|profil|profile|pseudo|username)(?![A-Za-z0-9\u00C0-\u024F])/i;

/** How far from a pseudonym (same line) a platform's name is looked for, in UTF-16 units. */
const WINDOW = 60;

/** Where a pseudonym-shaped word may be: a letter next to a digit, or a dot between letters. */
const SEED = /[A-Za-z\u00C0-\u024F](?:\d|\.[a-z])|\d[A-Za-z\u00C0-\u024F]/g;

/** Longest word looked at; longer runs of letters are never pseudonyms and are skipped at once. */
const MAX_WORD = 48;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLower = (ch: string): boolean => ch !== ch.toUpperCase();
const isUpper = (ch: string): boolean => ch !== ch.toLowerCase();

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c === 95 ||
  c === 46 ||
  (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);

/**
 * Whether a word is shaped like an account name rather than a word of prose: it starts with a
 * letter and mixes at least three letters with a digit ("tueur2pd", "PasseTonChemin34"), or joins
 * lower-case parts with a dot ("nono.34.off"). Codes in capitals and digits ("AB123CD", "CM2"),
 * ordinals and times ("3eme", "18h15") are not.
 */
function pseudonymShaped(word: string): boolean {
  if (word.length < 5 || word.length > 32 || (!isLower(word[0] ?? '') && !isUpper(word[0] ?? ''))) return false;
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c !== 46 && c !== 95) letters++;
  }
  if (letters < 3) return false;
  if (word === word.toUpperCase()) return false; // a code or a plate, not a pseudonym
  if (/^[a-z]{2}-?\d{3}-?[a-z]{2}$/i.test(word)) return false; // a plate typed in lower case
  if (digits > 0) return true;
  return /^[\p{Ll}\d]+(?:\.[\p{Ll}\d]+)+$/u.test(word) && !/\.(?:com|fr|net|org|io|me)$/.test(word);
}

/**
 * Finds pseudonym-shaped words ({@link pseudonymShaped}) with a platform's name on the same line
 * within {@link WINDOW} characters ("le compte principal est tueur2pd sur snap", "harcelé sur Grindr
 * par PasseTonChemin34"), at 0.7. Words inside an e-mail address or a link are left to those
 * scanners. Seeds are rare (a letter next to a digit), so most of the text is skipped by one regex.
 */
export function findPlatformPseudonyms(text: string, out: PiiFinding[]): void {
  SEED.lastIndex = 0;
  for (let m = SEED.exec(text); m !== null; m = SEED.exec(text)) {
    let start = m.index;
    while (start > 0 && m.index - start < MAX_WORD && isWordChar(text.charCodeAt(start - 1))) start--;
    let end = m.index + 1;
    while (end < text.length && end - start < MAX_WORD && isWordChar(text.charCodeAt(end))) end++;
    SEED.lastIndex = end;
    if (end - start >= MAX_WORD) {
      while (SEED.lastIndex < text.length && isWordChar(text.charCodeAt(SEED.lastIndex))) SEED.lastIndex++;
      continue;
    }
    if (start > 0 && isWordChar(text.charCodeAt(start - 1))) continue; // inside a longer run
    while (end > start && text.charCodeAt(end - 1) === 46) end--;
    const before = text.charCodeAt(start - 1);
    const after = text.charCodeAt(end);
    if (before === 64 || before === 47 || after === 64 || after === 47 || !pseudonymShaped(text.slice(start, end)))
      continue;
    let around = text.slice(Math.max(0, start - WINDOW), Math.min(text.length, end + WINDOW));
    const offset = start - Math.max(0, start - WINDOW);
    const lineStart = around.lastIndexOf('\n', offset) + 1;
    const lineEnd = around.indexOf('\n', offset);
    around = around.slice(lineStart, lineEnd === -1 ? around.length : lineEnd);
    if (PLATFORM.test(around)) out.push(finding('HANDLE', text, start, end, 0.7));
  }
}
