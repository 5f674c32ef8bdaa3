import { RelaisError } from './relais-error.js';

/**
 * A missing or malformed environment variable. Its message is one line naming the variable and
 * what is expected, e.g. `DATA_KEY must be 32 bytes in base64; generate one with: openssl rand -base64 32`.
 */
export class ConfigError extends RelaisError {
  /** The environment variable at fault. */
  readonly variable: string;

  constructor(variable: string, expectation: string) {
    super('CONFIG_INVALID', `${variable} ${expectation}`);
    this.variable = variable;
  }
}
