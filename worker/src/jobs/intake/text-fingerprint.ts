import type { Keyring } from '@relais/core';
import { hmacSha256 } from './hmac-sha256.js';

const SHINGLE_WORDS = 3;
const DOMAIN = new TextEncoder().encode('relais/minhash/v1\0');
const SPACE = 0x20;
const encoder = new TextEncoder();
const hmacs = new WeakMap<Buffer, ReturnType<typeof hmacSha256>>();
let buffer = new Uint8Array(1024);
let message = new Uint8Array(256);
const digest = new Int32Array(8);

/** HMAC-SHA256 under `key`, its key blocks hashed once per key. */
function hmacOf(key: Buffer): ReturnType<typeof hmacSha256> {
  let hmac = hmacs.get(key);
  if (!hmac) hmacs.set(key, (hmac = hmacSha256(key)));
  return hmac;
}

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
  const hmac = hmacOf(keyring.current.hashingKey);
  // The words in UTF-8, one space apart: a shingle is then the bytes from its first word's start
  // to its last word's end ("w1 w2 w3", as hashed since v1).
  let size = words.length;
  for (const word of words) size += word.length * 3; // UTF-8: at most 3 bytes per UTF-16 unit
  if (buffer.length < size) buffer = new Uint8Array(size);
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const word of words) {
    if (at > 0) buffer[at++] = SPACE;
    starts.push(at);
    at += encoder.encodeInto(word, buffer.subarray(at)).written;
    ends.push(at);
  }
  const mins = new Uint32Array(FINGERPRINT_SLOTS).fill(0xffffffff);
  const shingles = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < shingles; i++) {
    const from = starts[i]!;
    const to = ends[Math.min(i + SHINGLE_WORDS, words.length) - 1]!;
    const length = DOMAIN.length + to - from;
    if (message.length < length) message = new Uint8Array(length);
    message.set(DOMAIN);
    message.set(buffer.subarray(from, to), DOMAIN.length);
    hmac(message, length, digest);
    // Double hashing: slot i uses h1 + i·h2, independent enough for MinHash. A shingle seen twice
    // gives the same values, so repeats change nothing.
    const h1 = digest[0]! >>> 0;
    const h2 = (digest[1]! | 1) >>> 0;
    for (let slot = 0; slot < FINGERPRINT_SLOTS; slot++) {
      const h = (h1 + Math.imul(slot, h2)) >>> 0;
      if (h < mins[slot]!) mins[slot] = h;
    }
  }
  let hex = '';
  for (const m of mins) hex += m.toString(16).padStart(8, '0');
  return hex;
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
