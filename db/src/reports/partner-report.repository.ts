import { sql, type SelectQueryBuilder } from 'kysely';
import { addWeeks, isoWeekOf, isoWeekOfDate, weekBounds, type PartnerScope } from '@relais/core';
import type { RelaisDb } from '../create-database.js';
import type { Database, Executor } from '../database.js';
import { withPartnerScope } from '../partners/partner-scope.js';
import { findPartnerScope } from '../partners/partner.repository.js';
import { scopeCondition } from '../partners/scope-filter.js';
import { PARTNER_LISTED_COLUMNS, type PartnerReport } from './partner-columns.js';

/** Filters of the partner views; each optional, each validated by the caller's schema too. */
export interface PartnerReportFilter {
  readonly actType?: string;
  readonly motive?: string;
  readonly placeType?: string;
  readonly postalCode?: string;
  /** `YYYY-MM`: month of the facts (or of the report when the date of the facts is unknown). */
  readonly month?: string;
  readonly limit?: number;
  readonly offset?: number;
}

// Months are all a partner session may read of the facts' and the report's dates (no `occurred_on`, `submitted_at` grant).
const factsMonth = sql<string>`coalesce(occurred_month, submitted_month)`;

function filtered<O>(
  query: SelectQueryBuilder<Database, 'reports', O>,
  filter: PartnerReportFilter,
): SelectQueryBuilder<Database, 'reports', O> {
  let q = query;
  if (filter.actType) q = q.where(sql<boolean>`act_types @> ARRAY[${filter.actType}]::text[]`);
  if (filter.motive) q = q.where(sql<boolean>`motives @> ARRAY[${filter.motive}]::text[]`);
  if (filter.placeType) q = q.where('place_type', '=', filter.placeType);
  if (filter.postalCode) q = q.where('postal_code', '=', filter.postalCode);
  if (filter.month) q = q.where(sql<boolean>`${factsMonth} = ${filter.month}`);
  return q;
}

/**
 * Runs `fn` with the partner's released, in-scope reports as a base query: as `relais_partner`
 * under row-level security, with `status = 'done'` and the partner's own scope rules explicit too.
 */
async function inPartnerScope<T>(
  db: RelaisDb,
  partnerId: string,
  fn: (base: () => SelectQueryBuilder<Database, 'reports', object>, scope: PartnerScope) => Promise<T>,
): Promise<T> {
  return withPartnerScope(db, partnerId, async (trx) => {
    const scope = await findPartnerScope(trx, partnerId);
    return fn(
      () =>
        trx
          .selectFrom('reports')
          .where('status', '=', 'done')
          .where((eb) => scopeCondition(eb, scope)),
      scope,
    );
  });
}

/**
 * A page of a partner's released reports, newest release first (default 50, at most 200). Enforced
 * twice: the query filters on `done` and on the partner's own rules, and it runs as
 * `relais_partner` under row-level security. A suspended partner gets an empty list.
 */
export async function searchPartnerReports(
  db: RelaisDb,
  partnerId: string,
  filter: PartnerReportFilter = {},
): Promise<PartnerReport[]> {
  return inPartnerScope(db, partnerId, (base) =>
    filtered(base().select(PARTNER_LISTED_COLUMNS), filter)
      .orderBy('released_at', 'desc')
      .orderBy('partner_ref')
      .limit(Math.min(filter.limit ?? 50, 200))
      .offset(filter.offset ?? 0)
      .execute(),
  );
}

/** Up to `max` (default 10,000) of a partner's reports for a CSV export, newest release first. */
export async function exportPartnerReports(
  db: RelaisDb,
  partnerId: string,
  filter: PartnerReportFilter = {},
  max = 10_000,
): Promise<PartnerReport[]> {
  return inPartnerScope(db, partnerId, (base) =>
    filtered(base().select(PARTNER_LISTED_COLUMNS), filter)
      .orderBy('released_at', 'desc')
      .orderBy('partner_ref')
      .limit(max)
      .execute(),
  );
}

/**
 * One report of a partner's scope by its partner identifier (`partner_ref`), or undefined (other
 * scope, unreleased, unknown: all alike).
 */
export async function findPartnerReport(
  db: RelaisDb,
  partnerId: string,
  partnerRef: string,
): Promise<PartnerReport | undefined> {
  return inPartnerScope(db, partnerId, (base) =>
    base().select(PARTNER_LISTED_COLUMNS).where('partner_ref', '=', partnerRef).executeTakeFirst(),
  );
}

