/**
 * Base class of every error Relais throws on purpose. `code` is stable (tests and callers branch on
 * it); the message says what to do about it.
 */
export class RelaisError extends Error {
  /** A stable, machine-readable code such as `CONFIG_INVALID`. */
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
