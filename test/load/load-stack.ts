import { createKeyring, currentEnvironment, type Keyring, type RelaisConfig } from '@relais/core';
import { createPartner } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { startDedicatedPostgres, type DedicatedPostgres } from '../support/dedicated-postgres.ts';
import { startDedicatedRedis, type DedicatedRedis } from '../support/redis-server.ts';
import { freePort } from '../support/free-port.ts';
import {
  startServiceProcess,
  stopServiceProcess,
  type SERVICE_ENTRIES,
  type ServiceProcess,
} from '../support/service-process.ts';
import { testConfig } from '../support/test-config.ts';
import { startFakeBotApi, type FakeBotApi } from './fake-bot-api.ts';

/** The Telegram webhook secret of the load stack. */
export const LOAD_WEBHOOK_SECRET = 'load-webhook-secret-0123456789abcdef';
/** The partner tunnel the load's reports come through (half of them). */
export const LOAD_TUNNEL = 'montpellier';

/** One slot of a service: the process running in it now, and how to run it again after a kill. */
export interface ServiceSlot {
  current: ServiceProcess;
  /** Every process that ran in this slot (their output is kept for the privacy sweep). */
  readonly history: ServiceProcess[];
  restart(): Promise<void>;
}

/**
 * The whole system as production runs it, on loopback: 2 bot processes (webhook mode), 2 worker
 * processes and the moderation service, against a PostgreSQL and a Redis (AOF on) of their own,
 * so a fault test can kill or restart any of them. The Bot API is a fake on loopback.
 */
export interface LoadStack {
  readonly config: RelaisConfig;
  readonly keyring: Keyring;
  readonly database: TestDatabase;
  readonly postgres: DedicatedPostgres;
  readonly redis: DedicatedRedis;
  readonly botApi: FakeBotApi;
  readonly bots: readonly ServiceSlot[];
  readonly workers: readonly ServiceSlot[];
  readonly moderation: ServiceSlot;
  /** Base URLs of the bot processes (a load balancer's targets). */
  readonly botUrls: readonly string[];
  readonly moderationUrl: string;
  /** Every log line any service process wrote, killed ones included. */
  logs(): string;
  close(): Promise<void>;
}

/** Starts a {@link LoadStack}; `botEntry: 'bareBots'` runs the bare baseline in place of the bots. */
export async function startLoadStack(
  options: { bots?: number; workers?: number; logLevel?: string; botEntry?: 'bots' | 'bareBots' } = {},
): Promise<LoadStack> {
  const postgres = await startDedicatedPostgres();
  const redis = await startDedicatedRedis();
  const botApi = await startFakeBotApi();
  const database = await createTestDatabase(postgres.url, 'load');
  await createPartner(database.db, {
    slug: LOAD_TUNNEL,
    name: 'Ville de Montpellier',
    scope: [{ tunnels: [LOAD_TUNNEL], postalCodes: ['34000', '34070', '34080', '34090'] }],
  });
  const config = testConfig({ DATABASE_URL: database.url, REDIS_URL: redis.url });
  const keyring = createKeyring(config.dataKey!);
  const env = currentEnvironment();
  const common: Record<string, string> = {
    PATH: env.PATH ?? '',
    HOME: env.HOME ?? '/tmp',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: options.logLevel ?? 'info',
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    DATA_KEY: config.dataKey!.toString('base64'),
    DEV_API_TOKEN: config.devApiToken!,
    TELEGRAM_BOT_TOKEN: '123456789:AALoad_token_for_relais_000000000',
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: LOAD_WEBHOOK_SECRET,
    TELEGRAM_API_ROOT: botApi.url,
    // The load generator plays a load balancer on loopback: per-client limits read X-Forwarded-For.
    TRUST_PROXY: 'loopback',
  };
  const slot = async (
    name: string,
    entry: keyof typeof SERVICE_ENTRIES,
    portVariable: string,
  ): Promise<ServiceSlot> => {
    const port = await freePort();
    const run = () =>
      startServiceProcess(
        name,
        entry,
        port,
        { ...common, [portVariable]: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
        60_000,
      );
    const first = await run();
    const s: ServiceSlot = {
      current: first,
      history: [first],
      async restart() {
        s.current = await run();
        s.history.push(s.current);
      },
    };
    return s;
  };
  const count = (n: number | undefined) => Array.from({ length: n ?? 2 }, (_, i) => i);
  const starting: Promise<ServiceSlot>[] = [];
  const start = (name: string, entry: keyof typeof SERVICE_ENTRIES, portVariable: string) => {
    const s = slot(name, entry, portVariable);
    starting.push(s);
    return s;
  };
  let bots: ServiceSlot[], workers: ServiceSlot[], moderation: ServiceSlot;
  try {
    bots = await Promise.all(
      count(options.bots).map((i) => start(`bots-${i + 1}`, options.botEntry ?? 'bots', 'BOTS_PORT')),
    );
    workers = await Promise.all(count(options.workers).map((i) => start(`worker-${i + 1}`, 'worker', 'WORKER_PORT')));
    moderation = await start('moderation', 'moderation', 'UI_PORT');
  } catch (error) {
    // One service failed to start: stop those that did, and the servers, before saying why.
    const up = (await Promise.allSettled(starting)).flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    await Promise.all(up.map((s) => stopServiceProcess(s.current).catch(() => undefined)));
    await botApi.close();
    await database.drop().catch(() => undefined);
    await postgres.destroy();
    await redis.destroy();
    throw error;
  }
  const all = () => [...bots, ...workers, moderation];
  return {
    config,
    keyring,
    database,
    postgres,
    redis,
    botApi,
    bots,
    workers,
    moderation,
    botUrls: bots.map((b) => `http://127.0.0.1:${b.current.port}`),
    moderationUrl: `http://127.0.0.1:${moderation.current.port}`,
    logs: () =>
      all()
        .flatMap((s) => s.history.map((p) => p.output()))
        .join('\n'),
    async close() {
      await Promise.all(all().map((s) => stopServiceProcess(s.current).catch(() => undefined)));
      await botApi.close();
      await database.drop().catch(() => undefined);
      await postgres.destroy();
      await redis.destroy();
    },
  };
}
