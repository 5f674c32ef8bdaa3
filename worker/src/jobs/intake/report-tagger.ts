import { Worker } from 'node:worker_threads';
import type { Keyring, Logger } from '@relais/core';
import type { PiiDetector } from './pii-tagging.js';
import { tagReports, type IntakeItem, type TaggedReport } from './tag-reports.js';

/** Tags batches of intake jobs (see `tagReports`), here or on a thread of its own. */
export interface ReportTagger {
  tag(items: readonly IntakeItem[]): Promise<TaggedReport[]>;
  close(): Promise<void>;
}

/** Tags on the calling thread (a custom PII detector, which cannot cross to a thread). */
export function localTagger(keyring: Keyring, detectPii: PiiDetector): ReportTagger {
  return {
    tag: async (items) => tagReports(keyring, detectPii, items, new Date()),
    close: async () => undefined,
  };
}

/** Starts the tagging thread: its compiled JavaScript, or its TypeScript source run through tsx (development, tests). */
export function startThread(dataKey: Buffer): Worker {
  const here = import.meta.url;
  const workerData = { dataKey: new Uint8Array(dataKey) };
  if (!here.endsWith('.ts')) return new Worker(new URL('./tag-thread.js', here), { workerData });
  const source = new URL('./tag-thread.ts', here).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`, {
    eval: true,
    workerData,
    execArgv: ['--conditions=relais-source'],
  });
}

/**
 * Tags on a worker thread with core's `detectPii`, so that opening, tagging and sealing reports
 * (about a third of the intake's CPU) run on another core than BullMQ and the database client.
 * Batches are answered in order. If the thread dies, the batches it held fail (their jobs are
 * retried by BullMQ, as after any error) and the next batch starts a new thread.
 */
export function threadTagger(dataKey: Buffer, logger: Logger, options: { readonly startThread?: (dataKey: Buffer) => Worker } = {}): ReportTagger {
  const start = options.startThread ?? startThread;
  let thread: Worker | undefined;
  let next = 0;
  let closing = false;
  const pending = new Map<number, { resolve: (r: TaggedReport[]) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const current = (): Worker => {
    if (thread) return thread;
    const started = start(dataKey);
    started.on('message', ({ id, results }: { id: number; results: TaggedReport[] }) => {
      pending.get(id)?.resolve(results);
      pending.delete(id);
      if (pending.size === 0) started.unref();
    });
    started.on('error', (error) => {
      logger.error({ err: { message: error.message } }, 'intake tagging thread failed; its batches are retried');
    });
    started.on('exit', (code) => {
      if (thread === started) thread = undefined;
      if (!closing) failAll(new Error(`the intake tagging thread stopped (exit code ${code})`));
    });
    return (thread = started);
  };
  return {
    tag(items) {
      if (closing) return Promise.reject(new Error('the intake tagger is closed'));
      const id = next++;
      return new Promise<TaggedReport[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const worker = current();
        // Busy, it keeps the process alive; idle, it must not.
        worker.ref();
        worker.postMessage({ id, items, now: Date.now() });
      });
    },
    async close() {
      closing = true;
      failAll(new Error('the intake tagger is closed'));
      await thread?.terminate();
      thread = undefined;
    },
  };
}
