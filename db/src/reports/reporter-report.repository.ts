import type { ReportRow } from './report.table.js';
import type { Executor } from '../database.js';

/** What a reporter may see of their own report: reference, status, when sent. */
export type ReporterReportListing = Pick<ReportRow, 'reference' | 'status' | 'submitted_at'>;

/**
 * The reports sent from one channel identity, found by its keyed hash (`reporter_key`), newest
 * first, at most `limit`. For `/suivi`: no content, only reference and status.
 */
export async function listReporterReports(
  db: Executor,
  reporterKey: string,
  limit = 20,
): Promise<ReporterReportListing[]> {
  return db
    .selectFrom('reports')
    .select(['reference', 'status', 'submitted_at'])
    .where('reporter_key', '=', reporterKey)
    .orderBy('submitted_at', 'desc')
    .orderBy('id')
    .limit(Math.min(limit, 100))
    .execute();
}
