import { insertIntakeReports, type IntakeInsertResult, type IntakeReportRow, type RelaisDb } from '@relais/db';
import { createMicroBatcher } from './micro-batcher.js';
import { FINGERPRINT_SLOTS, NEAR_IDENTICAL_SIMILARITY } from './text-fingerprint.js';

/** Fingerprint slots two near-identical texts have in common, at least. */
const MIN_EQUAL_SLOTS = Math.ceil(NEAR_IDENTICAL_SIMILARITY * FINGERPRINT_SLOTS);

/** One item of an intake batch turned into a row, or the reason it cannot be (it fails alone). */
export type Prepared<Extra> = { readonly ok: true; readonly report: IntakeReportRow; readonly extra: Extra } | { readonly ok: false; readonly error: unknown };

/** What the store answers for one item: the insert's outcome and what preparing it gave. */
export type Stored<Extra> = { readonly ok: true; readonly result: IntakeInsertResult; readonly extra: Extra } | { readonly ok: false; readonly error: unknown };

/**
 * The intake job's store: concurrent calls form one batch (see `createMicroBatcher`); `prepare`
 * turns the whole batch into rows in one pass (opening, tagging and sealing each item, back to back,
 * while the previous batch is in the database), then one SQL statement and one commit store them,
 * which also links each report to the oldest near-identical stored report of the same reporter.
 * An item that cannot be prepared fails alone; an insert that throws (an outage, a reference
 * clash) is retried item by item by the batcher, so only the item at fault fails. Idempotent per
 * report id.
 */
export function createIntakeStore<Item, Extra>(
  db: RelaisDb,
  prepare: (items: readonly Item[]) => Promise<readonly Prepared<Extra>[]>,
  beforeSettle?: () => void,
): (item: Item) => Promise<Stored<Extra>> {
  return createMicroBatcher(async (items: readonly Item[]): Promise<Stored<Extra>[]> => {
    const prepared = await prepare(items);
    const rows = prepared.flatMap((p) => (p.ok ? [p.report] : []));
    const results = await insertIntakeReports(db, rows, { minEqualSlots: MIN_EQUAL_SLOTS });
    let next = 0;
    return prepared.map((p) => (p.ok ? { ok: true, result: results[next++]!, extra: p.extra } : p));
  }, { beforeSettle });
}
