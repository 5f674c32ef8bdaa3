/**
 * @relais/core: the report model, taxonomy, PII detection, scope matching, configuration,
 * logging, cryptography, the intake's tagging rules (priority, categories, postal geography, text
 * fingerprints), the Redis connection, the rate limiter and service start-up shared by every Relais
 * workspace. No I/O apart from `src/redis/` and `src/service/`.
 */
export * from './errors/relais-error.js';
export * from './errors/config-error.js';
export * from './errors/crypto-error.js';
export * from './errors/startup-error.js';
export * from './errors/missing-data-key-error.js';
export * from './config/index.js';
export * from './logger/index.js';
export * from './i18n/index.js';
export * from './report/index.js';
export * from './scope/index.js';
export * from './crypto/index.js';
export * from './queue/index.js';
export * from './digest/index.js';
export * from './pii/index.js';
export * from './tagging/index.js';
export * from './crypto/message-body.js';
export * from './health/index.js';
export * from './redis/index.js';
export * from './service/index.js';
export * from './partners/index.js';
