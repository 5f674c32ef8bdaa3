import type { Executor } from '../database.js';
import type { NewReportRow, ReportRow } from './report.table.js';

/**
 * Stores a new report, keyed by its id. Idempotent: a second insert of the same id changes
 * nothing and returns `false`, so a re-run intake job or a duplicate delivery is harmless.
 */
export async function insertReport(db: Executor, row: NewReportRow): Promise<boolean> {
  const result = await db
    .insertInto('reports')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** One report by id, every column (staff only), or undefined. */
export async function findReport(db: Executor, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The text fingerprint of one report (tests and staff tooling), or undefined when none. */
export async function findTextFingerprint(db: Executor, reportId: string): Promise<string | undefined> {
  const row = await db.selectFrom('reports').select('text_fingerprint').where('id', '=', reportId).executeTakeFirst();
  return row?.text_fingerprint ?? undefined;
}
