import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256 } from './hmac-sha256.js';

const hex = (words: Int32Array) => Array.from(words, (w) => (w >>> 0).toString(16).padStart(8, '0')).join('');

describe('hmacSha256', () => {
  it('gives exactly crypto.createHmac("sha256") for every message length across block boundaries', () => {
    for (const keyLength of [0, 16, 32, 64, 65, 100]) {
      const key = randomBytes(keyLength);
      const hmac = hmacSha256(key);
      for (let length = 0; length <= 200; length++) {
        const message = randomBytes(length);
        expect(hex(hmac(message))).toBe(createHmac('sha256', key).update(message).digest('hex'));
      }
    }
  });

  it('reads only the first `length` bytes of a reused buffer', () => {
    const key = randomBytes(32);
    const hmac = hmacSha256(key);
    const buffer = new Uint8Array(100).fill(7);
    buffer.set(Buffer.from('trois mots ici'));
    expect(hex(hmac(buffer, 14))).toBe(createHmac('sha256', key).update('trois mots ici').digest('hex'));
  });

  it('matches the RFC 4231 test case 2', () => {
    const hmac = hmacSha256(Buffer.from('Jefe'));
    expect(hex(hmac(Buffer.from('what do ya want for nothing?')))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});
