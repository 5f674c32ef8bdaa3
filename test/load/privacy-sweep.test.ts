import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { testConfig } from '../support/test-config.ts';
import { CANARY_NEEDLES, canariesOf } from './canaries.ts';
import { privacySweep } from './privacy-sweep.ts';

// 12:09:47.654 on 1 December 2026: its epoch ms hold the compact phone canary's digits.
const TIME_WITH_CANARY_DIGITS = '1796126987654';
const config = testConfig();
const prefix = config.queuePrefix;
let t: TestDatabase;
let redis: Redis;
// The probe table is the owner's (the application role only reads it, as the sweep does).
let owner: pg.Client;

beforeAll(async () => {
  t = await createTestDatabase(config.databaseUrl, 'sweep');
  redis = new Redis(config.redisUrl);
  owner = new pg.Client({ connectionString: t.url });
  await owner.connect();
  await owner.query(
    'CREATE TABLE sweep_probe (id text PRIMARY KEY, note text, sealed bytea); GRANT SELECT ON sweep_probe TO relais_app',
  );
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await owner?.end();
  await t?.drop();
});

describe('privacy sweep', () => {
  it("does not take an epoch-ms time holding the phone canary's digits for a phone number", async () => {
    await redis.hset(`${prefix}:time`, 'ms', TIME_WITH_CANARY_DIGITS, '0', `${TIME_WITH_CANARY_DIGITS}\u0001sealed`);
    await owner.query(`INSERT INTO sweep_probe VALUES ('time', $1, convert_to($2, 'UTF8'))`, [
      `at ${TIME_WITH_CANARY_DIGITS}`,
      TIME_WITH_CANARY_DIGITS,
    ]);
    const result = await privacySweep(
      `{"time":${TIME_WITH_CANARY_DIGITS},"msg":"turn"}`,
      config.redisUrl,
      t.db,
      CANARY_NEEDLES,
    );
    expect(result.searched.columns).toBeGreaterThan(3);
    expect(result.logLines).toEqual([]);
    expect(result.redisKeys.filter((key) => key.startsWith(`${prefix}:`))).toEqual([]);
    expect(result.clearColumns).toEqual([]);
    expect(result.encryptedColumns).toEqual([]);
  });

  it('finds a canary phone number written compact, nationally or internationally, everywhere it searches', async () => {
    const phone = canariesOf(7).phone.replaceAll(' ', '');
    expect(phone).toBe('0698765407');
    const international = `+33${phone.slice(1)}`;
    await redis.set(`${prefix}:leak`, `{"contact":"${international}"}`);
    await owner.query(`INSERT INTO sweep_probe VALUES ('leak', $1, convert_to($2, 'UTF8'))`, [
      `rappeler le ${phone}`,
      `{"phone":"${international}"}`,
    ]);
    const logs = [
      `{"time":${TIME_WITH_CANARY_DIGITS},"msg":"turn"}`,
      `{"time":${TIME_WITH_CANARY_DIGITS},"msg":"call 0033${phone.slice(1)}"}`,
    ].join('\n');
    const result = await privacySweep(logs, config.redisUrl, t.db, CANARY_NEEDLES);
    expect(result.logLines).toEqual([`{"time":${TIME_WITH_CANARY_DIGITS},"msg":"call 0033698765407"}`]);
    expect(result.redisKeys.filter((key) => key.startsWith(`${prefix}:`))).toEqual([`${prefix}:leak`]);
    expect(result.clearColumns).toEqual(['sweep_probe.note']);
    expect(result.encryptedColumns).toEqual(['sweep_probe.sealed']);
  });
});
