/**
 * The intake tagging thread: opens and tags the intake jobs the worker's main thread sends it, in
 * batches, so that the CPU work of a report runs beside BullMQ and the database client instead of
 * between them. `workerData.dataKey` is the data key (the keyring is derived here).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createKeyring, detectPii } from '@relais/core';
import { tagReports, type IntakeItem } from './tag-reports.js';

const keyring = createKeyring(Buffer.from((workerData as { dataKey: Uint8Array }).dataKey));
parentPort!.on('message', ({ id, items, now }: { id: number; items: IntakeItem[]; now: number }) => {
  parentPort!.postMessage({ id, results: tagReports(keyring, detectPii, items, new Date(now)) });
});
