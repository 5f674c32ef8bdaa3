import { sql } from 'kysely';
import type { Breakdowns, DigestDimension, DigestReport } from '@relais/core';
import { withPartnerScope } from '../partners/partner-scope.js';
import type { RelaisDb } from '../create-database.js';
import type { DigestRow } from './digest.table.js';
import type { Executor } from '../database.js';
import { findPartnerScope } from '../partners/partner.repository.js';
import { scopeCondition } from '../partners/scope-filter.js';

/** The periods a digest covers, as instants: [historyStart, weekStart) and [weekStart, weekEnd). */
export interface DigestPeriods {
  readonly historyStart: Date;
  readonly weekStart: Date;
  readonly weekEnd: Date;
}

/** Figures of one partner's digest, straight from the database. */
export interface DigestFigures {
  readonly week: Breakdowns;
  readonly history: Breakdowns;
  /** Released reports per Paris-time week start (`YYYY-MM-DD` of its Monday). */
  readonly weekly: ReadonlyMap<string, number>;
}

const emptyBreakdowns = (): { total: number; by: Record<DigestDimension, Record<string, number>> } => ({
  total: 0,
  by: { actType: {}, motive: {}, placeType: {}, reporterRole: {}, complaint: {}, postalCode: {} },
});

/**
 * Aggregates a partner's released reports for a digest, in one transaction as `relais_partner`
 * under row-level security, with the explicit scope filter too: out-of-scope, unreleased,
 * flagged (back in review) and erased reports can never count.
 */
export async function digestFigures(db: RelaisDb, partnerId: string, periods: DigestPeriods): Promise<DigestFigures> {
  return withPartnerScope(db, partnerId, async (trx) => {
    const scope = await findPartnerScope(trx, partnerId);
    const scoped = trx
      .selectFrom('reports')
      .select(['act_types', 'motives', 'place_type', 'reporter_role', 'complaint', 'postal_code', 'released_at'])
      .select(sql<boolean>`released_at >= ${periods.weekStart}`.as('in_week'))
      .where('status', '=', 'done')
      .where('released_at', '>=', periods.historyStart)
      .where('released_at', '<', periods.weekEnd)
      .where((eb) => scopeCondition(eb, scope));
    const rows = await trx
      .with('scoped', () => scoped)
      .selectFrom(
        sql<{ dim: string; key: string; in_week: boolean; n: string }>`(
          SELECT 'total' AS dim, '' AS key, in_week, count(*) AS n FROM scoped GROUP BY in_week
          UNION ALL SELECT 'actType', a, in_week, count(*) FROM scoped, unnest(act_types) a GROUP BY 2, 3
          UNION ALL SELECT 'motive', m, in_week, count(*) FROM scoped, unnest(motives) m GROUP BY 2, 3
          UNION ALL SELECT 'placeType', coalesce(place_type, 'unknown'), in_week, count(*) FROM scoped GROUP BY 2, 3
          UNION ALL SELECT 'reporterRole', coalesce(reporter_role, 'unknown'), in_week, count(*) FROM scoped GROUP BY 2, 3
          UNION ALL SELECT 'complaint', coalesce(complaint, 'unknown'), in_week, count(*) FROM scoped GROUP BY 2, 3
          UNION ALL SELECT 'postalCode', coalesce(postal_code, 'none'), in_week, count(*) FROM scoped GROUP BY 2, 3
          UNION ALL SELECT 'weekly', to_char(date_trunc('week', released_at AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD'), false, count(*)
            FROM scoped GROUP BY 2
        )`.as('figures'),
      )
      .selectAll()
      .execute();
    const week = emptyBreakdowns();
    const history = emptyBreakdowns();
    const weekly = new Map<string, number>();
    for (const row of rows) {
      const n = Number(row.n);
      if (row.dim === 'weekly') weekly.set(row.key, n);
      else if (row.dim === 'total') (row.in_week ? week : history).total = n;
      else (row.in_week ? week : history).by[row.dim as DigestDimension][row.key] = n;
    }
    return { week, history, weekly };
  });
}

/**
 * The reports a digest page lists for a week, read live (never from the stored digest), as
 * `relais_partner` under row-level security with the status and scope filters explicit too:
 * only reports released during `[start, end)` that the partner still sees, so a report flagged
 * (back in review) or erased since leaves every partner's digest at once. At most `limit` (200).
 */
