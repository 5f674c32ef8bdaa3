/**
 * Writes the labelled PII corpus, `core/data/pii-corpus/{tuning,heldout}.txt`, from the sentence
 * banks, with a fixed seed (the output is reproducible; review its diff when a bank changes).
 * Identifiers are invented, with valid checksums. Some texts are lower-cased or lose their
 * accents and apostrophes, as real reports typed on a phone do.
 *
 * Run: `npx tsx core/scripts/pii-corpus-generate.ts`
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CorpusBank } from './pii-corpus-bank.js';
import { heldoutBank } from './pii-corpus-heldout-bank.js';
import { tuningBank } from './pii-corpus-tuning-bank.js';
import { SeededRandom } from '../src/testing/seeded-random.js';
import { card, date, iban, ip, nir, phone, plate } from './pii-corpus-values.js';

const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const ascii = (s: string): string =>
  fold(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** A piece of a text: plain, or labelled with a kind. */
type Piece = { text: string; kind?: string };

function person(r: SeededRandom, bank: CorpusBank, slot: string): string {
  const first = (): string => (r.chance(0.12) ? fold(r.pick(bank.firstNames)) : r.pick(bank.firstNames));
  const surname = (): string => r.pick(bank.surnames);
  switch (slot) {
    case 'FIRST':
      return first();
    case 'first':
      return first().toLowerCase();
    case 'SURNAME':
      return surname();
    case 'surname':
      return surname().toLowerCase();
    case 'TITLE':
      return r.pick([
        `M. ${surname()}`,
        `Mme ${surname()}`,
        `Madame ${surname()}`,
        `Monsieur ${first()} ${surname()}`,
        `Mme ${first()} ${surname()}`,
        `M. ${surname().toUpperCase()}`,
      ]);
    case 'TITLE_EN':
      return r.pick([`Mr ${surname()}`, `Mrs ${surname()}`, `Mr. ${first()} ${surname()}`]);
    default: {
      const f = first();
      const s = surname();
      return r.pick([
        `${f} ${s}`,
        `${f} ${s}`,
        `${f} ${s}`,
        `${f} ${s.toUpperCase()}`,
        `${s.toUpperCase()} ${f}`,
        `${f} ${s}`.toLowerCase(),
      ]);
    }
  }
}

function address(r: SeededRandom, bank: CorpusBank, withCity: boolean): string {
  const suffix = r.pick(['', '', '', '', ' bis', ' ter', 'b']);
  const comma = r.chance(0.2) ? ',' : '';
  let street = r.pick(bank.streets);
  if (r.chance(0.15)) street = street.toLowerCase();
  const city =
    withCity && r.chance(0.4)
      ? `, ${r.pick(['34000', '34070', '30000', '13001', '75011', '69003', '31000', '44000'])} ${r.pick(bank.cities)}`
      : '';
  return `${r.between(1, 180)}${suffix}${comma} ${street}${city}`;
}

