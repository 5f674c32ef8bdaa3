/**
 * The intake benchmark's bare baseline as a process of its own: a BullMQ worker completing no-op
 * jobs of the intake queue, at the concurrency given as first argument, on `REDIS_URL` under
 * `QUEUE_PREFIX`. Prints "ready" once connected; SIGTERM closes it.
 */
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { INTAKE_QUEUE, loadConfig } from '@relais/core';

const config = loadConfig();
const concurrency = Number(process.argv[2] ?? '1');
const worker = new Worker(INTAKE_QUEUE, async () => undefined, {
  connection: new Redis(config.redisUrl, { maxRetriesPerRequest: null }),
  prefix: config.queuePrefix,
  concurrency,
});
await worker.waitUntilReady();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
