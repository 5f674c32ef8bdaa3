import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_JOB_OPTIONS } from '@relais/core';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { startTcpProxy, viaProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { waitFor } from '../support/wait-for.ts';

const OUTAGE_MS = 30_000;
let h: IntakeHarness;
let proxy: TcpProxy;
let worker: WorkerService;

beforeAll(async () => {
  h = await startIntakeHarness('pgoutage', async (t) => {
    const target = new URL(t.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    return { DATABASE_URL: viaProxy(t.url, proxy) };
  });
  worker = await createWorkerService(h.config, capturedLogger('pg-outage').logger);
});

afterAll(async () => {
  await worker?.close({ deadlineMs: 1_000 });
  await proxy?.close();
  await h?.close();
});

describe('PostgreSQL unreachable for 30 seconds during intake', () => {
  it(
    'retries with exponential backoff, fails nothing, and stores every report once it is back',
    { timeout: 120_000 },
    async () => {
      const { t, queue, storedCount } = h;
      const add = (n: number) => h.enqueue(n);
      const all = await add(150);
      await waitFor(async () => ((await storedCount()) >= 150 ? true : undefined), 20_000, 'first reports stored');

      proxy.cut();
      const outageEnds = Date.now() + OUTAGE_MS;
      let maxFailed = 0;
      let maxDelayed = 0;
      while (Date.now() < outageEnds) {
        if (all.length < 450) all.push(...(await add(30)));
        maxFailed = Math.max(maxFailed, await queue.getFailedCount());
        maxDelayed = Math.max(maxDelayed, await queue.getDelayedCount());
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      proxy.restore();
      expect(maxDelayed).toBeGreaterThan(0);

      await waitFor(
        async () => {
          maxFailed = Math.max(maxFailed, await queue.getFailedCount());
          return (await storedCount()) >= all.length ? true : undefined;
        },
        75_000,
        'every report stored after the outage',
      );
      expect(maxFailed).toBe(0);
      expect(await queue.getFailedCount()).toBe(0);
      const rows = await t.db.selectFrom('reports').select('id').execute();
      expect(rows).toHaveLength(all.length);
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(all.map((s) => s.id)));
      // Some jobs went through several attempts, spaced exponentially (1 s, 2 s, 4 s…), within their budget.
      const retried = await Promise.all(all.slice(150, 200).map((s) => queue.getJob(s.id)));
      const attempts = retried.map((j) => j?.attemptsMade ?? 0);
      expect(Math.max(...attempts)).toBeGreaterThanOrEqual(4);
      expect(Math.max(...attempts)).toBeLessThan(INTAKE_JOB_OPTIONS.attempts);
    },
  );
});
