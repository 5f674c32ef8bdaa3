import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelaisConfig } from '@relais/core';
import { createPartner } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createBotsService, type BotsService } from '@relais/bots';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { createModerationService, type ModerationService } from '@relais/moderation-ui';
import { capturedLogger } from '../support/log-capture.ts';
import { testConfig } from '../support/test-config.ts';
import { sendWebReport } from '../support/web-report.ts';
import { waitFor } from '../support/wait-for.ts';
import { deletePrefixKeys } from '../support/redis-scan.ts';

const DESCRIPTION = 'Un groupe nous a insultés à la sortie du bar, écrivez-moi à camille.canari@example.org';
const logs = capturedLogger('webchat-e2e');
let t: TestDatabase;
let config: RelaisConfig;
let bots: BotsService;
let worker: WorkerService;
let moderation: ModerationService;
let botsUrl: string;
let moderationUrl: string;

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'webchat');
  config = testConfig({ DATABASE_URL: t.url });
  await createPartner(t.db, {
    slug: 'montpellier',
    name: 'Ville de Montpellier',
    scope: [{ tunnels: ['montpellier'], postalCodes: [] }],
  });
  bots = await createBotsService(config, logs.logger);
  worker = await createWorkerService(config, logs.logger);
  moderation = createModerationService(config, logs.logger);
  botsUrl = await bots.server.listen({ host: '127.0.0.1', port: 0 });
  moderationUrl = await moderation.server.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await bots?.close();
  await worker?.close();
  await moderation?.close();
  await deletePrefixKeys(config.redisUrl, config.queuePrefix);
  await t?.drop();
});

describe('a report walks from the web chat (official Direct Line client) to the moderation API', () => {
  it('is tagged with the tunnel it was opened from, and reaches the staff queue', { timeout: 60_000 }, async () => {
    const { reference } = await sendWebReport(botsUrl, 'montpellier', DESCRIPTION);

    const item = await waitFor(
      async () => {
        const response = await fetch(`${moderationUrl}/api/reports`, {
          headers: { authorization: `Bearer ${config.devApiToken}` },
        });
        const items = ((await response.json()) as { items: Array<Record<string, unknown>> }).items;
        return items.find((r) => r.reference === reference);
      },
      15_000,
      'the report in the staff queue',
    );
    expect(item).toMatchObject({
      channel: 'webchat',
      tunnel: 'montpellier',
      postalCode: '34000',
      actTypes: ['insult'],
    });
    expect(logs.lines.join('')).not.toContain('camille.canari@example.org');
  });
});
