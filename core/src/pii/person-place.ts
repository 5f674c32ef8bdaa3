import { foldAccents, hasWord, LEXICON } from './lexicon.js';
import { NAME_PARTICLES, PLACE_PREPOSITIONS, PLACE_WORDS, TRAVEL_WORDS } from './person-cues.js';
import type { WordInfo, Words } from './person-words.js';

/**
 * Adjectives between a place word and the name it carries: "l'école primaire Jean Jaurès", "le
 * lycée professionnel Jules Ferry", "le collège privé Saint-Joseph".
 */
const PLACE_QUALIFIERS: ReadonlySet<string> = new Set([
  'primaire',
  'maternelle',
  'élémentaire',
  'elementaire',
  'privé',
  'privée',
  'prive',
  'privee',
  'public',
  'publique',
  'professionnel',
  'professionnelle',
  'pro',
  'technique',
  'technologique',
  'agricole',
  'international',
  'internationale',
  'municipal',
  'municipale',
  'universitaire',
  'hospitalier',
  'départemental',
  'departemental',
  'régional',
  'regional',
  'national',
  'nationale',
  'catholique',
  'protestant',
  'militaire',
  'central',
  'centrale',
  'polyvalent',
  'commercial',
  'sportif',
  'culturel',
  'intercommunal',
  'intercommunale',
]);

/**
 * English nouns that, right after a name, make it the name of a place: "the Jean Jaurès primary
 * school", "Saint-Roch station", "the Beaux-Arts tram stop".
 */
const PLACE_NOUNS_AFTER: ReadonlySet<string> = new Set([
  'school',
  'station',
  'stop',
  'street',
  'road',
  'avenue',
  'square',
  'hospital',
  'park',
  'college',
  'university',
  'district',
  'mall',
  'bridge',
  'church',
  'stadium',
  'library',
  'museum',
  'market',
  'hotel',
  'airport',
  'metro',
  'tram',
  'bus',
  'subway',
  'boulevard',
  'lane',
  'neighbourhood',
  'neighborhood',
  'campus',
]);

/** English words between a name and a place noun: "primary school", "tram stop", "high school". */
const PLACE_MODIFIERS_AFTER: ReadonlySet<string> = new Set([
  'primary',
  'high',
  'secondary',
  'middle',
  'elementary',
  'nursery',
  'train',
  'railway',
  'shopping',
  'police',
  'fire',
  'bus',
  'tram',
  'metro',
  'subway',
]);

/**
 * Verbs and adjectives of birth and residence: "née à Oran", "j'habite à Lunel", "originaire
 * d'Oran". A capitalised word right after them and a preposition is a place.
 */
const RESIDENCE_WORDS: ReadonlySet<string> = new Set([
  'né',
  'née',
  'nés',
  'nées',
  'nee',
  'born',
  'habite',
  'habites',
  'habitons',
  'habitez',
  'habitent',
  'habitais',
  'habitait',
  'habité',
  'habitais',
  'vis',
  'vit',
  'vivons',
  'vivez',
  'vivent',
  'vivais',
  'vivait',
  'vécu',
  'vecu',
  'réside',
  'reside',
  'résidons',
  'originaire',
  'originaires',
  'venu',
  'venue',
  'venus',
  'venues',
  'arrivé',
  'arrivée',
  'arrive',
  'arrivee',
  'déménagé',
  'déménagée',
  'demenage',
  'installé',
  'installée',
  'installe',
  'live',
  'lives',
  'lived',
  'living',
]);

/** Prepositions between a residence word and a place: "née à", "habite en", "originaire de", "lives in". */
const RESIDENCE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'à',
  'a',
  'au',
  'en',
  'de',
  'du',
  'in',
  'at',
  'près',
  'pres',
]);

/** The place words with and without their accents ("boite", "hopital", "ecole" as typed on a phone). */
const PLACE_WORD_SET: ReadonlySet<string> = new Set([...PLACE_WORDS, ...[...PLACE_WORDS].map(foldAccents)]);

const isPlaceWord = (lower: string): boolean => hasWord(PLACE_WORD_SET, lower) || hasWord(LEXICON.wayTypes, lower);

/** Whether word j is elided with `d'` ("fac de lettres", "école d'ingénieurs"). */
function afterDe(w: Words, j: number): boolean {
  const prefix = w.text.slice(w.t.prefixStarts[j], w.t.starts[j]).toLowerCase();
  if (prefix.startsWith('d')) return true;
  const before = w.lower(j - 1);
  return w.joined(j) && (before === 'de' || before === 'des' || before === 'du');
}

/**
 * Whether word i is part of the name of a place: a place word or way type stands before it, with
 * only capitalised words, particles, qualifiers ("école primaire"), complements ("fac de lettres",
 * "arrêt de bus") or, for a lower-case word, other lexicon names ("arret victor hugo") in between.
 */
