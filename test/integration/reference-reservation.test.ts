import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { ReferenceReservation } from '@relais/bots';
import { testConfig } from '../support/test-config.ts';
import { deletePrefixKeys } from '../support/redis-scan.ts';

const config = testConfig();
const redis = new Redis(config.redisUrl);

afterAll(async () => {
  await deletePrefixKeys(redis, config.queuePrefix);
  redis.disconnect();
});

describe('receipt references', () => {
  it('keeps the drafted reference when it is free, and gives the same one when asked again for the same report', async () => {
    const references = new ReferenceReservation(redis, config.queuePrefix);
    expect(await references.reserve('report-1', 'K7QF-M3XA')).toBe('K7QF-M3XA');
    expect(await references.reserve('report-1', 'K7QF-M3XA')).toBe('K7QF-M3XA');
    expect(await redis.ttl(`${config.queuePrefix}:ref:K7QF-M3XA`)).toBeGreaterThan(399 * 24 * 3600);
  });

  it('redraws when another report already holds the reference, and sticks to the new one on retry', async () => {
    const draws = ['K7QF-M3XA', 'HJKM-NPQR'];
    const references = new ReferenceReservation(redis, config.queuePrefix, () => draws.shift()!);
    expect(await references.reserve('report-2', 'K7QF-M3XA')).toBe('HJKM-NPQR');
    expect(await references.reserve('report-2', 'K7QF-M3XA')).toBe('HJKM-NPQR');
    expect(await redis.get(`${config.queuePrefix}:ref:HJKM-NPQR`)).toBe('report-2');
  });
});
