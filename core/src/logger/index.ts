export { createLogger, type LoggerOptions, type Logger } from './create-logger.js';
