import Fastify, { type FastifyInstance } from 'fastify';
import type { ActivityHandler } from 'botbuilder';
import { Redis } from 'ioredis';
import { createKeyring, type RelaisConfig } from '@relais/core';
import { createDirectLineEndpoint, type DirectLineEndpoint, type DirectLineEndpointDeps } from '@relais/bots';
import { freePort } from './free-port.ts';
import { capturedLogger } from './log-capture.ts';
import { deletePrefixKeys } from './redis-scan.ts';
import { testConfig } from './test-config.ts';

/** A bare Fastify app serving only the Direct Line endpoint for `bot`, at its public URL on loopback. */
export interface DirectLineServer {
  readonly config: RelaisConfig;
  readonly redis: Redis;
  readonly endpoint: DirectLineEndpoint;
  readonly app: FastifyInstance;
  /** Its base URL, which is also the endpoint's `PUBLIC_URL`. */
  readonly base: string;
  /** Closes the app and the endpoint, deletes the run's Redis keys, disconnects. */
  close(): Promise<void>;
}

/** What a test may change: endpoint options, the proxies trusted, more routes on the same app. */
export interface DirectLineServerOptions {
  readonly endpoint?: Partial<Omit<DirectLineEndpointDeps, 'redis' | 'keyring' | 'prefix' | 'logger' | 'bot'>>;
  /** Fastify's `trustProxy` (loopback, to play clients at other addresses with X-Forwarded-For). */
  readonly trustProxy?: string;
  readonly routes?: (app: FastifyInstance, publicUrl: string) => void | Promise<void>;
}

/** Starts a {@link DirectLineServer} for `bot`; `label` names its logger. */
export async function startDirectLineServer(
  label: string,
  bot: ActivityHandler,
  options: DirectLineServerOptions = {},
): Promise<DirectLineServer> {
  const config = testConfig();
  const redis = new Redis(config.redisUrl);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const endpoint = createDirectLineEndpoint({
    redis,
    keyring: createKeyring(config.dataKey!),
    prefix: config.queuePrefix,
    logger: capturedLogger(label).logger,
    bot,
    publicUrl: base,
    ...options.endpoint,
  });
  const app = Fastify(options.trustProxy ? { trustProxy: options.trustProxy } : {});
  await endpoint.register(app);
  await options.routes?.(app, base);
  await app.listen({ host: '127.0.0.1', port });
  return {
    config,
    redis,
    endpoint,
    app,
    base,
    async close() {
      await app.close();
      endpoint.close();
      await deletePrefixKeys(redis, config.queuePrefix);
      redis.disconnect();
    },
  };
}
