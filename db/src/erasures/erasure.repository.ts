import { sql, type RawBuilder } from 'kysely';
import type { RelaisDb } from '../create-database.js';
import type { Executor } from '../database.js';

/** What to erase: every report of a reporter, or only some of them. */
export interface ErasureRequest {
  /** Keyed hash of the reporter's channel identity (`reports.reporter_key`). */
  readonly reporterKey: string;
  /** Only these reports (still only if they belong to `reporterKey`); all of them when absent. */
  readonly reportIds?: readonly string[];
  /**
   * When the reporter asked (default now). An erasure of all of a reporter's reports also covers
   * the reports submitted until then that are not stored yet: see {@link isErasedAtIntake}.
   */
  readonly requestedAt?: Date | string;
}

/**
 * What an `erased` tombstone keeps of each content column, as SQL over the live row (`column(name)`
 * refers to a column of it): no text, contact, reporter key, PII offsets, fingerprint, staff notes,
 * postal code or commune; the date of the facts cut to its month. Shared by the erasure of stored
 * reports and the tombstones stored at intake, so both keep the same.
 */
export function tombstoneColumns(column: (name: string) => RawBuilder<unknown>): Record<string, RawBuilder<unknown>> {
  const none = sql`NULL`;
  return {
    description_enc: none,
    contact_enc: none,
    contact_method: none,
    reporter_key: none,
    pii_findings: sql`'[]'::jsonb`,
    text_fingerprint: none,
    anonymised_text: none,
    staff_notes: none,
    reject_reason: none,
    duplicate_of: none,
    claimed_by: none,
    claimed_until: none,
    postal_code: none,
    commune: none,
    occurred_on: sql`date_trunc('month', ${column('occurred_on')})::date`,
    occurred_precision: sql`CASE WHEN ${column('occurred_on')} IS NULL THEN NULL ELSE 'month' END`,
  };
}

/**
 * SQL: whether a report of `reporterKey` submitted at `submittedAt`, about to be stored, is covered
 * by an erasure its reporter already asked for (it is then stored as a tombstone). Waits for an
 * erasure of the same reporter in progress; see the migration `2026-12-01-55-reporter-erasures`.
 */
export function isErasedAtIntake(
  reporterKey: RawBuilder<unknown>,
  submittedAt: RawBuilder<unknown>,
): RawBuilder<boolean> {
  return sql<boolean>`relais_reporter_erased(${reporterKey}, ${submittedAt})`;
}

/** How long an erasure request is remembered for reports still on their way in: 30 days. */
export const ERASURE_RECORD_DAYS = 30;

/**
 * Forgets erasure requests recorded before `before` (the retention job passes now minus
 * {@link ERASURE_RECORD_DAYS}): by then no report submitted before them is still in intake.
 * Returns how many were forgotten.
 */
export async function purgeErasureRecords(db: Executor, before: Date): Promise<number> {
  const result = await db.deleteFrom('reporter_erasures').where('recorded_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Erases a reporter's reports, leaving `erased` tombstones, in one transaction; returns the ids it
 * erased (reports already erased are left as they are, so a re-run is harmless).
 *
 * A tombstone keeps no content and nothing that leads back to the person: original and anonymised
 * text, contact, reporter key, PII offsets, text fingerprint, staff notes, postal code and commune
 * are removed, the date of the facts is cut to its month, and the message thread and partner flags
 * are deleted. It keeps the non-identifying tags (act types, motives, categories, place type,
 * département, channel, tunnel, dates of submission and decision), so that statistics stay right.
 * An audit event records how many reports were erased (ids only).
 *
 * Without `reportIds`, the request is also recorded (reporter key and `requestedAt`), so that a
 * report of this reporter submitted before it but not stored yet (still queued or retrying) is
 * stored as a tombstone when it arrives; the two never race (see {@link isErasedAtIntake}).
 */
export async function eraseReporterReports(db: RelaisDb, request: ErasureRequest): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    if (request.reportIds === undefined) {
      // First: the lock makes a concurrent intake insert of this reporter finish (then the select
      // below sees its rows) or wait for this commit (then it sees the record).
      await sql`SELECT relais_lock_reporter_for_erasure(${request.reporterKey})`.execute(trx);
      const requestedAt = request.requestedAt ?? new Date();
      await trx
        .insertInto('reporter_erasures')
        .values({ reporter_key: request.reporterKey, requested_at: requestedAt })
        .onConflict((oc) =>
          oc.column('reporter_key').doUpdateSet({
            requested_at: sql`greatest(reporter_erasures.requested_at, excluded.requested_at)`,
            recorded_at: sql`now()`,
          }),
        )
        .execute();
    }
    let select = trx
      .selectFrom('reports')
      .select('id')
      .where('reporter_key', '=', request.reporterKey)
      .where('status', '<>', 'erased');
    if (request.reportIds !== undefined) {
      if (request.reportIds.length === 0) return [];
      select = select.where('id', 'in', [...request.reportIds]);
    }
    const ids = (await select.orderBy('id').forUpdate().execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    await trx.deleteFrom('messages').where('report_id', 'in', ids).execute();
    await trx.deleteFrom('flags').where('report_id', 'in', ids).execute();
    await trx
      .updateTable('reports')
      .set({ status: 'erased', erased_at: sql`now()`, updated_at: sql`now()`, ...tombstoneColumns((c) => sql.ref(c)) })
      .where('id', 'in', ids)
      .execute();
    await trx
      .insertInto('audit_events')
      .values({
        actor_id: null,
        actor_role: 'system',
        action: 'reports.erased',
        target_type: 'report',
        target_id: null,
        partner_id: null,
        details: JSON.stringify({ count: ids.length, reportIds: ids, requestedBy: 'reporter' }),
      })
      .execute();
    return ids;
  });
}
