import { createHash } from 'node:crypto';

// SHA-256 round constants (FIPS 180-4, 4.2.2).
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const BLOCK = 64;

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** One SHA-256 compression of the 64-byte block at `offset` of `bytes` into `state`. */
function compress(state: Int32Array, bytes: Uint8Array, offset: number, w: Int32Array): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    w[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15]!;
    const b = w[i - 2]!;
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** The state after one block of the key XOR `pad` (HMAC's inner or outer key block). */
function padState(key: Uint8Array, pad: number, w: Int32Array): Int32Array {
  const block = new Uint8Array(BLOCK).fill(pad);
  for (let i = 0; i < key.length; i++) block[i] = key[i]! ^ pad;
  const state = Int32Array.from(INITIAL);
  compress(state, block, 0, w);
  return state;
}

/**
 * HMAC-SHA256 under one key, for many short messages: the key's inner and outer blocks are hashed
 * once, so each message costs only its own blocks and one outer block (about a third of
 * `crypto.createHmac` per call, which sets up a native object each time). The result is exactly
 * HMAC-SHA256 (RFC 2104); the returned function writes the digest as 8 big-endian 32-bit words into
 * `out` (signed; `>>> 0` for unsigned) and returns it.
 */
export function hmacSha256(key: Uint8Array): (message: Uint8Array, length?: number, out?: Int32Array) => Int32Array {
  const w = new Int32Array(64);
  const k = key.length > BLOCK ? new Uint8Array(createHash('sha256').update(key).digest()) : key;
  const inner = padState(k, 0x36, w);
  const outer = padState(k, 0x5c, w);
  const state = new Int32Array(8);
  let tail = new Uint8Array(2 * BLOCK);
  const outerBlock = new Uint8Array(BLOCK);
  outerBlock[32] = 0x80;
  outerBlock[62] = ((BLOCK + 32) * 8) >>> 8;
  outerBlock[63] = ((BLOCK + 32) * 8) & 0xff;
  return (message, length = message.length, out = new Int32Array(8)) => {
    state.set(inner);
    let offset = 0;
    for (; offset + BLOCK <= length; offset += BLOCK) compress(state, message, offset, w);
    const rest = length - offset;
    const tailLength = rest + 9 <= BLOCK ? BLOCK : 2 * BLOCK;
    if (tail.length < tailLength) tail = new Uint8Array(tailLength);
    tail.fill(0, 0, tailLength);
    tail.set(message.subarray(offset, length));
    tail[rest] = 0x80;
    const bits = (BLOCK + length) * 8; // messages far below 2^53 bits
    for (let i = 0; i < 8; i++) tail[tailLength - 1 - i] = Math.floor(bits / 2 ** (8 * i)) & 0xff;
    for (let o = 0; o < tailLength; o += BLOCK) compress(state, tail, o, w);
    for (let i = 0; i < 8; i++) {
      const v = state[i]!;
      outerBlock[i * 4] = v >>> 24;
      outerBlock[i * 4 + 1] = (v >>> 16) & 0xff;
      outerBlock[i * 4 + 2] = (v >>> 8) & 0xff;
      outerBlock[i * 4 + 3] = v & 0xff;
    }
    out.set(outer);
    compress(out, outerBlock, 0, w);
    return out;
  };
}
