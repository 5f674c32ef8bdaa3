import { createHmac } from 'node:crypto';
import type { Keyring } from '@relais/core';

const SHINGLE_WORDS = 3;

/** Lower-cased words of a text without accents or punctuation: what "near-identical" compares. */
export function normalisedWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** Slots of the MinHash signature (32 bits each, 8 hex digits). */
export const FINGERPRINT_SLOTS = 32;

/**
 * A keyed MinHash signature of a report's free text: 32 slots of 32 bits, 256 hex digits, or
 * undefined for a text with no words. Each run of three normalised words is hashed with the
 * keyring's hashing key (HMAC), so the signature tells nothing about the text without the data key;
 * the share of equal slots between two signatures estimates how many word triples the texts share
 * (Jaccard similarity), whatever the case, accents or punctuation. Computed at intake, before the
 * text is sealed; a key rotation starts a new series.
 */
export function textFingerprint(keyring: Keyring, text: string): string | undefined {
  const words = normalisedWords(text);
  if (words.length === 0) return undefined;
  const shingles = new Set<string>();
  if (words.length <= SHINGLE_WORDS) shingles.add(words.join(' '));
  else for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) shingles.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  const mins = new Uint32Array(FINGERPRINT_SLOTS).fill(0xffffffff);
  for (const shingle of shingles) {
    const digest = createHmac('sha256', keyring.current.hashingKey).update('relais/minhash/v1\0').update(shingle).digest();
    // Double hashing: slot i uses h1 + i·h2, independent enough for MinHash.
    const h1 = digest.readUInt32BE(0);
    const h2 = digest.readUInt32BE(4) | 1;
    for (let slot = 0; slot < FINGERPRINT_SLOTS; slot++) {
      const h = (h1 + Math.imul(slot, h2)) >>> 0;
      if (h < mins[slot]!) mins[slot] = h;
    }
  }
  return Array.from(mins, (m) => m.toString(16).padStart(8, '0')).join('');
}

/** Estimated share of word triples two texts have in common (0 to 1), from their fingerprints. */
export function fingerprintSimilarity(a: string, b: string): number {
  if (a.length !== b.length) return 0;
  let equal = 0;
  for (let slot = 0; slot < a.length; slot += 8) if (a.slice(slot, slot + 8) === b.slice(slot, slot + 8)) equal++;
  return equal / (a.length / 8);
}

/** Texts whose fingerprints share at least this similarity are "near-identical". */
export const NEAR_IDENTICAL_SIMILARITY = 0.5;
