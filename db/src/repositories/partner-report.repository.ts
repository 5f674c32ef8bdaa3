import type { Selectable } from 'kysely';
import { withPartnerScope } from '../partner-scope.js';
import type { RelaisDb } from '../create-database.js';
import type { ReportTable } from '../tables/report.table.js';
import { findPartnerScope } from './partner.repository.js';
import { scopeCondition } from './scope-filter.js';

/** What a partner sees of a report: anonymised fields only. */
export type PartnerReport = Pick<
  Selectable<ReportTable>,
  | 'id'
  | 'reference'
  | 'tunnel'
  | 'reporter_role'
  | 'act_types'
  | 'motives'
  | 'occurred_precision'
  | 'occurred_on'
  | 'location_kind'
  | 'postal_code'
  | 'commune'
  | 'departement'
  | 'place_type'
  | 'complaint'
  | 'categories'
  | 'anonymised_text'
  | 'released_at'
>;

/** Paging of {@link listPartnerReports}. */
export interface PartnerListOptions {
  readonly limit?: number;
  readonly offset?: number;
}

/**
 * The released reports of a partner's scope, newest release first. Enforced twice: the query
 * filters on `done` and on the partner's own rules, and it runs as `relais_partner` under
 * row-level security. A suspended partner gets an empty list.
 */
export async function listPartnerReports(
  db: RelaisDb,
  partnerId: string,
  options: PartnerListOptions = {},
): Promise<PartnerReport[]> {
  return withPartnerScope(db, partnerId, async (trx) => {
    const scope = await findPartnerScope(trx, partnerId);
    if (scope.length === 0) return [];
    return trx
      .selectFrom('reports')
      .select([
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
      ])
      .where('status', '=', 'done')
      .where((eb) => scopeCondition(eb, scope))
      .orderBy('released_at', 'desc')
      .orderBy('id')
      .limit(Math.min(options.limit ?? 50, 500))
      .offset(options.offset ?? 0)
      .execute();
  });
}
