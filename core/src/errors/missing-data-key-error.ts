import { RelaisError } from './relais-error.js';

/**
 * A service that opens sealed data (bots, worker, moderation UI) was started without `DATA_KEY`
 * outside production (in production `loadConfig` already refuses it).
 */
export class MissingDataKeyError extends RelaisError {
  /** @param service how the message names the service: `the worker`, `the bots`, `the moderation service`. */
  constructor(service: string) {
    super(
      'DATA_KEY_MISSING',
      `DATA_KEY is required by ${service} (npm start generates one for local use; else: openssl rand -base64 32)`,
    );
  }
}
