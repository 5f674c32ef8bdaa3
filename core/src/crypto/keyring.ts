import { createHash, hkdfSync } from 'node:crypto';
import { CryptoError } from '../errors/crypto-error.js';

/** One data-encryption key and the 4-byte id written into every envelope it seals. */
export interface DataKey {
  readonly id: Buffer;
  readonly encryptionKey: Buffer;
  readonly hashingKey: Buffer;
}

/**
 * The keys a process can open envelopes with: `current` seals, every key opens (rotation keeps
 * old keys here until data is re-sealed).
 */
export interface Keyring {
  readonly current: DataKey;
  readonly byId: ReadonlyMap<string, DataKey>;
}

function deriveDataKey(master: Buffer): DataKey {
  if (master.length !== 32) throw new CryptoError('a data key must be exactly 32 bytes');
  const id = createHash('sha256').update('relais/key-id/v1').update(master).digest().subarray(0, 4);
  const encryptionKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'relais/aes-256-gcm/v1', 32));
  const hashingKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'relais/hmac-sha256/v1', 32));
  return { id, encryptionKey, hashingKey };
}

/**
 * Builds a keyring from the 32-byte `DATA_KEY` (sealing key) and optional older keys (opening only).
 * Sub-keys for encryption and keyed hashing are derived with HKDF, so one secret serves both.
 */
export function createKeyring(current: Buffer, older: readonly Buffer[] = []): Keyring {
  const currentKey = deriveDataKey(current);
  const byId = new Map<string, DataKey>();
  for (const key of [currentKey, ...older.map(deriveDataKey)]) byId.set(key.id.toString('hex'), key);
  return { current: currentKey, byId };
}
