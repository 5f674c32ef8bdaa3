import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import {
  INTAKE_QUEUE,
  createKeyring,
  openSubmission,
  type Keyring,
  type RelaisConfig,
  type ReportSubmission,
} from '@relais/core';
import { createPartner } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createBotsService, type BotsService, type BotsServiceOptions } from '@relais/bots';
import { freePort } from './free-port.ts';
import { capturedLogger } from './log-capture.ts';
import { testConfig } from './test-config.ts';

/** The bots service on a fresh database and queue prefix, listening on loopback, with its intake queue. */
export interface BotsStack {
  readonly t: TestDatabase;
  readonly config: RelaisConfig;
  readonly keyring: Keyring;
  readonly bots: BotsService;
  /** Base URL of the bots service. */
  readonly url: string;
  readonly redis: Redis;
  readonly intake: Queue;
  readonly logs: ReturnType<typeof capturedLogger>;
  /** The submissions on the intake queue, opened. */
  submissions(): Promise<ReportSubmission[]>;
  /** Closes the service, deletes the run's Redis keys and drops the database. */
  close(): Promise<void>;
}

/** What a {@link BotsStack} starts with: a partner whose tunnel the reports come through, extra env, service options. */
export interface BotsStackOptions {
  readonly partner?: { readonly slug: string; readonly name: string; readonly tunnel: string };
  readonly env?: Record<string, string>;
  readonly service?: BotsServiceOptions;
  /** Listen on a port chosen first and set `PUBLIC_URL` to it, so the addresses the service gives out work. */
  readonly atPublicUrl?: boolean;
}

/** Starts a {@link BotsStack}; `label` names its database and logger. */
export async function startBotsStack(label: string, options: BotsStackOptions = {}): Promise<BotsStack> {
  const logs = capturedLogger(label);
  const t = await createTestDatabase(testConfig().databaseUrl, label.replace(/[^a-z0-9]/g, '').slice(0, 20));
  const port = options.atPublicUrl ? await freePort() : 0;
  const config = testConfig({
    DATABASE_URL: t.url,
    ...(options.atPublicUrl ? { PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    ...options.env,
  });
  if (options.partner) {
    await createPartner(t.db, {
      slug: options.partner.slug,
      name: options.partner.name,
      scope: [{ tunnels: [options.partner.tunnel], postalCodes: [] }],
    });
  }
  const keyring = createKeyring(config.dataKey!);
  const bots = await createBotsService(config, logs.logger, options.service);
  const url = await bots.server.listen({ host: '127.0.0.1', port });
  const redis = new Redis(config.redisUrl);
  const intake = new Queue(INTAKE_QUEUE, { connection: redis, prefix: config.queuePrefix });
  return {
    t,
    config,
    keyring,
    bots,
    url,
    redis,
    intake,
    logs,
    async submissions() {
      const jobs = await intake.getJobs(['waiting', 'delayed', 'active', 'completed']);
      return jobs.map((job) => openSubmission(keyring, job.data));
    },
    async close() {
      await intake.close();
      await bots.close();
      const keys = await redis.keys(`${config.queuePrefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await t.drop();
    },
  };
}
