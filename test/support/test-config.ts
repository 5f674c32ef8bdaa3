import { randomBytes } from 'node:crypto';
import { loadConfig, type RelaisConfig } from '@relais/core';

/**
 * The configuration integration tests run with: the machine's `DATABASE_URL` / `REDIS_URL` (or the
 * local defaults), a fresh data key, a unique queue prefix per test file, and quiet logs.
 */
export function testConfig(overrides: Record<string, string> = {}): RelaisConfig {
  const base = loadConfig();
  return loadConfig({
    DATABASE_URL: base.databaseUrl,
    REDIS_URL: base.redisUrl,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    QUEUE_PREFIX: `relais-test-${randomBytes(4).toString('hex')}`,
    DATA_KEY: randomBytes(32).toString('base64'),
    DEV_API_TOKEN: randomBytes(16).toString('hex'),
    ...overrides,
  });
}
