import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CryptoError } from '../errors/crypto-error.js';
import { open, seal } from './envelope.js';
import { createKeyring } from './keyring.js';
import { sealingContext } from './sealing-contexts.js';

describe('sealingContext', () => {
  const id = '0b8f6c1e-5d43-4c1a-9a37-3c9d2b0a7e11';

  it('keeps the stored context strings that already-sealed data was written with', () => {
    expect(sealingContext.reportDescription(id)).toBe(`report:${id}:description`);
    expect(sealingContext.reportContact(id)).toBe(`report:${id}:contact`);
    expect(sealingContext.messageBody(id)).toBe(`message:${id}:body`);
    expect(sealingContext.totpSecret(id)).toBe(`account:${id}:totp`);
    expect(sealingContext.intakeJob(id)).toBe(`intake:${id}`);
    expect(sealingContext.followUpPhrase(id)).toBe(`follow-up-phrase:${id}`);
    expect(sealingContext.draft('relais:draft:ab')).toBe('relais:draft:ab');
    expect(sealingContext.directLineActivities('relais:dl:acts:c1')).toBe('relais:dl:acts:c1');
  });

  it('gives every column of one report its own context, so a description never opens as a contact', () => {
    const keyring = createKeyring(randomBytes(32));
    const sealed = seal(keyring, 'texte', sealingContext.reportDescription(id));
    expect(() => open(keyring, sealed, sealingContext.reportContact(id))).toThrow(CryptoError);
    expect(open(keyring, sealed, sealingContext.reportDescription(id)).toString('utf8')).toBe('texte');
  });
});
