import type { Selectable } from 'kysely';
import type { RelaisDb } from '../create-database.js';
import type { ReportTable } from '../tables/report.table.js';
import { searchPartnerReports } from './partner-view.repository.js';

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
 * The released reports of a partner's scope, newest release first (at most 200 a page). Enforced
 * twice: the query filters on `done` and on the partner's own rules, and it runs as
 * `relais_partner` under row-level security. A suspended partner gets an empty list.
 */
export async function listPartnerReports(db: RelaisDb, partnerId: string, options: PartnerListOptions = {}): Promise<PartnerReport[]> {
  return searchPartnerReports(db, partnerId, options);
}
