import { RelaisError } from './relais-error.js';

/** Sealed data could not be opened: wrong key, unknown key id or tampered envelope. */
export class CryptoError extends RelaisError {
  constructor(message: string) {
    super('CRYPTO_FAILED', message);
  }
}
