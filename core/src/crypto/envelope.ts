import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CryptoError } from '../errors/crypto-error.js';
import type { Keyring } from './keyring.js';

const VERSION = 1;
const HEADER = 1 + 4 + 12 + 16; // version, key id, IV, GCM tag

const IV_LENGTH = 12;

/**
 * Seals `plaintext` with AES-256-GCM under the keyring's current key. The envelope is
 * `version(1) | keyId(4) | iv(12) | tag(16) | ciphertext`, written into one buffer. `context` is
 * authenticated but not stored (e.g. `report:<id>:description`): an envelope moved to another row
 * or column won't open. IVs are random (96 bits from the CSPRNG, drawn per envelope).
 */
export function seal(keyring: Keyring, plaintext: string | Buffer, context: string): Buffer {
  const key = keyring.current;
  const body = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const envelope = Buffer.allocUnsafe(HEADER + body.length);
  envelope[0] = VERSION;
  key.id.copy(envelope, 1);
  randomBytes(IV_LENGTH).copy(envelope, 5);
  const cipher = createCipheriv('aes-256-gcm', key.encryptionKey, envelope.subarray(5, 5 + IV_LENGTH));
  cipher.setAAD(Buffer.from(context, 'utf8'));
  // GCM is a stream mode: the ciphertext is exactly as long as the plaintext.
  let at = HEADER + cipher.update(body).copy(envelope, HEADER);
  at += cipher.final().copy(envelope, at);
  if (at !== envelope.length) throw new CryptoError('AES-GCM produced a ciphertext of an unexpected length');
  cipher.getAuthTag().copy(envelope, 5 + IV_LENGTH);
  return envelope;
}

/** Opens an envelope made by {@link seal} with the same `context`; throws CryptoError otherwise. */
export function open(keyring: Keyring, envelope: Buffer, context: string): Buffer {
  if (envelope.length < HEADER || envelope[0] !== VERSION) {
    throw new CryptoError('not a Relais envelope (wrong version or too short)');
  }
  const keyId = envelope.subarray(1, 5).toString('hex');
  const key = keyring.byId.get(keyId);
  if (!key) throw new CryptoError(`no data key with id ${keyId}: was DATA_KEY changed without keeping the old one?`);
  const decipher = createDecipheriv('aes-256-gcm', key.encryptionKey, envelope.subarray(5, 17));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(envelope.subarray(17, 33));
  try {
    const text = decipher.update(envelope.subarray(HEADER));
    const rest = decipher.final(); // GCM is a stream mode: nothing is held back, so this is empty
    return rest.length === 0 ? text : Buffer.concat([text, rest]);
  } catch {
    throw new CryptoError('envelope failed authentication (tampered, or opened with the wrong context)');
  }
}

/** {@link seal} for JSON values. */
export function sealJson(keyring: Keyring, value: unknown, context: string): Buffer {
  return seal(keyring, JSON.stringify(value), context);
}

/** {@link open} for JSON values sealed by {@link sealJson}; the caller validates the shape. */
export function openJson(keyring: Keyring, envelope: Buffer, context: string): unknown {
  return JSON.parse(open(keyring, envelope, context).toString('utf8'));
}
