/**
 * Regenerates the lexicons of the PII detector (`core/src/pii/lexicon/*.json`) from open data shipped
 * in npm packages, plus the hand-written supplements of `core/data/pii/`. Sources and licences are
 * recorded in `core/data/pii/SOURCES.md`.
 *
 * Run from the repository root: `npx tsx core/scripts/pii-lexicon-generate.ts`
 * (it installs the pinned source packages into a temporary folder; only the npm registry is needed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FUNCTION_WORDS } from '../src/pii/function-words.js';
import { foldAccents } from '../src/pii/fold-accents.js';

/** Pinned source packages: bump a version here, rerun, review the diff of the lexicons. */
const SOURCES = [
  '@faker-js/faker@10.6.0',
  '@etalab/decoupage-administratif@6.0.0',
  '@etalab/normadresse@1.2.0',
  'an-array-of-french-words@2.0.0',
  'an-array-of-english-words@2.0.0',
  'stopwords-fr@0.3.0',
];

/**
 * faker-js locales whose (Latin-script) person names are common among people living in France:
 * French-speaking, Western European, Turkish and Kurdish, Eastern European (Czech, Slovak,
 * Croatian, Serbian, Hungarian), Vietnamese and West African (Ghana, Nigeria) ones.
 */
const NAME_LOCALES = [
  'fr',
  'fr_BE',
  'fr_CH',
  'fr_SN',
  'en',
  'es',
  'it',
  'pt_PT',
  'pt_BR',
  'de',
  'de_AT',
  'nl',
  'tr',
  'ku_kmr_latin',
  'pl',
  'ro',
  'cs_CZ',
  'sk',
  'hr',
  'sr_RS_latin',
  'hu',
  'vi',
  'en_GH',
  'en_NG',
  'yo_NG',
];

/** normadresse rule fragments that are not way types on their own. */
const NOT_WAY_TYPES = new Set(['la pierre', 'central', 'centre cial']);

const coreDir = fileURLToPath(new URL('..', import.meta.url));
const dataDir = join(coreDir, 'data', 'pii');
const outDir = join(coreDir, 'src', 'pii', 'lexicon');

