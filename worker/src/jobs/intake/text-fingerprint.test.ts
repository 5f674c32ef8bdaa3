import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyring } from '@relais/core';
import { fingerprintSimilarity, NEAR_IDENTICAL_SIMILARITY, textFingerprint } from './text-fingerprint.js';

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
});