function fill(r: SeededRandom, bank: CorpusBank, slot: string): Piece {
  const pseudo = (): string => r.pick(bank.pseudonyms);
  const handleName = (): string => pseudo().replace(/[^A-Za-z0-9_]/g, '_');
  switch (slot) {
    case 'FIRST':
    case 'first':
    case 'FULL':
    case 'SURNAME':
    case 'surname':
    case 'TITLE':
    case 'TITLE_EN':
      return { text: person(r, bank, slot), kind: 'PERSON' };
    case 'PHONE':
      return { text: phone(r), kind: 'PHONE' };
    case 'EMAIL': {
      const local = r.pick([
        `${ascii(r.pick(bank.firstNames))}.${ascii(r.pick(bank.surnames))}`,
        `${ascii(r.pick(bank.firstNames))}${r.between(1, 99)}`,
        pseudo().toLowerCase(),
        `${ascii(r.pick(bank.firstNames)).slice(0, 1)}${ascii(r.pick(bank.surnames))}`,
      ]);
      return { text: `${local}@${r.pick(bank.emailDomains)}`, kind: 'EMAIL' };
    }
    case 'ADDR':
      return { text: address(r, bank, true), kind: 'ADDRESS' };
    case 'STREET_NUM':
      return { text: address(r, bank, false), kind: 'ADDRESS' };
    case 'PLATE':
      return { text: plate(r), kind: 'PLATE' };
    case 'PROFILE': {
      const p = handleName();
      return {
        text: r.pick([
          `https://www.instagram.com/${p}/`,
          `facebook.com/${ascii(r.pick(bank.firstNames))}.${ascii(r.pick(bank.surnames))}`,
          `https://www.tiktok.com/@${p}`,
          `twitter.com/${p}`,
          `https://x.com/${p}`,
          `www.facebook.com/profile.php?id=${r.digits(15)}`,
        ]),
        kind: 'URL',
      };
    }
    case 'URL':
      return {
        text: r.pick([
          `https://www.blog-patriote.fr/article/${r.between(100, 9999)}`,
          `www.forum-libre.com/t/${r.between(1000, 99999)}`,
          `youtube.com/watch?v=${r.digits(4)}Xk${r.digits(3)}`,
          `https://bit.ly/3xYz${r.between(10, 99)}`,
          `http://jeuxvideo.com/forums/42-51-${r.digits(8)}-1-0-1-0.htm`,
        ]),
        kind: 'URL',
      };
    case 'HANDLE':
      return { text: `@${handleName()}`, kind: 'HANDLE' };
    case 'TME':
      return { text: r.pick([`t.me/${handleName()}`, `https://t.me/${handleName()}`]), kind: 'HANDLE' };
    case 'PSEUDO':
      return { text: pseudo(), kind: 'HANDLE' };
    case 'BDATE':
      return { text: date(r, r.between(1965, 2008)), kind: 'BIRTHDATE' };
    case 'BDATE_EN':
      return { text: date(r, r.between(1965, 2008), true), kind: 'BIRTHDATE' };
    case 'NIR':
      return { text: nir(r, !r.chance(0.1)), kind: 'NIR' };
    case 'CARD':
      return { text: card(r), kind: 'CARD' };
    case 'IBAN':
      return { text: iban(r, r.chance(0.85) ? 'FR' : 'BE'), kind: 'IBAN' };
    case 'IP':
      return { text: ip(r), kind: 'IP' };
    case 'CITY':
      return { text: r.pick(bank.cities) };
    case 'STREET':
      return { text: r.pick(bank.streets) };
    case 'DATE':
      return { text: date(r, r.between(2023, 2025)) };
    case 'TIME':
      return { text: r.pick(['22h30', '23h', '18:45', 'minuit', '1h du matin', '19 h', '7h10']) };
    case 'LINE':
      return { text: String(r.pick([1, 2, 4, 7, 12, 32, 38])) };
    case 'STATION':
      return {
        text: r.pick(['Jean Jaurès', 'Saint-Roch', "Place de l'Europe", 'Louis Blanc', 'Charles de Gaulle - Étoile']),
      };
    default:
      throw new Error(`unknown slot {${slot}}`);
  }
}

function expand(r: SeededRandom, bank: CorpusBank, sentence: string): Piece[] {
  const pieces: Piece[] = [];
  let cursor = 0;
  for (const m of sentence.matchAll(/\{([A-Za-z_]+)\}/g)) {
    pieces.push({ text: sentence.slice(cursor, m.index) });
    pieces.push(fill(r, bank, m[1] ?? ''));
    cursor = m.index + m[0].length;
  }
  pieces.push({ text: sentence.slice(cursor) });
  return pieces;
}

/** Phone-typed noise on the unlabelled words: no accents, no apostrophes, or all lower case. */
function roughen(r: SeededRandom, pieces: Piece[]): Piece[] {
  const mode = r.next();
  if (mode < 0.06) return pieces.map((p) => ({ ...p, text: p.text.toLowerCase() }));
  if (mode < 0.14) return pieces.map((p) => (p.kind ? p : { text: fold(p.text).replace(/(\b[jJlLdDmMsS])'/g, '$1') }));
  return pieces;
}

function compose(r: SeededRandom, bank: CorpusBank): string {
  const sentences: string[] = [];
  if (r.chance(0.13)) {
    for (let i = r.between(1, 3); i > 0; i--) sentences.push(r.pick(bank.clean));
    if (r.chance(0.3)) sentences.push(r.pick(bank.closings));
  } else {
    sentences.push(r.pick(bank.incidents));
    if (r.chance(0.2)) sentences.push(r.pick(bank.clean));
    for (let i = r.between(0, 3); i > 0; i--) sentences.push(r.pick(bank.details));
    if (r.chance(0.15)) sentences.push(r.pick(bank.incidents));
    if (r.chance(0.6)) sentences.push(r.pick(bank.closings));
  }
  const pieces: Piece[] = [];
  sentences.forEach((s, i) => {
    if (i > 0) pieces.push({ text: r.chance(0.25) ? '\n' : ' ' });
    pieces.push(...expand(r, bank, s));
  });
  return roughen(r, pieces)
    .map((p) => (p.kind ? `[[${p.kind}|${p.text}]]` : p.text))
    .join('');
}

function write(part: string, bank: CorpusBank, seed: number, count: number): void {
  const r = new SeededRandom(seed);
  const texts = Array.from({ length: count }, () => compose(r, bank));
  const header = `# PII corpus, ${part} part: generated by core/scripts/pii-corpus-generate.ts (do not edit by hand).\n# Texts are separated by a line "%%"; labelled spans are written [[KIND|text]]. All identifiers are invented.`;
  const file = fileURLToPath(new URL(`../data/pii-corpus/${part}.txt`, import.meta.url));
  writeFileSync(file, `${header}\n%%\n${texts.join('\n%%\n')}\n`);
  console.log(`${part}: ${count} texts`);
}

write('tuning', tuningBank, 20240601, 360);
write('heldout', heldoutBank, 19990101, 160);