function afterPlaceWord(w: Words, i: number, info: WordInfo): boolean {
  let j = i - 1;
  while (j >= 0 && j > i - 6 && w.joined(j + 1)) {
    const lower = w.lower(j);
    if (isPlaceWord(lower)) return true;
    const other = w.info(j);
    const nameLike = other.capital || NAME_PARTICLES.has(lower) || (!info.capital && (other.first || other.surname));
    const complement = !other.stop && lower.length > 2 && afterDe(w, j);
    if (!nameLike && !complement && !PLACE_QUALIFIERS.has(lower)) break;
    j--;
  }
  // Blanks only: after a comma the place is over ("à la fête du village, Quentin s'est fait…").
  if (j < 0 || !w.joined(j + 1)) return false;
  const before = w.lower(j);
  if (isPlaceWord(before)) return true;
  if (j !== i - 1 || !hasWord(LEXICON.communes, info.lower)) return false;
  if (PLACE_PREPOSITIONS.has(before)) return true;
  // A list of towns: "entre Rennes et Nancy", "Lyon ou Florence".
  return (
    (before === 'et' || before === 'ou') &&
    j > 0 &&
    w.joined(j) &&
    w.capital(j - 1) &&
    hasWord(LEXICON.communes, w.lower(j - 1))
  );
}

/**
 * Whether word i follows a verb of travel and "à", "jusqu'à" or "direction": a stop or a station
 * ("je descends à Jean Jaurès", "on a marché jusqu'à Jean Macé", "le tram direction Jacou").
 */
function afterTravel(w: Words, i: number): boolean {
  // Back over the first words of the stop's name: "jusqu'à Albert Londres".
  let k = i;
  while (
    k > 0 &&
    k > i - 3 &&
    w.joined(k) &&
    (w.capital(k - 1) || NAME_PARTICLES.has(w.lower(k - 1))) &&
    w.lower(k - 1) !== 'a'
  )
    k--;
  if (k < 1 || !w.joined(k)) return false;
  const prev = w.lower(k - 1);
  if (prev === 'direction') return true;
  if (prev !== 'à' && prev !== 'a' && prev !== 'au') return false;
  const elided = w.text.slice(w.t.prefixStarts[k - 1], w.t.starts[k - 1]).toLowerCase();
  if (elided.startsWith('jusqu')) return true;
  return k > 1 && w.joined(k - 1) && TRAVEL_WORDS.has(w.lower(k - 2));
}

/** Whether only blanks, digits and light punctuation (no sentence end) separate words a and b. */
function sameClause(w: Words, a: number, b: number): boolean {
  const gap = w.text.slice(w.t.ends[a], w.t.prefixStarts[b]);
  return gap.length <= 16 && !/[.!?;\n()…]/.test(gap.replace(/(\d)[.](\d)/g, '$1$2'));
}

/** Whether a capitalised word i follows a residence word and a preposition ("née à Oran", "originaire d'Oran"). */
function afterResidence(w: Words, i: number, info: WordInfo): boolean {
  if (!info.capital) return false;
  let j = i - 1;
  const prefix = w.text.slice(w.t.prefixStarts[i], w.t.starts[i]).toLowerCase();
  if (!prefix.startsWith('d')) {
    if (j < 0 || !w.joined(i) || !RESIDENCE_PREPOSITIONS.has(w.lower(j))) return false;
    j--;
  }
  // "je suis née le 23 octobre 1998 à Oran": up to three words back (digits are not words), in the
  // same sentence.
  for (let k = j; k >= 0 && k >= j - 3 && sameClause(w, k, k + 1); k--) {
    if (RESIDENCE_WORDS.has(w.lower(k))) return true;
  }
  return false;
}

/** Whether the name-like word i belongs to a place's name rather than a person's. */
export function inPlaceName(w: Words, i: number, info: WordInfo): boolean {
  return afterPlaceWord(w, i, info) || afterResidence(w, i, info) || afterTravel(w, i);
}

/** Whether the words after word `last` make the name before them a place ("Saint-Roch station"). */
export function placeNounAfter(w: Words, last: number): boolean {
  const next = last + 1;
  if (next >= w.t.count || !w.joined(next)) return false;
  const lower = w.lower(next);
  if (PLACE_NOUNS_AFTER.has(lower)) return true;
  return (
    PLACE_MODIFIERS_AFTER.has(lower) &&
    next + 1 < w.t.count &&
    w.joined(next + 1) &&
    PLACE_NOUNS_AFTER.has(w.lower(next + 1))
  );
}

/**
 * Whether words `from` to `to` are the full name of a famous person streets, stations and schools
 * are named after ("Jean Jaurès", "Victor Hugo", "jean-jacques rousseau"); the caller checks that
 * no cue makes it a person of the report.
 */
export function famousEponym(w: Words, from: number, to: number): boolean {
  const key = w.text
    .slice(w.t.prefixStarts[from], w.t.ends[to])
    .toLowerCase()
    .replace(/[\s-]+/g, ' ')
    .replace(/’/g, "'");
  return hasWord(LEXICON.eponyms, key);
}
