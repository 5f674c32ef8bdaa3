import { describe, expect, it } from 'vitest';
import { PHRASE_WORDS } from './phrase-words.js';
import { newSecretPhrase, normaliseSecretPhrase, PHRASE_ENTROPY_BITS, PHRASE_LENGTH } from './secret-phrase.js';

describe('follow-up secret phrase', () => {
  it('is five words of the list, at least 50 bits, different each time', () => {
    expect(PHRASE_ENTROPY_BITS).toBeGreaterThanOrEqual(50);
    const phrases = new Set(Array.from({ length: 200 }, newSecretPhrase));
    expect(phrases.size).toBe(200);
    for (const phrase of phrases) {
      const words = phrase.split(' ');
      expect(words).toHaveLength(PHRASE_LENGTH);
      for (const word of words) expect(PHRASE_WORDS).toContain(word);
    }
  });

  it('draws from a list of distinct plain words a person can type in French or English', () => {
    expect(new Set(PHRASE_WORDS).size).toBe(PHRASE_WORDS.length);
    for (const word of PHRASE_WORDS) expect(word).toMatch(/^[a-z]{4,8}$/);
    for (const unwanted of ['queue', 'bite', 'pipe', 'string', 'secret', 'message', 'violence', 'vodka'])
      expect(PHRASE_WORDS).not.toContain(unwanted);
  });

  it('reads what a person typed whatever the case, accents and separators', () => {
    expect(normaliseSecretPhrase('  Piàno-KOALA,tango\ncanal   salsa ')).toBe('piano koala tango canal salsa');
    expect(normaliseSecretPhrase('x'.repeat(10_000))).toHaveLength(200);
  });
});
