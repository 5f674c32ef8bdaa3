import { sql, type Expression, type ExpressionBuilder, type SqlBool, type Updateable } from 'kysely';
import type { ReportStatus } from '@relais/core';
import type { Database, Executor } from '../database.js';
import type { PiiDismissal, ReportRow, ReportTable } from './report.table.js';

/** A report as staff see it: every column, with the claimant's display name. */
export type StaffReportRow = ReportRow & { claimed_by_name: string | null };

/** Why a moderation change did not apply. */
export type ModerationRefusal =
  | { readonly reason: 'not_found' }
  | { readonly reason: 'version_conflict'; readonly currentVersion: number }
  | { readonly reason: 'not_claimed'; readonly claimedBy: string | null; readonly claimedUntil: Date | null }
  | { readonly reason: 'wrong_status'; readonly status: ReportStatus };

/** Outcome of a moderation change: the new version, or why it was refused. */
export type ModerationResult =
  { readonly ok: true; readonly version: number } | ({ readonly ok: false } & ModerationRefusal);

/** One report with the moderation columns and the claimant's display name (staff only). */
export async function findStaffReport(db: Executor, id: string): Promise<StaffReportRow | undefined> {
  return db
    .selectFrom('reports as r')
    .leftJoin('accounts as a', 'a.id', 'r.claimed_by')
    .selectAll('r')
    .select('a.display_name as claimed_by_name')
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** Why a change a claimant asked for did not apply: gone, wrong status, no live claim, or a newer version. */
async function diagnose(
  db: Executor,
  id: string,
  accountId: string,
  statuses: readonly ReportStatus[],
): Promise<ModerationResult> {
  const row = await db
    .selectFrom('reports')
    .select(['version', 'status', 'claimed_by', 'claimed_until'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'not_found' };
  if (!statuses.includes(row.status)) return { ok: false, reason: 'wrong_status', status: row.status };
  const claimLive = row.claimed_until !== null && row.claimed_until.getTime() > Date.now();
  if (row.claimed_by !== accountId || !claimLive)
    return {
      ok: false,
      reason: 'not_claimed',
      claimedBy: claimLive ? row.claimed_by : null,
      claimedUntil: claimLive ? row.claimed_until : null,
    };
  return { ok: false, reason: 'version_conflict', currentVersion: row.version };
}

/** The guard of every change a claimant makes: report `id` is `in_review` at `version`, claimed by `accountId` until after `now`. */
function heldAt(
  eb: ExpressionBuilder<Database, 'reports'>,
  id: string,
  accountId: string,
  version: number,
  now: Date,
): Expression<SqlBool> {
  return eb.and([
    eb('id', '=', id),
    eb('version', '=', version),
    eb('status', '=', 'in_review'),
    eb('claimed_by', '=', accountId),
    eb('claimed_until', '>', now),
  ]);
}

/**
 * Claims a `received` or `in_review` report for `until` (a `received` one moves to `in_review`).
 * Refused while another moderator's claim is live; re-claiming one's own extends it.
 */
export async function claimReport(db: Executor, id: string, accountId: string, until: Date): Promise<ModerationResult> {
  const row = await db
    .updateTable('reports')
    .set({
      claimed_by: accountId,
      claimed_until: until,
      status: sql`CASE WHEN status = 'received' THEN 'in_review' ELSE status END`,
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('status', 'in', ['received', 'in_review'])
    .where((eb) =>
      eb.or([eb('claimed_by', 'is', null), eb('claimed_until', '<', new Date()), eb('claimed_by', '=', accountId)]),
    )
    .returning('version')
    .executeTakeFirst();
  if (row) return { ok: true, version: row.version };
  const current = await db
    .selectFrom('reports')
    .select(['status', 'claimed_by', 'claimed_until'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) return { ok: false, reason: 'not_found' };
  if (current.status !== 'received' && current.status !== 'in_review')
    return { ok: false, reason: 'wrong_status', status: current.status };
  return { ok: false, reason: 'not_claimed', claimedBy: current.claimed_by, claimedUntil: current.claimed_until };
}

/** Gives a claim back (only the claimant can). */
export async function unclaimReport(db: Executor, id: string, accountId: string): Promise<ModerationResult> {
  const row = await db
    .updateTable('reports')
    .set({ claimed_by: null, claimed_until: null, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('claimed_by', '=', accountId)
    .returning('version')
    .executeTakeFirst();
  return row ? { ok: true, version: row.version } : diagnose(db, id, accountId, ['received', 'in_review']);
}

/** A change a claimant makes to an `in_review` report at a known version. */
export type ReportChange = Partial<{
  anonymised_text: string | null;
  staff_notes: string | null;
  priority: number;
  tags: string[];
  pii_dismissals: PiiDismissal[];
}>;

/**
 * Applies `change` to an `in_review` report claimed (live) by `accountId`, only if its version is
 * still `version` (optimistic locking: two moderators never overwrite each other silently).
 */
export async function updateClaimedReport(
  db: Executor,
  id: string,
  accountId: string,
  version: number,
  change: ReportChange,
): Promise<ModerationResult> {
  const { pii_dismissals, ...rest } = change;
  const now = new Date();
  const row = await db
    .updateTable('reports')
    .set({
      ...rest,
      ...(pii_dismissals ? { pii_dismissals: JSON.stringify(pii_dismissals) } : {}),
      version: sql`version + 1`,
      updated_at: now,
    })
    .where((eb) => heldAt(eb, id, accountId, version, now))
    .returning('version')
    .executeTakeFirst();
  return row ? { ok: true, version: row.version } : diagnose(db, id, accountId, ['in_review']);
}

/** What a decision on a report sets besides its status: when and how it was decided. */
type DecisionFields = Pick<
  Updateable<ReportTable>,
  'anonymised_text' | 'released_at' | 'rejected_at' | 'reject_reason'
>;

/**
 * The one transition out of review: moves a claimed `in_review` report at `version` to `status`
 * with `fields`, clearing the claim and the flag marker, and resolves the report's open partner
 * flags. Refused (with the reason) unless `accountId` holds a live claim on it at that version.
 * The caller records the audit event in the same transaction.
 */
async function decide(
  db: Executor,
  id: string,
  accountId: string,
  version: number,
  status: 'done' | 'rejected',
  fields: (now: Date) => DecisionFields,
): Promise<ModerationResult> {
  const now = new Date();
  const row = await db
    .updateTable('reports')
    .set({
      ...fields(now),
      status,
      flagged_at: null,
      claimed_by: null,
      claimed_until: null,
      version: sql`version + 1`,
      updated_at: now,
    })
    .where((eb) => heldAt(eb, id, accountId, version, now))
    .returning('version')
    .executeTakeFirst();
  if (!row) return diagnose(db, id, accountId, ['in_review']);
  await db
    .updateTable('flags')
    .set({ resolved_at: now, resolved_by: accountId })
    .where('report_id', '=', id)
    .where('resolved_at', 'is', null)
    .execute();
  return { ok: true, version: row.version };
}

/**
 * Releases a claimed `in_review` report (`done`): partners of its scope see it at once. Clears the
 * claim and the flag marker, and resolves open partner flags. Run it in a transaction.
 */
export async function releaseReport(
  db: Executor,
  id: string,
  accountId: string,
  version: number,
  anonymisedText: string | null,
): Promise<ModerationResult> {
  return decide(db, id, accountId, version, 'done', (now) => ({ anonymised_text: anonymisedText, released_at: now }));
}

/**
 * Rejects a claimed `in_review` report with a reason (staff only; partners never see it). Clears the
 * claim and the flag marker, and resolves open partner flags. Run it in a transaction.
 */
export async function rejectReport(
  db: Executor,
  id: string,
  accountId: string,
  version: number,
  reason: string,
): Promise<ModerationResult> {
  return decide(db, id, accountId, version, 'rejected', (now) => ({ rejected_at: now, reject_reason: reason }));
}
