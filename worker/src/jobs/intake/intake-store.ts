import { insertIntakeRowsJson, type IntakeInsertResult, type RelaisDb } from '@relais/db';
import { createMicroBatcher } from './micro-batcher.js';
import type { ReportTagger } from './report-tagger.js';
import { taggingError, type IntakeItem, type TaggedExtra } from './tag-reports.js';
import { FINGERPRINT_SLOTS, NEAR_IDENTICAL_SIMILARITY } from './text-fingerprint.js';

/** Fingerprint slots two near-identical texts have in common, at least. */
const MIN_EQUAL_SLOTS = Math.ceil(NEAR_IDENTICAL_SIMILARITY * FINGERPRINT_SLOTS);

/** What the store answers for one intake job: the insert's outcome and what tagging gave, or why it failed. */
export type Stored = { readonly ok: true; readonly result: IntakeInsertResult; readonly extra: TaggedExtra } | { readonly ok: false; readonly error: Error };

/** The options of {@link createIntakeStore}. */
export interface IntakeStoreOptions {
  readonly db: RelaisDb;
  readonly tagger: ReportTagger;
  /** Whether a partner scope knows a tunnel (a report keeps its tunnel only then). */
  readonly isKnownTunnel: (tunnel: string) => Promise<boolean>;
  /** Called just before a stored batch's jobs are answered. */
  readonly beforeSettle?: (() => void) | undefined;
}

/**
 * The intake job's store: concurrent calls form one batch (see `createMicroBatcher`); the tagger
 * opens, tags and seals the whole batch in one pass (on its own thread, while the previous batch is
 * in the database), then one SQL statement and one commit store it, which also links each report
 * to the oldest near-identical stored report of the same reporter. A job that cannot be tagged
 * fails alone; an insert that throws (an outage, a reference clash) is retried job by job by the
 * batcher, so only the job at fault fails. Idempotent per report id.
 */
export function createIntakeStore(options: IntakeStoreOptions): (item: IntakeItem) => Promise<Stored> {
  const { db, tagger, isKnownTunnel } = options;
  return createMicroBatcher(
    async (items: readonly IntakeItem[]): Promise<Stored[]> => {
      const tagged = await tagger.tag(items);
      const tunnels = new Map<string, Promise<boolean>>();
      for (const t of tagged) if (t.ok && t.tunnel && !tunnels.has(t.tunnel)) tunnels.set(t.tunnel, isKnownTunnel(t.tunnel));
      const known = new Map(await Promise.all([...tunnels].map(async ([tunnel, lookup]) => [tunnel, await lookup] as const)));
      const rows: { id: string; json: string }[] = [];
      let columns: readonly string[] = [];
      for (const t of tagged) {
        if (!t.ok) continue;
        columns = t.columns;
        // The tagged JSON has no tunnel: a known one goes first in the object.
        rows.push({ id: t.id, json: t.tunnel && known.get(t.tunnel) ? `{"tunnel":${JSON.stringify(t.tunnel)},${t.json.slice(1)}` : t.json });
      }
      const results = await insertIntakeRowsJson(db, columns, rows, { minEqualSlots: MIN_EQUAL_SLOTS });
      let next = 0;
      return tagged.map((t): Stored => (t.ok ? { ok: true, result: results[next++]!, extra: t.extra } : { ok: false, error: taggingError(t.error) }));
    },
    // Four batches at a time: one being tagged while others are in the database.
    { maxInFlight: 4, beforeSettle: options.beforeSettle },
  );
}
