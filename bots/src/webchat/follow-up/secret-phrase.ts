import { randomInt } from 'node:crypto';
import { PHRASE_WORDS } from './phrase-words.js';

/** Words in a follow-up secret phrase: 5 words of {@link PHRASE_WORDS} give about 51 bits. */
export const PHRASE_LENGTH = 5;

/** Entropy of a freshly drawn phrase, in bits (`PHRASE_LENGTH × log2(word count)`). */
export const PHRASE_ENTROPY_BITS = PHRASE_LENGTH * Math.log2(PHRASE_WORDS.length);

/**
 * Draws a new secret phrase: {@link PHRASE_LENGTH} words, cryptographically random, separated by
 * spaces (e.g. `piano koala tango canal salsa`). Shown once in the web receipt, never stored.
 */
export function newSecretPhrase(): string {
  return Array.from({ length: PHRASE_LENGTH }, () => PHRASE_WORDS[randomInt(PHRASE_WORDS.length)]).join(' ');
}

/**
 * What a person typed, as the phrase is hashed: lower case, accents dropped (`Piàno` is `piano`),
 * any run of other characters (hyphens, commas, line breaks) read as one space. At most 200
 * characters are read, so an oversized input costs nothing.
 */
export function normaliseSecretPhrase(input: string): string {
  return input
    .slice(0, 200)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
    .join(' ');
}
