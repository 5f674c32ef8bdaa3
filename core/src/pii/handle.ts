import { wordBefore } from './chars.js';
import { isLocalCode } from './email.js';
import { finding, type PiiFinding } from './pii-finding.js';
import { findPlatformPseudonyms } from './platform-pseudonym.js';

function isHandleCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 46
  );
}

// A pseudonym introduced as such: "mon pseudo est lolo_34", "son insta : darkangel", "alias Zorro".
const INTRODUCED =
  /(?:((?:pseudo(?:nyme)?s?|username|user name|nom d['’]utilisateur|alias|identifiant|handle)(?:\s{1,3}(?:sur|on|de|du)(?:\s{1,3}(?:le|la|les|the)|\s{0,3}l['’])?\s{0,3}[A-Za-z\u00C0-\u024F]{2,12})?)|(?:(?:sur|on|son|mon|ton|her|his|my|compte|profil|account)\s{1,3})(?:insta(?:gram)?|snap(?:chat)?|tiktok|twitter|grindr|discord|telegram|twitch|tinder|hornet|scruff|wapa|bumble|reddit|x))(?:\s{0,3}(?:est|était|etait|c['’]est|c['’]était|is|was|:|=|-|→)){0,2}\s{0,3}[«"“'‘]?\s{0,2}([A-Za-z0-9\u00C0-\u024F_.-]{2,40})/gi;

/** Whether a token after a platform name ("sur insta kevin") looks like an account name. */
const PSEUDO_SHAPE = /[\d_.]/;

function isPseudoCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

/** Words that can follow a pseudonym cue without being a pseudonym. */
const NOT_PSEUDO = new Set([
  'le',
  'la',
  'les',
  'un',
  'une',
  'de',
  'du',
  'des',
  'et',
  'il',
  'elle',
  'on',
  'je',
  'qui',
  'que',
  'en',
  'à',
  'a',
  'au',
  'est',
  'mais',
  'aussi',
  'the',
  'and',
  'is',
  'was',
  'with',
  'a',
  'an',
  'of',
  'dont',
  'avec',
  'pour',
  'par',
  'sur',
  'dans',
  'était',
  'etait',
  'me',
  'm',
  'nous',
  'ils',
  'elles',
  'ce',
  'cet',
  'cette',
  'anonyme',
  'inconnu',
  'privé',
  'prive',
  'fake',
  'faux',
  'hier',
  'then',
  'story',
  'stories',
  'message',
  'messages',
  'dm',
  'mp',
  'pendant',
  'depuis',
  'il',
  'y',
  'ses',
  'son',
  'sa',
  'mon',
  'ma',
  'mes',
  'ici',
  'là',
  'partout',
  'encore',
  'pas',
  'plus',
  'non',
  'oui',
  'rien',
  'here',
  'there',
  'not',
]);

/** "rien d'identifiant", "de pseudonyme": the cue word used as an adjective or a plain noun. */
const CUE_AFTER_DE = /(?:\b[dD]['’]|\bde\s{1,3})$/;

// A Reddit user ("u/sunny_side_89"), not inside a link.
const REDDIT_USER = /(?<![\p{L}\p{N}/._-])u\/[A-Za-z0-9_-]{3,20}(?![A-Za-z0-9_/-])/gu;

/**
 * Finds account names: `@name` (0.9), Reddit's `u/name` (0.9), pseudonyms introduced as such
 * ("mon pseudo est lolo_34", "son snap : darkangel", 0.85), bare underscore pseudonyms
 * (`kevin_du_34`, 0.75) and pseudonym-shaped words next to a platform's name (see
 * {@link findPlatformPseudonyms}). `t.me/…` links are found by the link scanner.
 */
export function findHandles(text: string, out: PiiFinding[]): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && isLocalCode(text.charCodeAt(at - 1))) continue; // an e-mail address
    let end = at + 1;
    while (end < text.length && end - at <= 31 && isHandleCode(text.charCodeAt(end))) end++;
    while (end > at + 1 && text.charCodeAt(end - 1) === 46) end--;
    if (end - at < 3) continue;
    out.push(finding('HANDLE', text, at, end, 0.9));
  }
  REDDIT_USER.lastIndex = 0;
  for (let m = REDDIT_USER.exec(text); m !== null; m = REDDIT_USER.exec(text)) {
    out.push(finding('HANDLE', text, m.index, m.index + m[0].length, 0.9));
  }
  INTRODUCED.lastIndex = 0;
  for (let m = INTRODUCED.exec(text); m !== null; m = INTRODUCED.exec(text)) {
    if (wordBefore(text, m.index)) {
      INTRODUCED.lastIndex = m.index + 1; // inside a longer word ("pseudoscience")
      continue;
    }
    if (m[1] !== undefined && CUE_AFTER_DE.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    const raw = m[2] ?? '';
    let name = raw;
    while (name.endsWith('.') || name.endsWith('-')) name = name.slice(0, -1);
    if (name.length < 2 || NOT_PSEUDO.has(name.toLowerCase())) continue;
    const explicit = m[1] !== undefined || /[:=→]/.test(m[0].slice(0, -raw.length));
    if (!explicit && !PSEUDO_SHAPE.test(name)) continue;
    const end = m.index + m[0].length - (raw.length - name.length);
    out.push(finding('HANDLE', text, end - name.length, end, 0.85));
  }
  // A bare token shaped like a pseudonym: letters and digits joined by underscores ("kevin_du_34").
  let lastEnd = 0;
  for (let u = text.indexOf('_'); u !== -1; u = text.indexOf('_', Math.max(u + 1, lastEnd))) {
    let start = u;
    while (start > 0 && u - start < 30 && isPseudoCode(text.charCodeAt(start - 1))) start--;
    let end = u + 1;
    while (end < text.length && end - u < 30 && isPseudoCode(text.charCodeAt(end))) end++;
    lastEnd = end;
    const before = text.charCodeAt(start - 1);
    const after = text.charCodeAt(end);
    // part of an e-mail, a link or a longer word: left to those scanners
    if (before === 64 || before === 46 || before === 47 || after === 64) continue;
    if (text.charCodeAt(start) === 95 || text.charCodeAt(end - 1) === 95 || (start === u && end === u + 1)) continue;
    out.push(finding('HANDLE', text, start, end, 0.75));
  }
  findPlatformPseudonyms(text, out);
}
