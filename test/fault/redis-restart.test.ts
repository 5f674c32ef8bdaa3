import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { startDedicatedRedis, type DedicatedRedis } from '../support/redis-server.ts';
import { waitFor } from '../support/wait-for.ts';

let h: IntakeHarness;
let redisServer: DedicatedRedis;
let worker: WorkerService;
let healthUrl: string;

beforeAll(async () => {
  redisServer = await startDedicatedRedis();
  h = await startIntakeHarness('redisrestart', () => ({ REDIS_URL: redisServer.url }));
  // The producer loses its connection on purpose below.
  h.redis.on('error', () => undefined);
  h.queue.on('error', () => undefined);
  worker = await createWorkerService(h.config, capturedLogger('redis-restart').logger, {
    lockDurationMs: 5_000,
    stalledIntervalMs: 5_000,
  });
  healthUrl = `${await worker.server.listen({ host: '127.0.0.1', port: 0 })}/healthz`;
});

afterAll(async () => {
  await worker?.close({ deadlineMs: 1_000 });
  await h?.close();
  await redisServer?.destroy();
});

describe('Redis restarted during intake', () => {
  it('the worker reconnects on its own and stores every report once', { timeout: 90_000 }, async () => {
    const { t, queue, storedCount } = h;
    const add = (n: number) => h.enqueue(n);
    const all = await add(600);
    await waitFor(async () => ((await storedCount()) >= 100 ? true : undefined), 20_000, 'first reports stored');

    await redisServer.stop();
    expect((await fetch(healthUrl)).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await redisServer.start();
    all.push(...(await add(200)));

    // Jobs Redis handed out as the connection dropped come back when their lock expires (5 s here).
    await waitFor(
      async () => ((await storedCount()) >= all.length ? true : undefined),
      60_000,
      'every report stored after the restart',
    );
    const rows = await t.db.selectFrom('reports').select('id').execute();
    expect(rows).toHaveLength(all.length);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(all.map((s) => s.id)));
    expect(await queue.getFailedCount()).toBe(0);
    await waitFor(async () => ((await fetch(healthUrl)).status === 200 ? true : undefined), 10_000, 'healthy again');
  });
});
