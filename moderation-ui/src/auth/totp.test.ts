import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpCode } from './totp.js';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (8-digit codes there; we use the last 6).
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 test vectors', () => {
    expect(hotp(Buffer.from('12345678901234567890'), 1, 8)).toBe('94287082');
    expect(totpCode(RFC_SECRET, 59_000)).toBe('287082');
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
  });

  it('accepts the previous and next step, nothing further, and no malformed code', () => {
    const at = 1_700_000_000_000;
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at - 30_000), at)).toBeDefined();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at + 30_000), at)).toBeDefined();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at - 90_000), at)).toBeUndefined();
    expect(matchTotp(RFC_SECRET, '12345', at)).toBeUndefined();
    expect(matchTotp(RFC_SECRET, 'abcdef', at)).toBeUndefined();
  });

  it('round-trips base32 and builds an otpauth URI apps understand', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 7, 9]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(otpauthUri('ABC', 'mod@example.org')).toBe(
      'otpauth://totp/Relais%3Amod%40example.org?secret=ABC&issuer=Relais&algorithm=SHA1&digits=6&period=30',
    );
  });
});
