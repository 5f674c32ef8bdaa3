import { createHmac } from 'node:crypto';
import type { Keyring } from './keyring.js';

/**
 * A stable pseudonym for an identifier (e.g. `telegram:<chat id>`): HMAC-SHA256 under the
 * keyring's hashing key, hex. Lets Relais find "my reports" or near-duplicates without storing
 * the identifier itself.
 */
export function keyedHash(keyring: Keyring, value: string): string {
  return createHmac('sha256', keyring.current.hashingKey).update(value, 'utf8').digest('hex');
}
