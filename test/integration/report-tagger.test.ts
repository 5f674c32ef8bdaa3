import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeyring, createLogger, detectPii, sealSubmission } from '@relais/core';
import { localTagger, startThread, threadTagger } from '@relais/worker';
import { submission as reportSubmission } from '../support/submissions.ts';

const dataKey = randomBytes(32);
const keyring = createKeyring(dataKey);
const logger = createLogger({ service: 'test', level: 'silent' });

const submission = (description: string) => reportSubmission({ description, tunnel: 'montpellier', reporterKey: 'a'.repeat(64) });

const items = [
  { data: sealSubmission(keyring, submission('Insulté par Jean Dupont devant le 12 rue de la Loge, appelez le 06 12 34 56 78.')), reference: undefined },
  { data: sealSubmission(createKeyring(randomBytes(32)), submission('scellé avec une autre clé')), reference: undefined },
  { data: sealSubmission(keyring, submission('Menacé à la sortie du tram.')), reference: 'ABCD-EFGH' },
];
const thread = threadTagger(dataKey, logger);
afterAll(() => thread.close());

/** What is the same whoever tags: everything but the envelopes (random IVs). */
const comparable = (json: string) => {
  const row = JSON.parse(json) as Record<string, unknown>;
  return { ...row, description_enc: typeof row.description_enc };
};

describe('the intake tagging thread', () => {
  it('tags as the calling thread does, and fails only the job it cannot open', async () => {
    const [here, there] = await Promise.all([localTagger(keyring, detectPii).tag(items), thread.tag(items)]);
    expect(there.map((t) => t.ok)).toEqual([true, false, true]);
    expect(there[1]).toEqual({ ok: false, error: { message: expect.stringMatching(/^invalid intake payload: no data key with id/), unrecoverable: true } });
    for (const i of [0, 2]) {
      const [a, b] = [here[i]!, there[i]!];
      if (!a.ok || !b.ok) throw new Error('expected tagged reports');
      expect(b.extra).toEqual(a.extra);
      expect(b.tunnel).toBe('montpellier');
      expect(comparable(b.json)).toEqual(comparable(a.json));
      expect(JSON.parse(b.json)).not.toHaveProperty('tunnel'); // the store adds a known one
    }
    const first = there[0]!;
    expect(first.ok && (JSON.parse(first.json) as { pii_findings: unknown[] }).pii_findings.length).toBeGreaterThan(0);
    const third = there[2]!;
    expect(third.ok && (JSON.parse(third.json) as { reference: string }).reference).toBe('ABCD-EFGH');
  });

  it('answers concurrent batches each with its own results', async () => {
    const batches = await Promise.all(Array.from({ length: 8 }, (_, i) => thread.tag([items[i % 2 === 0 ? 0 : 2]!])));
    expect(batches.map((b) => b[0]!.ok && (JSON.parse(b[0]!.json) as { reference: string }).reference === 'ABCD-EFGH')).toEqual([false, true, false, true, false, true, false, true]);
  });

  it('fails the batches of a thread that dies, and starts a new thread for the next batch', async () => {
    let starts = 0;
    const dying = threadTagger(dataKey, logger, {
      startThread: (key) => (++starts === 1 ? new Worker('setTimeout(() => process.exit(3), 20)', { eval: true }) : startThread(key)),
    });
    await expect(dying.tag(items)).rejects.toThrow('the intake tagging thread stopped (exit code 3)');
    expect((await dying.tag(items)).map((t) => t.ok)).toEqual([true, false, true]);
    expect(starts).toBe(2);
    await dying.close();
    await expect(dying.tag(items)).rejects.toThrow('the intake tagger is closed');
  });
});
