import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CryptoError } from '../errors/crypto-error.js';
import { open, seal, sealJson, openJson } from './envelope.js';
import { createKeyring } from './keyring.js';

describe('envelope', () => {
  const keyring = createKeyring(randomBytes(32));

  it('round-trips text and never contains it in clear', () => {
    const sealed = seal(keyring, 'appelez-moi au 06 12 34 56 78', 'report:1:description');
    expect(sealed.toString('latin1')).not.toContain('06 12 34');
    expect(open(keyring, sealed, 'report:1:description').toString()).toBe('appelez-moi au 06 12 34 56 78');
  });

  it('gives every envelope its own IV and opens each (empty and multi-byte texts too)', () => {
    const texts = Array.from({ length: 1_000 }, (_, i) => (i % 3 === 0 ? '' : `témoignage n°${i} 🏳️‍🌈`));
    const sealed = texts.map((t) => seal(keyring, t, 'c'));
    expect(new Set(sealed.map((e) => e.subarray(5, 17).toString('hex'))).size).toBe(texts.length);
    expect(sealed.map((e) => open(keyring, e, 'c').toString('utf8'))).toEqual(texts);
    const buffer = Buffer.from([0, 1, 2, 255]);
    expect(open(keyring, seal(keyring, buffer, 'b'), 'b')).toEqual(buffer);
  });

  it('refuses an envelope moved to another context', () => {
    const sealed = sealJson(keyring, { email: 'a@b.fr' }, 'report:1:contact');
    expect(() => openJson(keyring, sealed, 'report:2:contact')).toThrow(CryptoError);
  });

  it('refuses a tampered envelope', () => {
    const sealed = seal(keyring, 'x', 'c');
    sealed[sealed.length - 1]! ^= 1;
    expect(() => open(keyring, sealed, 'c')).toThrow(/authentication/);
  });

  it('opens envelopes of an older key after rotation, and names an unknown key id', () => {
    const oldKey = randomBytes(32);
    const sealed = seal(createKeyring(oldKey), 'old', 'c');
    expect(open(createKeyring(randomBytes(32), [oldKey]), sealed, 'c').toString()).toBe('old');
    expect(() => open(createKeyring(randomBytes(32)), sealed, 'c')).toThrow(/no data key with id/);
  });
});
