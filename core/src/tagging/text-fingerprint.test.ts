import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyring } from '../crypto/keyring.js';
import {
  FINGERPRINT_SLOTS,
  fingerprintSimilarity,
  NEAR_IDENTICAL_SIMILARITY,
  normalisedWords,
  textFingerprint,
  wordHash,
} from './text-fingerprint.js';

// A fixed key keeps the estimate (a random sample of word triples) the same on every run.
const keyring = createKeyring(Buffer.alloc(32, 3));
const TEXT =
  'Hier soir vers 23 heures, à la sortie du bar, deux hommes nous ont suivis mon compagnon et moi ' +
  'en criant des insultes homophobes, puis l’un d’eux m’a poussé contre une voiture et nous a menacés ' +
  'de revenir avec des amis si on se montrait encore dans le quartier.';

describe('textFingerprint', () => {
  it('is 256 hex digits, and the same for the same words whatever the case, accents or punctuation', () => {
    const a = textFingerprint(keyring, TEXT)!;
    expect(a).toMatch(/^[0-9a-f]{256}$/);
    expect(textFingerprint(keyring, TEXT.toUpperCase().replaceAll(',', ' ').replaceAll('à', 'a'))).toBe(a);
  });

  it('keeps a text with a word or two changed near-identical, and another text far', () => {
    const a = textFingerprint(keyring, TEXT)!;
    const edited = textFingerprint(keyring, TEXT.replace('23 heures', '22 heures').replace('voiture', 'camionnette'))!;
    expect(fingerprintSimilarity(a, edited)).toBeGreaterThanOrEqual(NEAR_IDENTICAL_SIMILARITY);
    expect(fingerprintSimilarity(a, a)).toBe(1);
    const other = textFingerprint(
      keyring,
      'On m’a refusé un logement parce que je suis une femme trans, la propriétaire l’a dit au téléphone.',
    )!;
    expect(fingerprintSimilarity(a, other)).toBeLessThan(0.2);
  });

  it('depends on the data key, and is undefined for a text without words', () => {
    expect(textFingerprint(createKeyring(randomBytes(32)), TEXT)).not.toBe(textFingerprint(keyring, TEXT));
    expect(textFingerprint(keyring, ' … !! ')).toBeUndefined();
  });

  it("is the keyed MinHash of v2 (AES-256 of each word triple's block), so stored fingerprints stay comparable", () => {
    // The signature as specified, computed the plain way: one cipher per distinct triple.
    const key = createHmac('sha256', keyring.current.hashingKey).update('relais/minhash/v2').digest();
    const reference = (text: string) => {
      const words = normalisedWords(text);
      const triples = words.length <= 3 ? [words] : words.slice(0, -2).map((_, i) => words.slice(i, i + 3));
      const mins = new Uint32Array(FINGERPRINT_SLOTS).fill(0xffffffff);
      for (const triple of new Map(triples.map((t) => [t.join(' '), t])).values()) {
        const block = Buffer.alloc(16);
        triple.forEach((word, i) => block.writeInt32LE(wordHash(word), i * 4));
        block.writeUInt32LE(0x72f20000 + triple.length, 12);
        const value = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false).update(block);
        const h1 = value.readUInt32LE(0);
        const h2 = value.readUInt32LE(4) | 1;
        for (let slot = 0; slot < FINGERPRINT_SLOTS; slot++)
          mins[slot] = Math.min(mins[slot]!, (h1 + Math.imul(slot, h2)) >>> 0);
      }
      return Array.from(mins, (m) => m.toString(16).padStart(8, '0')).join('');
    };
    const long = `${TEXT} `.repeat(120); // more triples than the first block buffer holds
    for (const text of [
      TEXT,
      'deux mots',
      'seul',
      'Ça s’est passé à Œuf-en-Ternois, Straße 12 — 東京 ✓ ok',
      'un '.repeat(40) + 'très long mot'.repeat(9),
      long,
      'ﬃ ﷽ ﷽ ㎏ 𝒜𝒷𝒸 fin',
    ]) {
      expect(textFingerprint(keyring, text)).toBe(reference(text));
    }
    // Pinned: the same key and text give this signature on every machine and in every release.
    expect(textFingerprint(keyring, 'Deux  mots !')).toBe(
      '40ad0e5b5a75dbda743ea9598e0776d8a7d04457c19911d6db61df55f52aacd40ef37a5328bc47d2428515515c4de2d07616b04f8fdf7dcea9a84b4dc37118cc' +
        'dd39e64bf702b3ca10cb81492a944ec8445d1c475e25e9c677eeb74591b784c4ab805243c5491fc2df11ed41f8dabac012a3883f2c6c55be4635233d5ffdf0bc',
    );
  });

  it('tells the words of a text apart by their 32-bit hashes (MurmurHash3 of the UTF-16 code units)', () => {
    expect(new Set(normalisedWords(TEXT).map(wordHash)).size).toBe(new Set(normalisedWords(TEXT)).size);
    expect(wordHash('insulte')).not.toBe(wordHash('insultes'));
  });
});

describe('normalisedWords', () => {
  // The definition the scan implements: runs of Unicode letters and digits, after NFKD without marks, lower-cased.
  const byDefinition = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== '');

  it('gives the words of the definition, surrogate pairs, lone surrogates, ligatures and marks included', () => {
    const texts = [
      TEXT,
      'İstanbul ŞEHİR çok güzel',
      '𝐁𝐨𝐥𝐝 text 😀 emoji👍🏽 done',
      'ﬁnal ﬂow Æsir Œuvre ß straße',
      '日本語のテキスト、漢字。Ελληνικά κείμενο, кириллица',
      'a\u0301b c\u200dd e\ufe0ff',
      'x\ud800y \udc00z lone\ud83d',
      'Ⅻ ① ² ³ ½ 12 345,67',
      '',
      ' ,;! ',
    ];
    // And seeded random mixes of ASCII, spaces, BMP, astral and lone-surrogate characters.
    let seed = 1;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let i = 0; i < 2_000; i++) {
      let text = '';
      for (let n = next() % 30; n > 0; n--) {
        const k = next() % 10;
        text +=
          k < 4
            ? String.fromCharCode(97 + (next() % 26))
            : k < 6
              ? ' '
              : k < 7
                ? String.fromCharCode(next() % 0x3000)
                : k < 8
                  ? String.fromCodePoint(0x10000 + (next() % 0x20000))
                  : k < 9
                    ? String.fromCharCode(0xd800 + (next() % 0x800))
                    : String.fromCharCode(0xc0 + (next() % 0x200));
      }
      texts.push(text);
    }
    for (const text of texts) expect(normalisedWords(text), JSON.stringify(text)).toEqual(byDefinition(text));
  });
});