export async function listDigestWeekReports(
  db: RelaisDb,
  partnerId: string,
  week: { readonly start: Date; readonly end: Date },
  limit = 200,
): Promise<DigestReport[]> {
  return withPartnerScope(db, partnerId, async (trx) => {
    const scope = await findPartnerScope(trx, partnerId);
    const rows = await trx
      .selectFrom('reports')
      .select(['partner_ref', 'released_at', 'postal_code', 'categories', 'anonymised_text'])
      .where('status', '=', 'done')
      .where('released_at', '>=', week.start)
      .where('released_at', '<', week.end)
      .where((eb) => scopeCondition(eb, scope))
      .orderBy('released_at')
      .orderBy('partner_ref')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      partnerRef: r.partner_ref,
      releasedAt: r.released_at!.toISOString(),
      postalCode: r.postal_code,
      categories: r.categories,
      anonymisedText: r.anonymised_text,
    }));
  });
}

/**
 * Stores a partner's digest for an ISO week unless one exists: returns the new row, or undefined
 * when the week already had one (a second firing, a retry or another worker).
 */
export async function insertDigestOnce(
  db: Executor,
  digest: {
    partnerId: string;
    isoWeek: string;
    periodStart: string;
    content: unknown;
    emailStatus: DigestRow['email_status'];
  },
): Promise<DigestRow | undefined> {
  return db
    .insertInto('digests')
    .values({
      partner_id: digest.partnerId,
      iso_week: digest.isoWeek,
      period_start: digest.periodStart,
      content: JSON.stringify(digest.content),
      email_status: digest.emailStatus,
    })
    .onConflict((oc) => oc.columns(['partner_id', 'iso_week']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** One partner's digest of one week, or undefined. */
export async function findDigest(db: Executor, partnerId: string, isoWeek: string): Promise<DigestRow | undefined> {
  return db
    .selectFrom('digests')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('iso_week', '=', isoWeek)
    .executeTakeFirst();
}

/** Records the outcome of mailing a digest. */
export async function setDigestEmailStatus(
  db: Executor,
  digestId: string,
  status: DigestRow['email_status'],
): Promise<void> {
  await db
    .updateTable('digests')
    .set({ email_status: status, emailed_at: status === 'sent' ? new Date() : null, email_error: null })
    .where('id', '=', digestId)
    .execute();
}

/**
 * Claims a digest's e-mail for sending: only a `pending` or `failed` one is claimed (it becomes
 * `sending`). Returns false when it was sent, is being sent, or needs no e-mail.
 */
export async function claimDigestEmail(db: Executor, digestId: string): Promise<boolean> {
  const row = await db
    .updateTable('digests')
    .set((eb) => ({ email_status: 'sending', email_attempts: eb('email_attempts', '+', 1) }))
    .where('id', '=', digestId)
    .where('email_status', 'in', ['pending', 'failed'])
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Records a failed send (the job will retry; the digest can be claimed again). */
export async function failDigestEmail(db: Executor, digestId: string, reason: string): Promise<void> {
  await db
    .updateTable('digests')
    .set({ email_status: 'failed', email_error: reason.slice(0, 500) })
    .where('id', '=', digestId)
    .execute();
}

/**
 * A digest as its partner sees it: the stored aggregates and whether it was e-mailed (status and
 * date; never the recipients or the relay's error).
 */
export type PartnerDigest = Pick<
  DigestRow,
  'iso_week' | 'period_start' | 'content' | 'created_at' | 'email_status' | 'emailed_at'
>;

const PARTNER_DIGEST_COLUMNS = [
  'iso_week',
  'period_start',
  'content',
  'created_at',
  'email_status',
  'emailed_at',
] as const;

/**
 * A partner's own digests, newest week first, read as `relais_partner` under row-level security
 * (the policy lets a partner read only its digests), with the partner filter explicit too.
 */
export async function listPartnerDigests(db: RelaisDb, partnerId: string, limit = 104): Promise<PartnerDigest[]> {
  return withPartnerScope(db, partnerId, (trx) =>
    trx
      .selectFrom('digests')
      .select(PARTNER_DIGEST_COLUMNS)
      .where('partner_id', '=', partnerId)
      .orderBy('iso_week', 'desc')
      .limit(limit)
      .execute(),
  );
}

/** One of a partner's own digests by ISO week, under row-level security, or undefined. */
export async function findPartnerDigest(
  db: RelaisDb,
  partnerId: string,
  isoWeek: string,
): Promise<PartnerDigest | undefined> {
  return withPartnerScope(db, partnerId, (trx) =>
    trx
      .selectFrom('digests')
      .select(PARTNER_DIGEST_COLUMNS)
      .where('partner_id', '=', partnerId)
      .where('iso_week', '=', isoWeek)
      .executeTakeFirst(),
  );
}
