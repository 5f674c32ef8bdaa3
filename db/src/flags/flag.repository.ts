import { sql } from 'kysely';
import type { RelaisDb } from '../create-database.js';
import { withPartnerScope } from '../partners/partner-scope.js';
import type { Executor } from '../database.js';
import { findPartnerScope } from '../partners/partner.repository.js';
import { scopeCondition } from '../partners/scope-filter.js';

/** A partner's flag on a report, as staff see it. */
export interface FlagView {
  readonly id: string;
  readonly partnerName: string;
  readonly comment: string;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
}

/** A partner's flag request. */
export interface NewFlag {
  readonly partnerId: string;
  readonly accountId: string;
  /** The report's partner identifier (`partner_ref`): partners never get its internal id. */
  readonly partnerRef: string;
  readonly comment: string;
}

/** A stored flag: its id, and the internal id of the report it sent back to review (for the audit log). */
export interface StoredFlag {
  readonly flagId: string;
  readonly reportId: string;
}

/**
 * A partner flags a released report that still identifies someone. The report must be visible to
 * the partner (checked as `relais_partner` under row-level security); it then goes back to
 * `in_review` with the flag marker, which hides it from every partner at once and puts it first in
 * the staff queue. Returns the flag, or undefined when the partner cannot see the report.
 */
export async function flagReport(db: RelaisDb, flag: NewFlag): Promise<StoredFlag | undefined> {
  const visible = await withPartnerScope(db, flag.partnerId, async (trx) => {
    const scope = await findPartnerScope(trx, flag.partnerId);
    const row = await trx
      .selectFrom('reports')
      .select('partner_ref')
      .where('partner_ref', '=', flag.partnerRef)
      .where('status', '=', 'done')
      .where((eb) => scopeCondition(eb, scope))
      .executeTakeFirst();
    return row !== undefined;
  });
  if (!visible) return undefined;
  return db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('reports')
      .set({
        status: 'in_review',
        version: sql`version + 1`,
        updated_at: new Date(),
        claimed_by: null,
        claimed_until: null,
        flagged_at: new Date(),
      })
      .where('partner_ref', '=', flag.partnerRef)
      .where('status', '=', 'done')
      .returning('id')
      .executeTakeFirst();
    if (!moved) return undefined;
    const row = await trx
      .insertInto('flags')
      .values({
        report_id: moved.id,
        partner_id: flag.partnerId,
        account_id: flag.accountId,
        comment: flag.comment,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { flagId: row.id, reportId: moved.id };
  });
}

/** The flags of a report, newest first, with the partner's name (staff only). */
export async function listReportFlags(db: Executor, reportId: string): Promise<FlagView[]> {
  const rows = await db
    .selectFrom('flags as f')
    .innerJoin('partners as p', 'p.id', 'f.partner_id')
    .select(['f.id', 'p.name', 'f.comment', 'f.created_at', 'f.resolved_at'])
    .where('f.report_id', '=', reportId)
    .orderBy('f.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    partnerName: r.name,
    comment: r.comment,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
  }));
}
