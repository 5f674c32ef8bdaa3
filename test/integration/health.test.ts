import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type RelaisConfig } from '@relais/core';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createBotsService } from '@relais/bots';
import { createModerationService } from '@relais/moderation-ui';
import { freePort } from '../support/free-port.ts';
import { testConfig } from '../support/test-config.ts';

const quiet = createLogger({ service: 'health', level: 'silent' });
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'health');
});

afterAll(async () => {
  await t?.drop();
});

type Service = { server: { listen(o: { host: string; port: number }): Promise<string> }; close(): Promise<void> };
const services: Record<string, (config: RelaisConfig) => Promise<Service>> = {
  bots: (config) => createBotsService(config, quiet),
  moderation: async (config) => createModerationService(config, quiet),
};

async function health(make: (config: RelaisConfig) => Promise<Service>, overrides: Record<string, string>) {
  const service = await make(testConfig({ DATABASE_URL: t.url, ...overrides }));
  try {
    const url = await service.server.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: (await response.json()) as { database: boolean; redis: boolean } };
  } finally {
    await service.close();
  }
}

describe.each(Object.entries(services))('GET /healthz of the %s service', (_name, make) => {
  it('answers 200 once PostgreSQL and Redis answer', async () => {
    expect(await health(make, {})).toEqual({
      status: 200,
      body: expect.objectContaining({ database: true, redis: true }),
    });
  });

  it('answers 503, promptly, while Redis is unreachable (it does not wait for Redis to come back)', async () => {
    expect(await health(make, { REDIS_URL: `redis://127.0.0.1:${await freePort()}` })).toEqual({
      status: 503,
      body: expect.objectContaining({ database: true, redis: false }),
    });
  });

  it('answers 503 while PostgreSQL is unreachable', async () => {
    const dead = new URL(t.url);
    dead.port = String(await freePort());
    expect(await health(make, { DATABASE_URL: dead.toString() })).toEqual({
      status: 503,
      body: expect.objectContaining({ database: false, redis: true }),
    });
  });
});
