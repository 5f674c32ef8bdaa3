import { RelaisError } from './relais-error.js';

/**
 * A service cannot start: a dependency does not answer, a port is taken, a key is missing. Its
 * message is one line, `<problem>; <hint>`, naming the cause (an environment variable, a host:port
 * without credentials) and what to do. `runService` prints it and exits with code 1.
 */
export class StartupError extends RelaisError {
  /** What is wrong, e.g. `PostgreSQL at 127.0.0.1:5432 (DATABASE_URL) refused the connection`. */
  readonly problem: string;
  /** What to do about it, e.g. `start PostgreSQL or set DATABASE_URL to a server that runs`. */
  readonly hint: string;

  /**
   * @param code stable code such as `POSTGRES_UNREACHABLE`.
   * @param options `cause`: the raw error, kept for debugging (never printed).
   */
  constructor(code: string, problem: string, hint: string, options?: ErrorOptions) {
    super(code, `${problem}; ${hint}`, options);
    this.problem = problem;
    this.hint = hint;
  }
}
