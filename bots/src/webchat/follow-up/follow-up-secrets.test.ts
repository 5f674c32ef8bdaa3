import { createHmac, randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyring } from '@relais/core';
import { FollowUpSecrets } from './follow-up-secrets.js';
import { normaliseSecretPhrase } from './secret-phrase.js';

describe('follow-up secrets', () => {
  const key = randomBytes(32);
  const secrets = new FollowUpSecrets(createKeyring(key));

  it('stores a phrase only as a salted scrypt hash that accepts it, typed loosely, and nothing else', async () => {
    const { phrase, credential } = await secrets.issue();
    expect(credential.secretHash).toMatch(/^scrypt2\$[0-9a-f]{8}\$[\w-]+\$[\w-]{43}$/);
    for (const word of phrase.split(' ')) expect(credential.secretHash).not.toContain(word);
    expect(await secrets.verify(phrase, credential.secretHash)).toBe(true);
    expect(await secrets.verify(phrase.toUpperCase().replace(/ /g, '-'), credential.secretHash)).toBe(true);
    expect(await secrets.verify(`${phrase} extra`, credential.secretHash)).toBe(false);
    expect(await secrets.hash(phrase)).not.toBe(credential.secretHash);
  });

  it('is peppered with the data key: another key refuses it, an older key kept for rotation accepts it', async () => {
    const { phrase, credential } = await secrets.issue();
    expect(await new FollowUpSecrets(createKeyring(randomBytes(32))).verify(phrase, credential.secretHash)).toBe(false);
    expect(await new FollowUpSecrets(createKeyring(randomBytes(32), [key])).verify(phrase, credential.secretHash)).toBe(
      true,
    );
  });

  it('stores scrypt (N=2^12, r=8, p=1) over the peppered phrase, and refuses the same hash under another format', async () => {
    const keyring = createKeyring(key);
    const phrase = 'piano koala tango canal salsa';
    const salt = randomBytes(16);
    const peppered = createHmac('sha256', keyring.current.hashingKey)
      .update('relais/follow-up-phrase/v1\0')
      .update(normaliseSecretPhrase(phrase), 'utf8')
      .digest();
    const hash = scryptSync(peppered, salt, 32, { N: 2 ** 12, r: 8, p: 1, maxmem: 16 * 1024 * 1024 });
    const stored = (format: string) =>
      [format, keyring.current.id.toString('hex'), salt.toString('base64url'), hash.toString('base64url')].join('$');
    expect(await secrets.verify(phrase, stored('scrypt2'))).toBe(true);
    expect(await secrets.verify('piano koala tango canal samba', stored('scrypt2'))).toBe(false);
    expect(await secrets.verify(phrase, stored('scrypt1'))).toBe(false);
  });

  it('refuses a malformed stored hash without throwing', async () => {
    expect(await secrets.verify('piano koala tango canal salsa', 'not a hash')).toBe(false);
    expect(await secrets.verify('piano koala tango canal salsa', 'scrypt2$00000000$c2FsdA$aGFzaA')).toBe(false);
  });
});
