import { CompiledQuery, sql } from 'kysely';
import type { NewReportRow } from '../tables/report.table.js';
import { isErasedAtIntake, tombstoneColumns } from './erasure.repository.js';
import { PREPARED_STATEMENT } from '../create-database.js';
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

/** How {@link insertIntakeReports} links a new report to an earlier one of the same reporter. */
export interface DuplicateRule {
  /**
   * Fingerprints are 32 slots of 8 hex digits (keyed MinHash); a stored report whose fingerprint
   * has at least this many slots equal to the new one's is near-identical.
   */
  readonly minEqualSlots: number;
}

/** What {@link insertIntakeReports} did with one report. */
export interface IntakeInsertResult {
  /** Whether this call stored it (`false`: a report with this id already existed). */
  readonly stored: boolean;
  /** The earlier report it was linked to as a possible duplicate, when this call stored it. */
  readonly duplicateOf: string | null;
  /**
   * Whether this call stored it as an `erased` tombstone: its reporter had asked to erase their
   * reports after submitting it (see `eraseReporterReports`).
   */
  readonly erased: boolean;
}

const FINGERPRINT_SLOTS = 32;
const SLOT_DIGITS = 8;

/**
 * A row as the JSON text `insertIntakeRowsJson` takes, for `jsonb_populate_recordset`: envelopes in
 * bytea hex form, PII findings as JSON, NULLs left out (a missing key is NULL there), which keeps
 * the statement small. Written field by field: the tagging thread does it for every report.
 */
export function intakeRowJson(report: IntakeReportRow): string {
  const row = report.row as unknown as Record<string, unknown>;
  let json = '{';
  for (const column in row) {
    const value = row[column];
    if (value === null || value === undefined || column === 'pii_findings') continue;
    // Column names are the table's own identifiers: nothing in them needs escaping.
    json += Buffer.isBuffer(value) ? `"${column}":"\\\\x${value.toString('hex')}",` : `"${column}":${JSON.stringify(value)},`;
  }
  // Already JSON text (the row's own column value), passed on as it is.
  json += `"pii_findings":${report.row.pii_findings ?? '[]'}`;
  if (report.textFingerprint !== null) json += `,"text_fingerprint":${JSON.stringify(report.textFingerprint)}`;
  return `${json}}`;
}

/**
 * Stores several new reports in one statement (one round trip, one commit), keyed by id; returns,
 * for each, what this call did. Idempotent like {@link insertIntakeReport}: a report whose id
 * exists is left as it is. The intake job batches concurrent reports through it. All rows must have
 * the same columns (those of the first row are inserted; the others take their defaults).
 *
 * In the same statement:
 * - a report whose reporter asked to erase their reports after submitting it (the request reached
 *   the database first, e.g. while the report's intake job waited out an outage) is stored as an
 *   `erased` tombstone, keeping what `eraseReporterReports` keeps, with an audit event;
 * - with `duplicates`, a report with a reporter key and a fingerprint is linked (`duplicate_of`) to
 *   the oldest stored report of the same reporter (not erased, not purged) whose fingerprint is
 *   near-identical (else it keeps the row's own `duplicate_of`). Reports of one batch are not
 *   linked to each other, as they were not when two jobs looked up at the same time.
 */
export async function insertIntakeReports(
  db: Executor,
  reports: readonly IntakeReportRow[],
  duplicates?: DuplicateRule,
): Promise<IntakeInsertResult[]> {
  if (reports.length === 0) return [];
  const rows = reports.map((r) => ({ id: r.row.id, json: intakeRowJson(r) }));
  return insertIntakeRowsJson(db, intakeColumns(reports[0]!.row), rows, duplicates);
}

/** The columns {@link insertIntakeRowsJson} inserts for rows shaped like `row`. */
export function intakeColumns(row: NewReportRow): string[] {
  return [...Object.keys(row).filter((c) => c !== 'duplicate_of'), 'text_fingerprint'];
}

/**
 * {@link insertIntakeReports} for rows already serialised by {@link intakeRowJson} (each a JSON
 * object text, with its report id beside it), inserting `columns` ({@link intakeColumns}): a
 * process that tags reports on another thread sends their JSON text, not their objects.
 */
