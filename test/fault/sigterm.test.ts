import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';
import { startTcpProxy, viaProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { waitFor } from '../support/wait-for.ts';
import type { WorkerProcess } from '../support/worker-process.ts';

let h: IntakeHarness;
let proxy: TcpProxy;

beforeAll(async () => {
  h = await startIntakeHarness('sigterm', async (t) => {
    const target = new URL(t.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    return { DATABASE_URL: viaProxy(t.url, proxy) };
  });
});

afterAll(async () => {
  await proxy?.close();
  await h?.close();
});

/** The ids of the jobs the worker logged as given back to their queue at shutdown. */
function givenBack(worker: WorkerProcess): string[] {
  return worker
    .output()
    .split('\n')
    .filter((line) => line.includes('job given back to its queue at shutdown'))
    .map((line) => (JSON.parse(line) as { jobId: string }).jobId);
}

const distinctStored = async () =>
  Number((await sql<{ n: string }>`SELECT count(DISTINCT id) AS n FROM reports`.execute(h.t.db)).rows[0]!.n);

describe('SIGTERM', () => {
  it('stops taking jobs, finishes those in hand and exits 0; nothing is lost', { timeout: 90_000 }, async () => {
    const { t, queue, storedCount } = h;
    const all = await h.enqueue(4_000);
    const worker = await h.startWorker();
    await waitFor(async () => ((await storedCount()) >= 100 ? true : undefined), 20_000, 'first reports stored');
    const inHand = (await queue.getActive()).map((job) => job.id!);
    worker.child.kill('SIGTERM');
    expect(await worker.exited()).toBe(0);

    // The jobs it held when told to stop were finished (stored), not dropped or given back.
    expect(inHand.length).toBeGreaterThan(0);
    for (const id of inHand) expect(await queue.getJobState(id)).toBe('completed');
    expect(givenBack(worker)).toEqual([]);
    // It took no new job: work remained in the queue, untouched; nothing is locked or failed.
    expect(await queue.getActiveCount()).toBe(0);
    expect(await queue.getFailedCount()).toBe(0);
    const atStop = await storedCount();
    expect(atStop).toBeLessThan(all.length);
    expect(await queue.getCompletedCount()).toBe(atStop);
    expect(await queue.getWaitingCount()).toBe(all.length - atStop);

    const next = await h.startWorker();
    await waitFor(
      async () => ((await storedCount()) >= all.length ? true : undefined),
      60_000,
      'the rest stored by the next worker',
    );
    next.child.kill('SIGTERM');
    expect(await next.exited()).toBe(0);
    expect(await distinctStored()).toBe(all.length);
    expect(await storedCount()).toBe(all.length);
    await queue.obliterate({ force: true });
    await t.db.deleteFrom('reports').execute();
  });

  it(
    'keeps jobs it cannot finish until the deadline, then gives them back to the queue and exits 0; the next worker stores them',
    { timeout: 60_000 },
    async () => {
      const { t, queue, storedCount } = h;
      const worker = await h.startWorker();
      proxy.stall(); // the database stops answering: jobs in hand hang
      const all = await h.enqueue(40);
      await waitFor(
        async () => ((await queue.getActiveCount()) === all.length ? true : undefined),
        10_000,
        'every job in hand',
      );
      worker.child.kill('SIGTERM');
      // Until the deadline the stopping worker keeps them: still running, still holding every job.
      expect(worker.child.exitCode).toBeNull();
      expect(await queue.getActiveCount()).toBe(all.length);
      expect(await queue.getWaitingCount()).toBe(0);
      expect(await worker.exited()).toBe(0);

      // At the deadline it gave each back at once (not left to the stalled-job check), failing none.
      expect(givenBack(worker).sort()).toEqual(all.map((s) => s.id).sort());
      expect(await queue.getActiveCount()).toBe(0);
      expect(await queue.getWaitingCount()).toBe(all.length);
      expect(await queue.getFailedCount()).toBe(0);

      proxy.cut();
      proxy.restore();
      const next = await h.startWorker();
      await waitFor(
        async () => ((await storedCount()) >= all.length ? true : undefined),
        30_000,
        'every report stored by the next worker',
      );
      next.child.kill('SIGTERM');
      expect(await next.exited()).toBe(0);
      expect(await t.db.selectFrom('reports').select('id').execute()).toHaveLength(all.length);
      expect(givenBack(next)).toEqual([]);
    },
  );
});
