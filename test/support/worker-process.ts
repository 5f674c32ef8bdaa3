import type { ChildProcess } from 'node:child_process';
import { currentEnvironment, type RelaisConfig } from '@relais/core';
import { freePort } from './free-port.ts';
import { startServiceProcess } from './service-process.ts';

/** A worker running as a child process (`worker/src/main.ts`), as `npm start` runs it. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** What it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal name) once it has exited. */
  exited(): Promise<number | string>;
}

/** The environment a worker child gets from a test's config. */
export function workerEnvironment(
  config: RelaisConfig,
  port: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env = currentEnvironment();
  return {
    PATH: env.PATH ?? '',
    HOME: env.HOME ?? '/tmp',
    NODE_ENV: 'test',
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    DATA_KEY: config.dataKey!.toString('base64'),
    WORKER_PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/** Spawns the worker and waits until `GET /healthz` answers 200 (or fails after `timeoutMs`). */
export async function startWorkerProcess(
  config: RelaisConfig,
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<WorkerProcess> {
  const port = await freePort();
  return startServiceProcess(
    'worker',
    'worker',
    port,
    workerEnvironment(config, port, options.env),
    options.timeoutMs ?? 30_000,
  );
}