export async function insertIntakeRowsJson(
  db: Executor,
  columns: readonly string[],
  rows: readonly { readonly id: string; readonly json: string }[],
  duplicates?: DuplicateRule,
): Promise<IntakeInsertResult[]> {
  if (rows.length === 0) return [];
  const statement = intakeStatement(db, columns, duplicates !== undefined);
  const payload = `[${rows.map((r) => r.json).join(',')}]`;
  const parameters = statement.parameters.map((p) => (p === ROWS ? payload : p === MIN_EQUAL_SLOTS ? duplicates!.minEqualSlots : p));
  const inserted = await db.executeQuery<{ id: string; duplicate_of: string | null; status: string }>(CompiledQuery.raw(statement.sql, parameters));
  const stored = new Map(inserted.rows.map((r) => [r.id, r]));
  return rows.map((r) => {
    const row = stored.get(r.id);
    stored.delete(r.id);
    return row ? { stored: true, duplicateOf: row.duplicate_of, erased: row.status === 'erased' } : { stored: false, duplicateOf: null, erased: false };
  });
}

/** Stand-ins for the statement's two parameters while it is compiled once. */
const ROWS = Symbol('rows');
const MIN_EQUAL_SLOTS = Symbol('minEqualSlots');

/** Compiled intake statements by shape (columns, with or without the duplicate link): building one costs more than sending it. */
const intakeStatements = new Map<string, CompiledQuery>();

/**
 * The statement of {@link insertIntakeRowsJson} for rows of `columns`, compiled once per shape and
 * kept (its parameters are {@link ROWS} and {@link MIN_EQUAL_SLOTS}): kysely's building and
 * compiling it for every batch was about 4 % of the intake's main-thread time.
 */
function intakeStatement(db: Executor, columns: readonly string[], withDuplicates: boolean): CompiledQuery {
  const key = `${withDuplicates ? 'd' : '-'}${columns.join(',')}`;
  const known = intakeStatements.get(key);
  if (known) return known;
  const live = (c: string) => sql.ref(`i.${c}`);
  const tombstone = tombstoneColumns(live);
  const link = withDuplicates
    ? sql`coalesce((
        SELECT e.id FROM reports e
        WHERE e.reporter_key = i.reporter_key AND e.text_fingerprint IS NOT NULL AND e.status <> 'erased' AND e.id <> i.id
          AND (SELECT count(*) FROM generate_series(0, ${sql.lit(FINGERPRINT_SLOTS - 1)}) AS s(n)
               WHERE substr(e.text_fingerprint, n * ${sql.lit(SLOT_DIGITS)} + 1, ${sql.lit(SLOT_DIGITS)})
                   = substr(i.text_fingerprint, n * ${sql.lit(SLOT_DIGITS)} + 1, ${sql.lit(SLOT_DIGITS)})) >= ${MIN_EQUAL_SLOTS}
        ORDER BY e.received_at, e.id
        LIMIT 1), i.duplicate_of)`
    : live('duplicate_of');
  const value = (c: string) => {
    if (c === 'status') return sql`CASE WHEN i.erased THEN 'erased' ELSE i.status END`;
    if (c === 'erased_at') return sql`CASE WHEN i.erased THEN now() ELSE i.erased_at END`;
    const erased = tombstone[c];
    return erased ? sql`CASE WHEN i.erased THEN ${erased} ELSE ${live(c)} END` : live(c);
  };
  // Prepared: parsing and planning this statement cost PostgreSQL more than a quarter of its CPU per report.
  const statement = sql`${sql.raw(PREPARED_STATEMENT)}
    WITH incoming AS (
      SELECT r.*, ${isErasedAtIntake(sql.ref('r.reporter_key'), sql.ref('r.submitted_at'))} AS erased
      FROM jsonb_populate_recordset(NULL::reports, ${ROWS}::jsonb) AS r
    ), stored AS (
      INSERT INTO reports (${sql.join(columns.map((c) => sql.ref(c)))}, duplicate_of)
      SELECT ${sql.join(columns.map(value))}, CASE WHEN i.erased THEN NULL ELSE ${link} END
      FROM incoming i
      ON CONFLICT (id) DO NOTHING
      RETURNING id, duplicate_of, status
    ), audit AS (
      INSERT INTO audit_events (actor_id, actor_role, action, target_type, target_id, partner_id, details)
      SELECT NULL, 'system', 'reports.erased', 'report', NULL, NULL,
             jsonb_build_object('count', count(*), 'reportIds', jsonb_agg(id ORDER BY id), 'requestedBy', 'reporter', 'atIntake', true)
      FROM stored WHERE status = 'erased' HAVING count(*) > 0
    )
    SELECT id, duplicate_of, status FROM stored`.compile(db);
  if (intakeStatements.size >= 100) intakeStatements.clear();
  intakeStatements.set(key, statement);
  return statement;
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
