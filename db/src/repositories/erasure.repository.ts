import { sql } from 'kysely';
import type { RelaisDb } from '../create-database.js';
import type { WorkerReportColumns } from './intake.repository.js';

/** What to erase: every report of a reporter, or only some of them. */
export interface ErasureRequest {
  /** Keyed hash of the reporter's channel identity (`reports.reporter_key`). */
  readonly reporterKey: string;
  /** Only these reports (still only if they belong to `reporterKey`); all of them when absent. */
  readonly reportIds?: readonly string[];
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
 */
export async function eraseReporterReports(db: RelaisDb, request: ErasureRequest): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
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
      .withTables<{ reports: WorkerReportColumns }>()
      .updateTable('reports')
      .set({
        status: 'erased',
        erased_at: sql`now()`,
        updated_at: sql`now()`,
        description_enc: null,
        contact_enc: null,
        contact_method: null,
        reporter_key: null,
        pii_findings: '[]',
        text_fingerprint: null,
        anonymised_text: null,
        staff_notes: null,
        reject_reason: null,
        duplicate_of: null,
        claimed_by: null,
        claimed_until: null,
        postal_code: null,
        commune: null,
        occurred_on: sql`date_trunc('month', occurred_on)::date`,
        occurred_precision: sql`CASE WHEN occurred_on IS NULL THEN NULL ELSE 'month' END`,
      })
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
