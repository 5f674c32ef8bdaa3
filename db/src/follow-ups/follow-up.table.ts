import type { Generated } from 'kysely';

/**
 * `report_follow_ups` (migration `2026-12-01-30-web-follow-up`): the follow-up credential of a web
 * report, the slow peppered hash of its secret phrase.
 */
export interface FollowUpTable {
  report_id: string;
  secret_hash: string;
  created_at: Generated<Date>;
}
