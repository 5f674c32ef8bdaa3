import { sql } from 'kysely';
import { FINGERPRINT_SLOTS, NEAR_IDENTICAL_MIN_EQUAL_SLOTS } from '@relais/core';
import type { Executor } from '../database.js';
import { isErasedAtIntake, tombstoneColumns } from '../erasures/erasure.repository.js';
import type { NewReportRow } from './report.table.js';

/** What {@link insertReports} did with one report. */
export interface InsertReportResult {
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

/**
 * Stores new reports (rows made by `toReportRow`) in one statement, one round trip and one commit,
 * keyed by id; returns, for each, what this call did. Idempotent: a report whose id exists is left
 * as it is (a re-run or duplicate intake job is harmless). All rows must have the same columns,
 * those of the first row (`toReportRow` always gives every one). The intake job batches concurrent
 * reports through it.
 *
 * In the same statement:
 * - a report whose reporter asked to erase their reports after submitting it (the request reached
 *   the database first, e.g. while the report's intake job waited out an outage) is stored as an
 *   `erased` tombstone, keeping what `eraseReporterReports` keeps, with an audit event;
 * - a report with a reporter key and a text fingerprint is linked (`duplicate_of`) to the oldest
 *   stored report of the same reporter (not erased, not purged) whose fingerprint is near-identical
 *   (core's `NEAR_IDENTICAL_MIN_EQUAL_SLOTS`), else it keeps the row's own `duplicate_of`. Reports
 *   of one batch are not linked to each other.
 */
export async function insertReports(db: Executor, rows: readonly NewReportRow[]): Promise<InsertReportResult[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'duplicate_of');
  // The rows travel as one jsonb parameter (jsonb_populate_recordset): one statement whatever the batch size.
  const { rows: inserted } = await insertStatement(columns, JSON.stringify(rows.map(jsonRow))).execute(db);
  const stored = new Map(inserted.map((r) => [r.id, r]));
  return rows.map((r) => {
    const row = stored.get(r.id);
    stored.delete(r.id);
    return row
      ? { stored: true, duplicateOf: row.duplicate_of, erased: row.status === 'erased' }
      : { stored: false, duplicateOf: null, erased: false };
  });
}

/** A row as `jsonb_populate_recordset` reads it: envelopes in bytea hex form, PII findings as JSON. */
function jsonRow(row: NewReportRow): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    json[column] = Buffer.isBuffer(value)
      ? `\\x${value.toString('hex')}`
      : column === 'pii_findings' && typeof value === 'string'
        ? JSON.parse(value)
        : value;
  }
  return json;
}

const SLOT_DIGITS = 8;

/** The statement of {@link insertReports} for rows of `columns`, given as the JSON array `payload`. */
function insertStatement(columns: readonly string[], payload: string) {
  const live = (c: string) => sql.ref(`i.${c}`);
  const tombstone = tombstoneColumns(live);
  const link = sql`coalesce((
      SELECT e.id FROM reports e
      WHERE e.reporter_key = i.reporter_key AND e.text_fingerprint IS NOT NULL AND e.status <> 'erased' AND e.id <> i.id
        AND (SELECT count(*) FROM generate_series(0, ${sql.lit(FINGERPRINT_SLOTS - 1)}) AS s(n)
             WHERE substr(e.text_fingerprint, n * ${sql.lit(SLOT_DIGITS)} + 1, ${sql.lit(SLOT_DIGITS)})
                 = substr(i.text_fingerprint, n * ${sql.lit(SLOT_DIGITS)} + 1, ${sql.lit(SLOT_DIGITS)})) >= ${sql.lit(NEAR_IDENTICAL_MIN_EQUAL_SLOTS)}
      ORDER BY e.received_at, e.id
      LIMIT 1), i.duplicate_of)`;
  const value = (c: string) => {
    if (c === 'status') return sql`CASE WHEN i.erased THEN 'erased' ELSE i.status END`;
    if (c === 'erased_at') return sql`CASE WHEN i.erased THEN now() ELSE i.erased_at END`;
    const erased = tombstone[c];
    return erased ? sql`CASE WHEN i.erased THEN ${erased} ELSE ${live(c)} END` : live(c);
  };
  return sql<{ id: string; duplicate_of: string | null; status: string }>`
    WITH incoming AS (
      SELECT r.*, ${isErasedAtIntake(sql.ref('r.reporter_key'), sql.ref('r.submitted_at'))} AS erased
      FROM jsonb_populate_recordset(NULL::reports, ${payload}::jsonb) AS r
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
    SELECT id, duplicate_of, status FROM stored`;
}
