import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyring } from '@relais/core';
import { FINGERPRINT_SLOTS, fingerprintSimilarity, NEAR_IDENTICAL_SIMILARITY, normalisedWords, textFingerprint } from './text-fingerprint.js';

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
    const other = textFingerprint(keyring, 'On m’a refusé un logement parce que je suis une femme trans, la propriétaire l’a dit au téléphone.')!;
    expect(fingerprintSimilarity(a, other)).toBeLessThan(0.2);
  });

  it('depends on the data key, and is undefined for a text without words', () => {
    expect(textFingerprint(createKeyring(randomBytes(32)), TEXT)).not.toBe(textFingerprint(keyring, TEXT));
    expect(textFingerprint(keyring, ' … !! ')).toBeUndefined();
  });

  it('is the keyed MinHash of v1 (HMAC-SHA256 of each word triple), so stored fingerprints stay comparable', () => {
    // The signature as first specified, with crypto.createHmac per shingle.
    const reference = (text: string) => {
      const words = normalisedWords(text);
      const shingles = new Set(words.length <= 3 ? [words.join(' ')] : words.slice(0, -2).map((_, i) => words.slice(i, i + 3).join(' ')));
      const mins = new Uint32Array(FINGERPRINT_SLOTS).fill(0xffffffff);
      for (const shingle of shingles) {
        const digest = createHmac('sha256', keyring.current.hashingKey).update('relais/minhash/v1\0').update(shingle).digest();
        const h1 = digest.readUInt32BE(0);
        const h2 = digest.readUInt32BE(4) | 1;
        for (let slot = 0; slot < FINGERPRINT_SLOTS; slot++) mins[slot] = Math.min(mins[slot]!, (h1 + Math.imul(slot, h2)) >>> 0);
      }
      return Array.from(mins, (m) => m.toString(16).padStart(8, '0')).join('');
    };
    for (const text of [TEXT, 'deux mots', 'Ça s’est passé à Œuf-en-Ternois, Straße 12 — 東京 ✓ ok', 'un '.repeat(40) + 'très long mot'.repeat(9), `${TEXT} `.repeat(12), 'ﬃ ﷽ ﷽ ㎏ 𝒜𝒷𝒸 fin']) {
      expect(textFingerprint(keyring, text)).toBe(reference(text));
    }
  });
});
