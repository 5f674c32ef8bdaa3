import type { ReportStatus } from '@relais/core';
import type { NewReportRow, ReportRow } from '../tables/report.table.js';
import type { Executor } from './executor.js';

/**
 * Stores a new report, keyed by its id. Idempotent: a second insert of the same id changes
 * nothing and returns `false`, so a re-run intake job or a duplicate delivery is harmless.
 */
export async function insertReport(db: Executor, row: NewReportRow): Promise<boolean> {
  const result = await db
    .insertInto('reports')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** One report by id, every column (staff only), or undefined. */
export async function findReport(db: Executor, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Filters of the moderation queue. */
export interface QueueFilter {
  readonly statuses?: readonly ReportStatus[];
  readonly tunnel?: string;
  readonly postalCode?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** The columns the staff queue lists (no encrypted content). */
export type QueueItem = Pick<
  ReportRow,
  | 'id'
  | 'reference'
  | 'status'
  | 'channel'
  | 'tunnel'
  | 'postal_code'
  | 'commune'
  | 'act_types'
  | 'priority'
  | 'received_at'
  | 'claimed_by'
  | 'claimed_until'
>;

/**
 * The staff moderation queue: new and in-review reports by default, highest priority first, then
 * oldest first.
 */
export async function listQueue(db: Executor, filter: QueueFilter = {}): Promise<QueueItem[]> {
  let query = db
    .selectFrom('reports')
    .select([
      'id',
      'reference',
      'status',
      'channel',
      'tunnel',
      'postal_code',
      'commune',
      'act_types',
      'priority',
      'received_at',
      'claimed_by',
      'claimed_until',
    ])
    .where('status', 'in', filter.statuses?.length ? [...filter.statuses] : ['received', 'in_review']);
  if (filter.tunnel !== undefined) query = query.where('tunnel', '=', filter.tunnel);
  if (filter.postalCode !== undefined) query = query.where('postal_code', '=', filter.postalCode);
  return query
    .orderBy('priority', 'desc')
    .orderBy('received_at', 'asc')
    .orderBy('id')
    .limit(Math.min(filter.limit ?? 50, 500))
    .offset(filter.offset ?? 0)
    .execute();
}
