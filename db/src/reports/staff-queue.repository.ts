import { sql } from 'kysely';
import { REPORT_STATUSES, type ReportStatus } from '@relais/core';
import type { Executor } from '../database.js';

/** Filters of the staff queue page; each optional. Dates bound `received_at` (`to` exclusive). */
export interface StaffQueueFilter {
  /** Default: `received` and `in_review` (the work to do). */
  readonly statuses?: readonly ReportStatus[];
  readonly tunnel?: string;
  readonly postalCode?: string;
  readonly actType?: string;
  /** Receipt references (a reporter quoting theirs); with them, every status is searched by default. */
  readonly references?: readonly string[];
  readonly from?: Date;
  readonly to?: Date;
  readonly limit?: number;
  readonly offset?: number;
}

/** One line of the staff queue: no encrypted content, no text. */
export interface StaffQueueItem {
  readonly id: string;
  readonly reference: string;
  readonly status: ReportStatus;
  readonly channel: string;
  readonly tunnel: string | null;
  readonly postalCode: string | null;
  readonly actTypes: string[];
  readonly priority: number;
  readonly receivedAt: Date;
  readonly flagged: boolean;
  readonly inDanger: boolean;
  readonly claimedBy: string | null;
  readonly claimedByName: string | null;
  readonly claimedUntil: Date | null;
}

const ACTIVE: readonly ReportStatus[] = ['received', 'in_review'];

/**
 * The staff queue: new and flagged reports first, then by priority (highest first) and age (oldest
 * first). With the default statuses it reads the `reports_staff_queue` index in order.
 */
export async function listStaffQueue(db: Executor, filter: StaffQueueFilter = {}): Promise<StaffQueueItem[]> {
  const fallback = filter.references?.length ? REPORT_STATUSES : ACTIVE;
  const statuses = (filter.statuses?.length ? filter.statuses : fallback).filter((s) => REPORT_STATUSES.includes(s));
  // Literal statuses (validated above) let the planner match the partial index.
  let query = db
    .selectFrom('reports as r')
    .leftJoin('accounts as a', 'a.id', 'r.claimed_by')
    .select([
      'r.id',
      'r.reference',
      'r.status',
      'r.channel',
      'r.tunnel',
      'r.postal_code',
      'r.act_types',
      'r.priority',
      'r.received_at',
      'r.flagged_at',
      'r.in_danger',
      'r.claimed_by',
      'r.claimed_until',
      'a.display_name as claimed_by_name',
    ])
    .where(sql<boolean>`r.status IN (${sql.join(statuses.map((s) => sql.lit(s)))})`);
  if (filter.tunnel !== undefined) query = query.where('r.tunnel', '=', filter.tunnel);
  if (filter.postalCode !== undefined) query = query.where('r.postal_code', '=', filter.postalCode);
  if (filter.actType !== undefined) query = query.where(sql<boolean>`r.act_types @> ARRAY[${filter.actType}]::text[]`);
  if (filter.references?.length) query = query.where('r.reference', 'in', [...filter.references]);
  if (filter.from !== undefined) query = query.where('r.received_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('r.received_at', '<', filter.to);
  const rows = await query
    .orderBy('r.queue_rank')
    .orderBy('r.priority', 'desc')
    .orderBy('r.received_at')
    .orderBy('r.id')
    .limit(Math.min(filter.limit ?? 50, 200))
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status,
    channel: r.channel,
    tunnel: r.tunnel,
    postalCode: r.postal_code,
    actTypes: r.act_types,
    priority: r.priority,
    receivedAt: r.received_at,
    flagged: r.flagged_at !== null,
    inDanger: r.in_danger,
    claimedBy: r.claimed_by,
    claimedByName: r.claimed_by_name ?? null,
    claimedUntil: r.claimed_until,
  }));
}

/** Counts of the reports staff still have to handle: exact, from the queue index. */
export interface ActiveCounts {
  readonly received: number;
  readonly in_review: number;
  readonly flagged: number;
}

/** Exact counts of `received`, `in_review` and flagged reports: three index-only counts. */
export async function countActiveReports(db: Executor): Promise<ActiveCounts> {
  const row = await db
    .selectNoFrom([
      sql<string>`(SELECT count(*) FROM reports WHERE status = 'received')`.as('received'),
      sql<string>`(SELECT count(*) FROM reports WHERE status = 'in_review')`.as('in_review'),
      sql<string>`(SELECT count(*) FROM reports WHERE flagged_at IS NOT NULL AND status = 'in_review')`.as('flagged'),
    ])
    .executeTakeFirstOrThrow();
  return { received: Number(row.received), in_review: Number(row.in_review), flagged: Number(row.flagged) };
}

/**
 * Counts of the terminal statuses (`done`, `rejected`, `erased`). A scan of most of the table:
 * callers cache it (the queue page shows it as refreshed every minute).
 */
export async function countClosedReports(db: Executor): Promise<Record<'done' | 'rejected' | 'erased', number>> {
  const rows = await db
    .selectFrom('reports')
    .select(['status', sql<string>`count(*)`.as('n')])
    .where('status', 'in', ['done', 'rejected', 'erased'])
    .groupBy('status')
    .execute();
  const counts = { done: 0, rejected: 0, erased: 0 };
  for (const row of rows) counts[row.status as keyof typeof counts] = Number(row.n);
  return counts;
}
