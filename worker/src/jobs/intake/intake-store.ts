import { insertIntakeReports, type IntakeInsertResult, type IntakeReportRow, type RelaisDb } from '@relais/db';
import { createMicroBatcher } from './micro-batcher.js';
import { FINGERPRINT_SLOTS, NEAR_IDENTICAL_SIMILARITY } from './text-fingerprint.js';

/** Fingerprint slots two near-identical texts have in common, at least. */
const MIN_EQUAL_SLOTS = Math.ceil(NEAR_IDENTICAL_SIMILARITY * FINGERPRINT_SLOTS);

/**
 * The intake job's store: each call stores one tagged report; concurrent calls share one SQL
 * statement and one commit (see `createMicroBatcher`), which also links each report to the oldest
 * near-identical stored report of the same reporter. Idempotent per report id.
 */
export function createIntakeStore(db: RelaisDb): (report: IntakeReportRow) => Promise<IntakeInsertResult> {
  return createMicroBatcher((reports: readonly IntakeReportRow[]) => insertIntakeReports(db, reports, { minEqualSlots: MIN_EQUAL_SLOTS }));
}
