import { createCipheriv, createHmac, type Cipher } from 'node:crypto';
import type { Keyring } from '../crypto/keyring.js';

const SHINGLE_WORDS = 3;
const BLOCK = 16;
/** The fourth 32-bit word of every block: the version, and how many words the shingle has. */
const DOMAIN = 0x72f20000; // "r2" and a zero count
const ciphers = new WeakMap<Buffer, Cipher>();
let blocks = Buffer.alloc(64 * BLOCK);

/**
 * AES-256 in ECB mode under the key of fingerprints v2 (derived from the keyring's hashing key), one
 * per key: ECB encrypts each block on its own, so one cipher serves every text (`final` is never
 * called) and no text pays for a cipher's set-up.
 */
function blockCipher(hashingKey: Buffer): Cipher {
  let cipher = ciphers.get(hashingKey);
  if (!cipher) {
    const key = createHmac('sha256', hashingKey).update('relais/minhash/v2').digest();
    ciphers.set(hashingKey, (cipher = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false)));
  }
  return cipher;
}

/** MurmurHash3 (x86, 32 bits) of a word's UTF-16 code units: one 32-bit word of a shingle's block. */
export function wordHash(word: string): number {
  let h = 0x9747b28c ^ word.length;
  for (let i = 0; i < word.length; i++) {
    let k = Math.imul(word.charCodeAt(i), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

const MARKS = /\p{M}/gu;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Lower-cased words of a text without accents or punctuation: what "near-identical" compares. A
 * word is a run of letters and digits (Unicode), after decomposition (NFKD), without combining
 * marks, lower-cased. One scan with an ASCII fast path: splitting on a Unicode class was most of
 * the fingerprint's time.
 */
export function normalisedWords(text: string): string[] {
  const folded = text.normalize('NFKD').replace(MARKS, '').toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < folded.length;) {
    const c = folded.charCodeAt(i);
    let width = 1;
    let inWord: boolean;
    if (c < 0x80)
      inWord = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39); // lower-cased already: no A-Z
    else {
      // A whole code point: a surrogate pair is one character, a lone surrogate is not a letter.
      const next = c >= 0xd800 && c <= 0xdbff ? folded.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) width = 2;
      inWord = WORD_CHARACTER.test(folded.slice(i, i + width));
    }
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(folded.slice(start, i));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) words.push(folded.slice(start));
  return words;
}

/** Slots of the MinHash signature (32 bits each, 8 hex digits). */
export const FINGERPRINT_SLOTS = 32;

/**
 * A keyed MinHash signature of a report's free text (v2): 32 slots of 32 bits, 256 hex digits, or
 * undefined for a text with no words. Each run of three normalised words (the whole text when it
 * has fewer) is one 16-byte block: the three words' 32-bit hashes and the count; the blocks are
 * encrypted together with AES-256 under a key derived from the keyring's hashing key (one native
 * call per text), which makes each block's value a keyed pseudo-random function of its words: the
 * signature tells nothing about the text without the data key. The share of equal slots between two
 * signatures estimates how many word triples the texts share (Jaccard similarity), whatever the
 * case, accents or punctuation. Computed at intake, before the text is sealed; a key rotation
 * starts a new series.
 *
 * v1 (until 2026-12-01) hashed each triple with HMAC-SHA256 in JavaScript: 42 µs for a two-line
 * text, against 18 µs now. v1 and v2 signatures of one text share no slot, so a report stored
 * before the change is not linked to a near-identical one stored after it.
 */
export function textFingerprint(keyring: Keyring, text: string): string | undefined {
  const words = normalisedWords(text);
  if (words.length === 0) return undefined;
  const hashes = words.map(wordHash);
  const shingles = Math.max(1, words.length - SHINGLE_WORDS + 1);
  if (blocks.length < shingles * BLOCK) blocks = Buffer.alloc(shingles * BLOCK * 2);
  for (let i = 0; i < shingles; i++) {
    const count = Math.min(SHINGLE_WORDS, words.length - i);
    const at = i * BLOCK;
    blocks.writeInt32LE(hashes[i]!, at);
    blocks.writeInt32LE(count > 1 ? hashes[i + 1]! : 0, at + 4);
    blocks.writeInt32LE(count > 2 ? hashes[i + 2]! : 0, at + 8);
    blocks.writeInt32LE(DOMAIN | count, at + 12);
  }
  const values = blockCipher(keyring.current.hashingKey).update(blocks.subarray(0, shingles * BLOCK));
  const mins = new Uint32Array(FINGERPRINT_SLOTS).fill(0xffffffff);
  for (let i = 0; i < shingles; i++) {
    // Double hashing: slot s uses h1 + s·h2, independent enough for MinHash. A shingle seen twice
    // gives the same values, so repeats change nothing.
    const h1 = values.readUInt32LE(i * BLOCK);
    const h2 = (values.readUInt32LE(i * BLOCK + 4) | 1) >>> 0;
    for (let slot = 0; slot < FINGERPRINT_SLOTS; slot++) {
      const h = (h1 + Math.imul(slot, h2)) >>> 0;
      if (h < mins[slot]!) mins[slot] = h;
    }
  }
  // Each slot as 8 hex digits, most significant first.
  const digits = Buffer.allocUnsafe(FINGERPRINT_SLOTS * 4);
  for (let slot = 0; slot < FINGERPRINT_SLOTS; slot++) digits.writeUInt32BE(mins[slot]!, slot * 4);
  return digits.toString('hex');
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

/** Fingerprint slots two near-identical texts have in common, at least (the intake's duplicate link). */
export const NEAR_IDENTICAL_MIN_EQUAL_SLOTS = Math.ceil(NEAR_IDENTICAL_SIMILARITY * FINGERPRINT_SLOTS);
