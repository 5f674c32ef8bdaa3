import {
  ABBREVIATED_TITLES,
  CAPITALISED_ONLY_TITLES,
  FOREIGN_PARTICLES,
  NAME_COMPOUND_PREFIXES,
  NAME_PARTICLES,
  PLACE_WORDS,
} from './person-cues.js';
import type { Words } from './person-words.js';

/** Titles that never end a name: abbreviations and forms of address ("Kevin M. Dupont" is two). */
const ADDRESS_TITLES: ReadonlySet<string> = new Set([
  ...ABBREVIATED_TITLES,
  ...CAPITALISED_ONLY_TITLES,
  'monsieur',
  'madame',
  'mademoiselle',
  'messieurs',
  'mister',
  'miss',
  'sir',
]);

/** Whether word j continues a name ("Kevin Lemoine", "jean-pierre da silva"). */
function continuesName(w: Words, j: number): boolean {
  if (j >= w.t.count || !w.joined(j)) return false;
  const info = w.info(j);
  if (info.stop && !NAME_PARTICLES.has(info.lower)) return false;
  // A capitalised title word after a name is a surname ("Louis Pasteur"), unless it is a form of address.
  if (info.capital) return !ADDRESS_TITLES.has(info.lower) && !PLACE_WORDS.has(info.lower);
  return (info.surname || (info.first && !info.ambiguous)) && info.lower.length >= 3;
}

/**
 * Whether the particle j and the word after it are a surname: capitalised ("Da Silva", "Le Goff"),
 * a lexicon surname, a two-word surname of the lexicon ("le gall"), or, after a particle that is
 * no French word, any word in lower case too ("van damme", "ben salah").
 */
export function particleSurname(w: Words, j: number): boolean {
  const t = w.t;
  if (j + 1 >= t.count || !NAME_PARTICLES.has(w.lower(j)) || !w.joined(j + 1)) return false;
  const next = w.info(j + 1);
  if (next.stop) return false;
  if (next.capital || next.surname || w.pairSurname(j)) return true;
  return FOREIGN_PARTICLES.has(w.lower(j)) && next.lower.length >= 3;
}

/**
 * Whether the particle i, no French word, starts a surname with the unambiguous lexicon name after
 * it, in lower case too: "le proprio ben salah", "mme el idrissi".
 */
export function foreignParticleName(w: Words, i: number): boolean {
  if (!FOREIGN_PARTICLES.has(w.lower(i)) || i + 1 >= w.t.count || !w.joined(i + 1)) return false;
  const next = w.info(i + 1);
  return !next.stop && !next.ambiguous && (next.first || next.surname) && next.lower.length >= 3;
}

/**
 * Whether word j is an initial after a name: "Sébastien G.", "Karim B." (not "M." before a
 * capitalised name, which is a title: "Kevin M. Dupont" is two people).
 */
function initialAfterName(w: Words, j: number): boolean {
  const t = w.t;
  if (j >= t.count || !w.joined(j) || (t.ends[j] ?? 0) - (t.starts[j] ?? 0) !== 1 || !w.capital(j)) return false;
  if (w.text.charCodeAt(t.ends[j] ?? 0) !== 46) return false;
  return !(w.lower(j) === 'm' && j + 1 < t.count && w.capital(j + 1));
}

/**
 * The last word of the name whose first word (after any title) is `nameStart`: widened over the
 * other first names, surnames, particles and an initial ("Jean-Pierre Da Silva", "Sébastien G.").
 */
export function nameEnd(w: Words, nameStart: number): number {
  const t = w.t;
  let last = nameStart;
  // A name that starts with its particle: "le gall", "da silva".
  if (NAME_PARTICLES.has(w.lower(nameStart)) && (particleSurname(w, nameStart) || foreignParticleName(w, nameStart)))
    last = nameStart + 1;
  for (let k = 0; k < 4; k++) {
    const j = last + 1;
    if (j >= t.count) break;
    if (NAME_PARTICLES.has(w.lower(j))) {
      if (!w.joined(j) || !particleSurname(w, j)) break;
      last = j + 1;
    } else if (continuesName(w, j)) {
      last = j;
    } else {
      if (initialAfterName(w, j)) last = j;
      break;
    }
  }
  return last;
}

/**
 * The offset where the name inside a compound word i starts, or -1: "un groupe anti-Noah",
 * "team-Lina". The part after the prefix must be a capitalised name or an unambiguous first name.
 */
export function nameInCompound(w: Words, i: number, isName: (part: string, capital: boolean) => boolean): number {
  const start = w.t.starts[i] ?? 0;
  const lower = w.lower(i);
  const hyphen = lower.indexOf('-');
  if (hyphen < 2 || !NAME_COMPOUND_PREFIXES.has(lower.slice(0, hyphen))) return -1;
  const part = lower.slice(hyphen + 1);
  if (part.length < 2 || part.includes('-')) return -1;
  const ch = w.text[start + hyphen + 1] ?? '';
  return isName(part, ch !== ch.toLowerCase()) ? start + hyphen + 1 : -1;
}