/** Counts by one dimension: `[key, count]`, largest first. */
export type Breakdown = ReadonlyArray<{ readonly key: string; readonly count: number }>;

/** Number of weeks of the statistics' release trend: this week and the 12 before. */
const STATS_TREND_WEEKS = 13;

/** A partner's statistics over its released reports (with the same filters as the list). */
export interface PartnerStats {
  readonly total: number;
  readonly byActType: Breakdown;
  readonly byMotive: Breakdown;
  readonly byPlaceType: Breakdown;
  /** `victim`, `witness` or `unknown`; adds up to `total`. */
  readonly byReporterRole: Breakdown;
  /** Complaint status codes or `unknown`; adds up to `total`. */
  readonly byComplaint: Breakdown;
  readonly byMonth: Breakdown;
  /** Every postal code of the scope's rules (0 when none), then any other one reports carry. */
  readonly byPostalCode: Breakdown;
  /** Reports released per ISO week (`2026-W47`, Paris time), oldest first, this week last, zeros included. */
  readonly byReleaseWeek: Breakdown;
}

/**
 * Statistics by act type, motive, place type, victim or witness, complaint, month of the facts,
 * postal code (the whole scope) and week of release (the {@link STATS_TREND_WEEKS} weeks up to
 * the one of `now`).
 */
export async function partnerStats(
  db: RelaisDb,
  partnerId: string,
  filter: PartnerReportFilter = {},
  now = new Date(),
): Promise<PartnerStats> {
  return inPartnerScope(db, partnerId, async (base, scope) => {
    const breakdown = async (
      key: ReturnType<typeof sql<string>>,
      order: 'count' | 'key' = 'count',
    ): Promise<Breakdown> => {
      const rows = await filtered(base().select([key.as('key'), sql<string>`count(*)`.as('n')]), filter)
        .groupBy(sql`1`)
        .orderBy(order === 'count' ? sql`2 DESC, 1` : sql`1`)
        .execute();
      return rows.filter((r) => r.key !== null).map((r) => ({ key: String(r.key), count: Number(r.n) }));
    };
    const total = await filtered(base().select(sql<string>`count(*)`.as('n')), filter).executeTakeFirstOrThrow();
    const byPostalCode = await breakdown(sql<string>`postal_code`);
    const seen = new Set(byPostalCode.map((r) => r.key));
    const scopeCodes = [...new Set(scope.flatMap((rule) => rule.postalCodes))].filter((code) => !seen.has(code)).sort();
    const thisWeek = isoWeekOf(now);
    const weeks = Array.from({ length: STATS_TREND_WEEKS }, (_, i) => addWeeks(thisWeek, i + 1 - STATS_TREND_WEEKS));
    const released = await filtered(
      base()
        .select([
          sql<string>`to_char(date_trunc('week', released_at AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD')`.as('monday'),
          sql<string>`count(*)`.as('n'),
        ])
        .where('released_at', '>=', weekBounds(weeks[0]!).start)
        .where('released_at', '<', weekBounds(thisWeek).end),
      filter,
    )
      .groupBy(sql`1`)
      .execute();
    const perWeek = new Map(released.map((r) => [isoWeekOfDate(r.monday), Number(r.n)]));
    return {
      total: Number(total.n),
      byActType: await breakdown(sql<string>`unnest(act_types)`),
      byMotive: await breakdown(sql<string>`unnest(motives)`),
      byPlaceType: await breakdown(sql<string>`place_type`),
      byReporterRole: await breakdown(sql<string>`coalesce(reporter_role, 'unknown')`),
      byComplaint: await breakdown(sql<string>`coalesce(complaint, 'unknown')`),
      byMonth: await breakdown(factsMonth, 'key'),
      byPostalCode: [...byPostalCode, ...scopeCodes.map((key) => ({ key, count: 0 }))],
      byReleaseWeek: weeks.map((key) => ({ key, count: perWeek.get(key) ?? 0 })),
    };
  });
}

/**
 * The internal id of the report with this partner identifier, or undefined: staff side only (the
 * audit log of a partner's reads records the report's id), never returned to a partner.
 */
export async function reportIdOfPartnerRef(db: Executor, partnerRef: string): Promise<string | undefined> {
  const row = await db.selectFrom('reports').select('id').where('partner_ref', '=', partnerRef).executeTakeFirst();
  return row?.id;
}
