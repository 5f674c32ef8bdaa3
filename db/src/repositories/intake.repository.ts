import type { NewReportRow } from '../tables/report.table.js';
import type { Executor } from './executor.js';

/**
 * Columns of `reports` added by the worker migration (`2026-11-22-10-worker`), known to kysely
 * through `withTables` until `ReportTable` declares them.
 */
export interface WorkerReportColumns {
  /** Keyed MinHash signature of the normalised original text (256 hex digits); null once purged or erased. */
  text_fingerprint: string | null;
}

/** A report as the intake job stores it: the row plus its text fingerprint. */
export interface IntakeReportRow {
  readonly row: NewReportRow;
  readonly textFingerprint: string | null;
}

/** A reporter's earlier report that a new one may duplicate. */
export interface ReporterFingerprint {
  readonly id: string;
  readonly textFingerprint: string;
}

const withWorkerColumns = (db: Executor) => db.withTables<{ reports: WorkerReportColumns }>();

/**
 * Stores a new report with its text fingerprint, keyed by its id. Idempotent: a second insert of
 * the same id changes nothing and returns `false` (a re-run or duplicate intake job is harmless).
 */
export async function insertIntakeReport(db: Executor, report: IntakeReportRow): Promise<boolean> {
  const result = await withWorkerColumns(db)
    .insertInto('reports')
    .values({ ...report.row, text_fingerprint: report.textFingerprint })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * Stores several new reports in one statement (one commit), keyed by id; returns, for each, whether
 * this call stored it (`false`: it already existed). Same idempotence as {@link insertIntakeReport};
 * the intake job batches concurrent reports through it.
 */
export async function insertIntakeReports(db: Executor, reports: readonly IntakeReportRow[]): Promise<boolean[]> {
  if (reports.length === 0) return [];
  const inserted = await withWorkerColumns(db)
    .insertInto('reports')
    .values(reports.map((r) => ({ ...r.row, text_fingerprint: r.textFingerprint })))
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  const stored = new Set(inserted.map((r) => r.id));
  return reports.map((r) => stored.delete(r.row.id));
}

/**
 * {@link findReporterFingerprints} for several reporters in one query: their reports' fingerprints
 * (not erased, not purged), oldest first, by reporter key (at most 200 each).
 */
export async function findFingerprintsOfReporters(db: Executor, reporterKeys: readonly string[]): Promise<Map<string, ReporterFingerprint[]>> {
  const byKey = new Map<string, ReporterFingerprint[]>(reporterKeys.map((k) => [k, []]));
  if (reporterKeys.length === 0) return byKey;
  const rows = await withWorkerColumns(db)
    .selectFrom('reports')
    .select(['id', 'reporter_key', 'text_fingerprint'])
    .where('reporter_key', 'in', [...new Set(reporterKeys)])
    .where('text_fingerprint', 'is not', null)
    .where('status', '<>', 'erased')
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = byKey.get(row.reporter_key ?? '');
    if (list && list.length < 200) list.push({ id: row.id, textFingerprint: row.text_fingerprint ?? '' });
  }
  return byKey;
}

/**
 * The text fingerprints of a reporter's stored reports (not erased, not purged), oldest first, at
 * most `limit` (default 200): the candidates of a possible-duplicate link.
 */
export async function findReporterFingerprints(
  db: Executor,
  reporterKey: string,
  options: { readonly excludeId?: string; readonly limit?: number } = {},
): Promise<ReporterFingerprint[]> {
  let query = withWorkerColumns(db)
    .selectFrom('reports')
    .select(['id', 'text_fingerprint'])
    .where('reporter_key', '=', reporterKey)
    .where('text_fingerprint', 'is not', null)
    .where('status', '<>', 'erased');
  if (options.excludeId !== undefined) query = query.where('id', '<>', options.excludeId);
  const rows = await query.orderBy('received_at').orderBy('id').limit(options.limit ?? 200).execute();
  return rows.map((r) => ({ id: r.id, textFingerprint: r.text_fingerprint ?? '' }));
}

/** The text fingerprint of one report (tests and staff tooling), or undefined when none. */
export async function findTextFingerprint(db: Executor, reportId: string): Promise<string | undefined> {
  const row = await withWorkerColumns(db).selectFrom('reports').select('text_fingerprint').where('id', '=', reportId).executeTakeFirst();
  return row?.text_fingerprint ?? undefined;
}
