import { pino, type DestinationStream, type Logger } from 'pino';
import { redactionPaths } from './redaction.js';

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Service name, logged as `service` on every line. */
  readonly service: string;
  /** pino level; default `info`. */
  readonly level?: string;
  /** Where lines go; default stdout. Tests pass a stream to inspect what was logged. */
  readonly destination?: DestinationStream;
}

/**
 * Creates the one pino logger of a process. Report text, contact details, names, chat ids, tokens
 * and secrets are censored by key (see `REDACTED_KEYS`); still, never pass them to a log call.
 * Use child loggers for ids: `logger.child({ reportId })`.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      redact: { paths: redactionPaths(), censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

export type { Logger };
