import { sql, type SelectQueryBuilder } from 'kysely';
import type { RelaisDb } from '../create-database.js';
import { withPartnerScope } from '../partner-scope.js';
import type { Database } from '../tables/database.js';
import type { PartnerReport } from './partner-report.repository.js';
import { findPartnerScope } from './partner.repository.js';
import { scopeCondition } from './scope-filter.js';

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

/** The columns a partner ever gets (a subset of `PARTNER_REPORT_COLUMNS`). */
const PARTNER_COLUMNS = [
  'id',
  'reference',
  'tunnel',
  'reporter_role',
  'act_types',
  'motives',
  'occurred_precision',
  'occurred_on',
  'location_kind',
  'postal_code',
  'commune',
  'departement',
  'place_type',
  'complaint',
  'categories',
  'anonymised_text',
  'released_at',
] as const;

const factsMonth = sql<string>`to_char(coalesce(occurred_on, (submitted_at AT TIME ZONE 'Europe/Paris')::date), 'YYYY-MM')`;

function filtered<O>(query: SelectQueryBuilder<Database, 'reports', O>, filter: PartnerReportFilter): SelectQueryBuilder<Database, 'reports', O> {
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
  fn: (base: () => SelectQueryBuilder<Database, 'reports', object>) => Promise<T>,
): Promise<T> {
  return withPartnerScope(db, partnerId, async (trx) => {
    const scope = await findPartnerScope(trx, partnerId);
    return fn(() => trx.selectFrom('reports').where('status', '=', 'done').where((eb) => scopeCondition(eb, scope)));
  });
}

/** A page of a partner's reports, newest release first (default 50, at most 200). */
export async function searchPartnerReports(db: RelaisDb, partnerId: string, filter: PartnerReportFilter = {}): Promise<PartnerReport[]> {
  return inPartnerScope(db, partnerId, (base) =>
    filtered(base().select(PARTNER_COLUMNS), filter)
      .orderBy('released_at', 'desc')
      .orderBy('id')
      .limit(Math.min(filter.limit ?? 50, 200))
      .offset(filter.offset ?? 0)
      .execute(),
  );
}

/** Up to `max` (default 10,000) of a partner's reports for a CSV export, newest release first. */
export async function exportPartnerReports(db: RelaisDb, partnerId: string, filter: PartnerReportFilter = {}, max = 10_000): Promise<PartnerReport[]> {
  return inPartnerScope(db, partnerId, (base) =>
    filtered(base().select(PARTNER_COLUMNS), filter).orderBy('released_at', 'desc').orderBy('id').limit(max).execute(),
  );
}

/** One report of a partner's scope, or undefined (other scope, unreleased, unknown: all alike). */
export async function findPartnerReport(db: RelaisDb, partnerId: string, reportId: string): Promise<PartnerReport | undefined> {
  return inPartnerScope(db, partnerId, (base) => base().select(PARTNER_COLUMNS).where('id', '=', reportId).executeTakeFirst());
}

/** Counts by one dimension: `[key, count]`, largest first. */
export type Breakdown = ReadonlyArray<{ readonly key: string; readonly count: number }>;

/** A partner's statistics over its released reports (with the same filters as the list). */
export interface PartnerStats {
  readonly total: number;
  readonly byActType: Breakdown;
  readonly byMotive: Breakdown;
  readonly byPlaceType: Breakdown;
  readonly byMonth: Breakdown;
  readonly byPostalCode: Breakdown;
}

/** Statistics by act type, motive, place type, month and postal code. */
export async function partnerStats(db: RelaisDb, partnerId: string, filter: PartnerReportFilter = {}): Promise<PartnerStats> {
  return inPartnerScope(db, partnerId, async (base) => {
    const breakdown = async (key: ReturnType<typeof sql<string>>, order: 'count' | 'key' = 'count'): Promise<Breakdown> => {
      const rows = await filtered(base().select([key.as('key'), sql<string>`count(*)`.as('n')]), filter)
        .groupBy(sql`1`)
        .orderBy(order === 'count' ? sql`2 DESC, 1` : sql`1`)
        .execute();
      return rows.filter((r) => r.key !== null).map((r) => ({ key: String(r.key), count: Number(r.n) }));
    };
    const total = await filtered(base().select(sql<string>`count(*)`.as('n')), filter).executeTakeFirstOrThrow();
    return {
      total: Number(total.n),
      byActType: await breakdown(sql<string>`unnest(act_types)`),
      byMotive: await breakdown(sql<string>`unnest(motives)`),
      byPlaceType: await breakdown(sql<string>`place_type`),
      byMonth: await breakdown(factsMonth, 'key'),
      byPostalCode: await breakdown(sql<string>`postal_code`),
    };
  });
}
