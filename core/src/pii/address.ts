import wayTypes from './lexicon/way-types.json' with { type: 'json' };
import { FUNCTION_WORDS } from './function-words.js';
import { hasWord, LEXICON } from './lexicon.js';
import { finding, type PiiFinding } from './pii-finding.js';

/** Way types after which a lower-case street name is trusted ("14 rue des lilas"). */
const STRONG_TYPES = new Set([
  'rue',
  'avenue',
  'av',
  'ave',
  'boulevard',
  'bd',
  'bld',
  'blvd',
  'place',
  'allée',
  'allee',
  'chemin',
  'chem',
  'impasse',
  'imp',
  'quai',
  'route',
  'rte',
  'square',
  'sq',
  'cours',
  'cité',
  'cite',
  'résidence',
  'residence',
  'passage',
  'faubourg',
  'fbg',
  'fg',
  'promenade',
  'esplanade',
  'sentier',
  'ruelle',
  'traverse',
  'lotissement',
  'hameau',
  'lieu-dit',
  'lieu dit',
  'lieudit',
  'rond-point',
  'rond point',
  'montée',
  'montee',
  'voie',
  'villa',
  'clos',
  'domaine',
  'venelle',
  'chaussée',
  'chaussee',
  'corniche',
  'parvis',
  'street',
  'road',
  'lane',
  'drive',
  'grande rue',
  'petite rue',
  'grand rue',
]);

const PARTICLES = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'aux',
  'au',
  'sur',
  'sous',
  'en',
  'et',
  'saint',
  'sainte',
  'st',
  'ste',
  'the',
  'of',
  'à',
  'a',
]);

/**
 * Particles that are also everyday prepositions and conjunctions ("… Gambetta en les traitant de…",
 * "… des Lilas et il m'a…"): inside a street name they are followed by a capitalised word ("rue
 * Pierre et Marie Curie", "chemin des Carrières sur Seine"), so after them a lower-case word ends it.
 */
const LINKING_PARTICLES = new Set(['sur', 'sous', 'en', 'et', 'à', 'a', 'au', 'aux', 'the', 'of']);

const MONTHS = new Set([
  'janvier',
  'février',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
  'decembre',
]);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[\\s-]{1,2}');
const TYPES = [...new Set(wayTypes)]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');

// Number (1-4 digits) with its suffix (bis, ter, quater, a-d), an optional comma, then a way type.
const START = new RegExp(
  `(?<![\\p{L}\\p{N}:./,])\\d{1,4}(?:\\s?(?:bis|ter|quater|[a-d])(?![\\p{L}\\p{N}]))?\\s{0,2},?\\s{1,3}(${TYPES})(?:\\.|(?![\\p{L}\\p{N}]))`,
  'giu',
);
const WORD = /[^\S\n]{0,3}([\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*)/uy;
const POSTAL_CITY =
  /,?[^\S\n]{0,3}(?:\d{5}|\d{2} \d{3})[^\S\n]{1,3}(\p{L}[\p{L}\p{M}'’-]*)(?:[^\S\n](?:sur|sous|en|de|du|la|le|les)[^\S\n]\p{Lu}[\p{L}\p{M}'’-]*)?(?:[^\S\n]{1,2}cedex(?:[^\S\n]\d{1,2})?)?/iuy;

// A number right after a transport line word is the line's ("ligne 13, station Gaîté"), not a house's.
const LINE_BEFORE = /(?:^|[^\p{L}])(?:ligne|line|bus|tram|tramway|métro|metro|rer)[^\S\n]{1,3}$/iu;

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';

/** Where the street name that starts at `pos` ends, or -1 if there is none. */
function streetNameEnd(text: string, pos: number, strong: boolean): number {
  let end = -1;
  let words = 0;
  let afterParticle = false;
  let afterLinking = false;
  for (let i = 0; i < 10; i++) {
    WORD.lastIndex = pos;
    const m = WORD.exec(text);
    if (m === null) break;
    const token = m[1] ?? '';
    const lower = token.toLowerCase();
    const tokenEnd = WORD.lastIndex;
    const elided = /^[ld]['’]./i.test(token);
    if (!elided && PARTICLES.has(lower.replace(/\.$/, ''))) {
      if (words > 0 && LINKING_PARTICLES.has(lower)) afterLinking = true;
      afterParticle = true;
      pos = tokenEnd;
      continue;
    }
    const head = elided ? token.slice(2) : token;
    const first = head[0] ?? '';
    const capital = isUpper(first) || isDigit(first);
    let accept: boolean;
    if (words === 0) {
      accept = capital || (strong && head.length > 1 && !FUNCTION_WORDS.has(head.toLowerCase()));
    } else {
      // Lower-case continuations ("place jean jaurès", "avenue du pont juvénal") up to four words.
      accept =
        capital ||
        (!afterLinking &&
          (MONTHS.has(lower) ||
            (!FUNCTION_WORDS.has(head.toLowerCase()) && (afterParticle || words < 3) && head.length > 1)));
    }
    if (!accept) break;
    end = tokenEnd;
    words++;
    afterParticle = false;
    afterLinking = false;
    pos = tokenEnd;
  }
  return end;
}

/**
 * Finds numbered street addresses ("14 rue des Lilas", "3 bis avenue de Lodève", "8, place de la
 * Canourgue"), with the postal code and city when they follow. Way types come from the official
 * list (see `core/data/pii/SOURCES.md`). 0.9, or 0.75 after a way type that is also a common noun.
 */
export function findAddresses(text: string, out: PiiFinding[]): void {
  START.lastIndex = 0;
  for (let m = START.exec(text); m !== null; m = START.exec(text)) {
    const type = (m[1] ?? '').toLowerCase().replace(/[\s-]+/g, ' ');
    if (LINE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const strong = STRONG_TYPES.has(type) || STRONG_TYPES.has(type.replace(' ', '-'));
    let end = streetNameEnd(text, m.index + m[0].length, strong);
    if (end < 0) continue;
    POSTAL_CITY.lastIndex = end;
    const city = POSTAL_CITY.exec(text);
    if (city !== null) {
      const name = city[1] ?? '';
      if (isUpper(name[0] ?? '') || hasWord(LEXICON.communes, name.toLowerCase())) end = POSTAL_CITY.lastIndex;
    }
    out.push(finding('ADDRESS', text, m.index, end, strong ? 0.9 : 0.75));
    START.lastIndex = end;
  }
}
