export { createLogger, type LoggerOptions, type Logger } from './create-logger.js';
export { REDACTED_KEYS, redactionPaths } from './redaction.js';
