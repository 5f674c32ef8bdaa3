import { finding, type PiiFinding } from './pii-finding.js';

/** Names of platforms and words about accounts; a pseudonym is looked for around each one. */
const PLATFORM =
  /(?<![\p{L}\p{N}])(?:insta(?:gram)?|snap(?:chat)?|tik ?tok|twitter|grindr|discord|telegram|twitch|tinder|hornet|scruff|wapa|bumble|hinge|reddit|facebook|fb|whatsapp|youtube|steam|roblox|fortnite|psn|xbox|forum|serveur|server|compte|account|profil|profile|pseudo|username)(?![\p{L}\p{N}])/giu;

/** How far from a platform's name (same line) a pseudonym is looked for, in UTF-16 units. */
const WINDOW = 60;

// Bounded, so that a very long run of letters costs its length once, not once per platform name.
const TOKEN = /[\p{L}\p{N}_.]{1,48}/gu;
const TOKEN_CHAR = /[\p{L}\p{N}_.]/u;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLower = (ch: string): boolean => ch !== ch.toUpperCase();
const isUpper = (ch: string): boolean => ch !== ch.toLowerCase();

/**
 * Whether a word is shaped like an account name rather than a word of prose: it starts with a
 * letter and mixes at least three letters with a digit ("tueur2pd", "PasseTonChemin34"), or joins
 * lower-case parts with a dot ("nono.34.off"). Codes in capitals and digits ("AB123CD", "CM2"),
 * ordinals and times ("3eme", "18h15") are not.
 */
export function pseudonymShaped(word: string): boolean {
  if (word.length < 5 || word.length > 32 || !isLower(word[0] ?? '') && !isUpper(word[0] ?? '')) return false;
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
 * Finds pseudonym-shaped words ({@link pseudonymShaped}) on the same line as a platform's name and
 * within {@link WINDOW} characters of it ("le compte principal est tueur2pd sur snap", "harcelé sur
 * Grindr par PasseTonChemin34"), at 0.7. Words inside an e-mail address or a link are left to
 * those scanners.
 */
export function findPlatformPseudonyms(text: string, out: PiiFinding[]): void {
  let scannedTo = 0;
  PLATFORM.lastIndex = 0;
  for (let m = PLATFORM.exec(text); m !== null; m = PLATFORM.exec(text)) {
    // The window, cut at line breaks (searched within the window only, to stay linear).
    let from = Math.max(scannedTo, m.index - WINDOW);
    const lineBreakBefore = text.slice(from, m.index).lastIndexOf('\n');
    if (lineBreakBefore !== -1) from += lineBreakBefore + 1;
    let to = Math.min(text.length, m.index + m[0].length + WINDOW);
    const lineBreakAfter = text.slice(m.index, to).indexOf('\n');
    if (lineBreakAfter !== -1) to = m.index + lineBreakAfter;
    TOKEN.lastIndex = from;
    for (let t = TOKEN.exec(text); t !== null && t.index < to; t = TOKEN.exec(text)) {
      // A piece of a longer word (cut by the window or by the bound of TOKEN) is never a pseudonym.
      if (TOKEN_CHAR.test(text[t.index - 1] ?? '') || TOKEN_CHAR.test(text[t.index + t[0].length] ?? '')) continue;
      let word = t[0];
      while (word.endsWith('.')) word = word.slice(0, -1);
      const before = text.charCodeAt(t.index - 1);
      const after = text.charCodeAt(t.index + word.length);
      if (before === 64 || before === 47 || after === 64 || after === 47 || !pseudonymShaped(word)) continue;
      out.push(finding('HANDLE', text, t.index, t.index + word.length, 0.7));
    }
    scannedTo = Math.max(scannedTo, to);
  }
}
