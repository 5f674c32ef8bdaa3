import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';
import { waitFor } from '../support/wait-for.ts';

const JOBS = 2_000;
let h: IntakeHarness;

beforeAll(async () => {
  h = await startIntakeHarness('kill9');
});

afterAll(async () => {
  await h?.close();
});

describe('kill -9 of the worker with 2,000 intake jobs in flight', () => {
  it(
    'stores every report exactly once after a restart: 2,000 rows, none lost, no duplicate',
    { timeout: 120_000 },
    async () => {
      const { t, queue, storedCount } = h;
      const submissions = await h.enqueue(JOBS);

      const first = await h.startWorker();
      await waitFor(async () => ((await storedCount()) >= 300 ? true : undefined), 30_000, '300 reports stored');
      const active = await queue.getActiveCount();
      first.child.kill('SIGKILL');
      expect(await first.exited()).toBe('SIGKILL');
      const atKill = await storedCount();
      expect(atKill).toBeLessThan(JOBS);
      expect(active).toBeGreaterThan(0);

      const second = await h.startWorker();
      // Jobs the killed worker held come back once their locks expire (stalled-job check, ≤ ~60 s).
      await waitFor(
        async () => ((await storedCount()) >= JOBS && (await queue.getCompletedCount()) >= JOBS ? true : undefined),
        90_000,
        'all reports stored',
      );
      const rows = await t.db.selectFrom('reports').select('id').execute();
      expect(rows).toHaveLength(JOBS);
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(submissions.map((s) => s.id)));
      expect(await queue.getFailedCount()).toBe(0);
      second.child.kill('SIGTERM');
      expect(await second.exited()).toBe(0);
    },
  );
});