function readList(file: string): string[] {
  return readFileSync(join(dataDir, file), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function flatten(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(flatten);
  return typeof value === 'string' ? [value] : [];
}

const isLatinName = (name: string): boolean => /^[\p{Script=Latin}][\p{Script=Latin}' -]*$/u.test(name);

function write(name: string, values: Iterable<string>): void {
  const sorted = [...new Set(values)].sort();
  writeFileSync(join(outDir, name), `${JSON.stringify(sorted, null, 0).replaceAll('","', '",\n"')}\n`);
  console.log(`${name}: ${sorted.length} entries`);
}

const work = mkdtempSync(join(tmpdir(), 'relais-pii-lexicon-'));
try {
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', work, ...SOURCES], {
    stdio: 'inherit',
  });
  const require = createRequire(join(work, 'node_modules', 'x.js'));
  const faker = require('@faker-js/faker') as Record<
    string,
    { person?: { first_name?: unknown; last_name?: unknown } }
  >;
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as { nom: string }[];
  const rules = require('@etalab/normadresse/rules.json') as Record<string, { long: string }[]>;
  const frenchWords = new Set((require('an-array-of-french-words/index.json') as string[]).map((w) => w.toLowerCase()));
  const englishWords = new Set(
    (require('an-array-of-english-words/index.json') as string[]).map((w) => w.toLowerCase()),
  );
  const stopwords = new Set((require('stopwords-fr/stopwords-fr.json') as string[]).map((w) => w.toLowerCase()));
  for (const w of readList('not-names.txt')) stopwords.add(w);

  const firstNames = new Set<string>();
  const surnames = new Set<string>();
  // Names of the locales other than the French-speaking ones, kept apart to drop those that, once
  // their accents are dropped, are ordinary words (Czech "Vít" read as "vit", Vietnamese "Thế" as "the").
  const foreign = new Set<string>();
  for (const locale of NAME_LOCALES) {
    const before = new Set([...firstNames, ...surnames]);
    const person = faker[locale]?.person;
    for (const n of flatten(person?.first_name)) {
      if (!isLatinName(n)) continue;
      firstNames.add(n.toLowerCase());
      // Given names of two words ("Bình Minh", "Ana Clara") are also written alone.
      for (const part of n.toLowerCase().split(' ')) if (part.length > 2) firstNames.add(part);
    }
    for (const n of flatten(person?.last_name)) if (isLatinName(n)) surnames.add(n.toLowerCase());
    if (!locale.startsWith('fr')) for (const n of [...firstNames, ...surnames]) if (!before.has(n)) foreign.add(n);
  }
  const supplements = [...readList('first-names-supplement.txt'), ...readList('surnames-supplement.txt')];
  for (const n of supplements) foreign.delete(n);
  for (const n of readList('first-names-supplement.txt')) firstNames.add(n);
  for (const n of readList('surnames-supplement.txt')) surnames.add(n);
  // A name that is a function word ("lui", "ami", "non", "the"), also once its accents are dropped
  // (the detector looks words up without accents too: Vietnamese "Thế" is read as "the"), would be
  // flagged in every sentence.
  const functionWord = (n: string): boolean => stopwords.has(n) || FUNCTION_WORDS.has(n);
  for (const set of [firstNames, surnames]) {
    for (const n of set) if (functionWord(n) || functionWord(foldAccents(n)) || n.length < 2) set.delete(n);
  }
  for (const set of [firstNames, surnames]) {
    for (const n of set) {
      const folded = foldAccents(n);
      if (foreign.has(n) && folded !== n && !set.has(folded) && (frenchWords.has(folded) || englishWords.has(folded)))
        set.delete(n);
    }
  }
  // Names that are also ordinary words ("rose", "pierre", "will"), with or without their accents,
  // need a stronger cue; a name of two words ("le gall", "ben salah"), read after a French article
  // or a particle, when its last word is a French one ("la fontaine").
  const isWord = (n: string): boolean => {
    const space = n.lastIndexOf(' ');
    if (space < 0) return frenchWords.has(n) || englishWords.has(n);
    const last = n.slice(space + 1);
    return frenchWords.has(last) || stopwords.has(last);
  };
  const ambiguous = [...firstNames, ...surnames].filter((n) => isWord(n) || isWord(foldAccents(n)));

  // Way types: groups 1 and 5 of normadresse's AFNOR rules, alternatives expanded, plus FANTOIR.
  const wayTypes = new Set(readList('way-types.txt'));
  for (const group of ['1', '5']) {
    for (const rule of rules[group] ?? []) {
      for (const variant of expandAlternatives(rule.long.trim().toLowerCase())) {
        if (/^[a-z ]+$/.test(variant) && variant.split(' ').length <= 2 && !NOT_WAY_TYPES.has(variant)) {
          wayTypes.add(variant);
        }
      }
    }
  }

  const communeNames = communes.map((c) => c.nom.toLowerCase());

  write('first-names.json', firstNames);
  write('surnames.json', surnames);
  write('ambiguous-names.json', ambiguous);
  write('way-types.json', wayTypes);
  write('communes.json', communeNames);
  write(
    'eponyms.json',
    readList('street-eponyms.txt').map((n) => n.replaceAll('-', ' ')),
  );
  write('stopwords.json', stopwords);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Expands the simple `(A|B|)` groups of normadresse rules into every spelled-out variant. */
function expandAlternatives(pattern: string): string[] {
  const match = /\(([^()]*)\)/.exec(pattern);
  if (!match) return [pattern.replaceAll('$', '')];
  const head = pattern.slice(0, match.index);
  const tail = pattern.slice(match.index + match[0].length);
  return (match[1] ?? '').split('|').flatMap((alt) => expandAlternatives(head + alt + tail));
}
