import type { Generated, Selectable } from 'kysely';

/**
 * `report_follow_ups` (migration `2026-12-01-30-web-follow-up`): the follow-up credential of a web
 * report, the slow peppered hash of its secret phrase. Known to kysely through `withTables` in
 * `follow-up.repository.ts`, so the shared `Database` interface stays as it is.
 */
export interface FollowUpTable {
  report_id: string;
  secret_hash: string;
  created_at: Generated<Date>;
}

/** A follow-up credential row. */
export type FollowUpRow = Selectable<FollowUpTable>;
