import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyring } from '@relais/core';
import { FollowUpSecrets } from './follow-up-secrets.js';

describe('follow-up secrets', () => {
  const key = randomBytes(32);
  const secrets = new FollowUpSecrets(createKeyring(key));

  it('stores a phrase only as a salted scrypt hash that accepts it, typed loosely, and nothing else', async () => {
    const { phrase, credential } = await secrets.issue();
    expect(credential.secretHash).toMatch(/^scrypt1\$[0-9a-f]{8}\$[\w-]+\$[\w-]{43}$/);
    for (const word of phrase.split(' ')) expect(credential.secretHash).not.toContain(word);
    expect(await secrets.verify(phrase, credential.secretHash)).toBe(true);
    expect(await secrets.verify(phrase.toUpperCase().replace(/ /g, '-'), credential.secretHash)).toBe(true);
    expect(await secrets.verify(`${phrase} extra`, credential.secretHash)).toBe(false);
    expect(await secrets.hash(phrase)).not.toBe(credential.secretHash);
  });

  it('is peppered with the data key: another key refuses it, an older key kept for rotation accepts it', async () => {
    const { phrase, credential } = await secrets.issue();
    expect(await new FollowUpSecrets(createKeyring(randomBytes(32))).verify(phrase, credential.secretHash)).toBe(false);
    expect(await new FollowUpSecrets(createKeyring(randomBytes(32), [key])).verify(phrase, credential.secretHash)).toBe(true);
  });

  it('refuses a malformed stored hash without throwing', async () => {
    expect(await secrets.verify('piano koala tango canal salsa', 'not a hash')).toBe(false);
    expect(await secrets.verify('piano koala tango canal salsa', 'scrypt1$00000000$c2FsdA$aGFzaA')).toBe(false);
  });
});
