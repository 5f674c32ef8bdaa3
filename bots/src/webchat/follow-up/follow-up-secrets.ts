import { createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { FollowUpCredential, Keyring } from '@relais/core';
import { newSecretPhrase, normaliseSecretPhrase } from './secret-phrase.js';

/**
 * scrypt's cost (4 MiB, ~11 ms here): the phrase is ~51 random bits, not a chosen password, and it
 * is peppered with the data key's hashing key, so the cost only matters to someone who holds both
 * the database and the data key (who can read every report anyway). A dearer cost (N=2^15, ~0.1 s)
 * capped web submissions under load (the Direct Line bench fell from 0.65 to 0.16 of a bare bot).
 */
const COST: ScryptOptions = { N: 2 ** 12, r: 8, p: 1, maxmem: 16 * 1024 * 1024 };
const KEY_LENGTH = 32;
const FORMAT = 'scrypt2';

/** A freshly issued phrase (for the receipt, once) and the credential the report carries. */
export interface IssuedSecret {
  readonly phrase: string;
  readonly credential: FollowUpCredential;
}

function derive(password: Buffer, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, COST, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * The secret phrases of web follow-up. A phrase is stored only as
 * `scrypt2$<key id>$<salt>$<hash>`: scrypt (N=2^12, r=8, p=1) over an HMAC of the normalised phrase
 * under the data key's hashing key (the pepper), so a copy of the database alone cannot even start
 * guessing. The key id names the data key used, so phrases survive a `DATA_KEY` rotation.
 */
export class FollowUpSecrets {
  private readonly decoySalt = randomBytes(16);

  constructor(private readonly keyring: Keyring) {}

  private peppered(hashingKey: Buffer, phrase: string): Buffer {
    return createHmac('sha256', hashingKey)
      .update('relais/follow-up-phrase/v1\0')
      .update(normaliseSecretPhrase(phrase), 'utf8')
      .digest();
  }

  /** Hashes a phrase for storage under the current data key. */
  async hash(phrase: string): Promise<string> {
    const key = this.keyring.current;
    const salt = randomBytes(16);
    const hash = await derive(this.peppered(key.hashingKey, phrase), salt);
    return [FORMAT, key.id.toString('hex'), salt.toString('base64url'), hash.toString('base64url')].join('$');
  }

  /** Draws a new phrase and its credential (the phrase itself is never kept). */
  async issue(): Promise<IssuedSecret> {
    const phrase = newSecretPhrase();
    return { phrase, credential: { secretHash: await this.hash(phrase) } };
  }

  /**
   * Whether `phrase` is the one hashed in `stored` (constant-time comparison). A malformed hash,
   * another format or an unknown key id is a mismatch; the full cost is spent either way.
   */
  async verify(phrase: string, stored: string): Promise<boolean> {
    const [format, keyId, salt, hash] = stored.split('$');
    const key = keyId ? this.keyring.byId.get(keyId) : undefined;
    const expected = hash ? Buffer.from(hash, 'base64url') : Buffer.alloc(0);
    if (format !== FORMAT || !key || !salt || expected.length !== KEY_LENGTH) {
      await this.spend();
      return false;
    }
    const actual = await derive(this.peppered(key.hashingKey, phrase), Buffer.from(salt, 'base64url'));
    return timingSafeEqual(actual, expected);
  }

  /** Spends what a check costs, for an unknown reference: it answers no faster than a wrong phrase. */
  async spend(): Promise<void> {
    await derive(this.peppered(this.keyring.current.hashingKey, 'decoy'), this.decoySalt);
  }
}
