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
import { createModerationService, type ModerationService } from '@relais/moderation-ui';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { capturedLogger } from './log-capture.ts';
import { atFreePublicUrl } from './public-url.ts';
import { testConfig } from './test-config.ts';
import { deletePrefixKeys } from './redis-scan.ts';

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
  /** Its scope: the tunnel, and any postal codes (a rule of their own). */
  readonly partner?: {
    readonly slug: string;
    readonly name: string;
    readonly tunnel: string;
    readonly postalCodes?: readonly string[];
  };
  readonly env?: Record<string, string>;
  readonly service?: BotsServiceOptions;
}

/** Starts a {@link BotsStack}; `label` names its database and logger. */
export async function startBotsStack(label: string, options: BotsStackOptions = {}): Promise<BotsStack> {
  const logs = capturedLogger(label);
  const t = await createTestDatabase(testConfig().databaseUrl, label.replace(/[^a-z0-9]/g, '').slice(0, 20));
  const { config, port } = await atFreePublicUrl(testConfig({ DATABASE_URL: t.url, ...options.env }));
  if (options.partner) {
    await createPartner(t.db, {
      slug: options.partner.slug,
      name: options.partner.name,
      scope: [
        { tunnels: [options.partner.tunnel], postalCodes: [] },
        ...(options.partner.postalCodes ? [{ tunnels: [], postalCodes: [...options.partner.postalCodes] }] : []),
      ],
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
      await deletePrefixKeys(redis, config.queuePrefix);
      redis.disconnect();
      await t.drop();
    },
  };
}

/** A {@link BotsStack} with the worker and the moderation service on the same database and Redis, as `npm start` runs them. */
export interface ReportingStack extends BotsStack {
  readonly worker: WorkerService;
  readonly moderation: ModerationService;
  /** Base URL of the moderation service. */
  readonly moderationUrl: string;
}

/** Starts a {@link ReportingStack}: a report goes from a bot through the worker to the staff queue. */
export async function startReportingStack(label: string, options: BotsStackOptions = {}): Promise<ReportingStack> {
  const stack = await startBotsStack(label, options);
  const worker = await createWorkerService(stack.config, stack.logs.logger);
  const moderation = createModerationService(stack.config, stack.logs.logger);
  const moderationUrl = await moderation.server.listen({ host: '127.0.0.1', port: 0 });
  return {
    ...stack,
    worker,
    moderation,
    moderationUrl,
    async close() {
      await moderation.close();
      await worker.close();
      await stack.close();
    },
  };
}
