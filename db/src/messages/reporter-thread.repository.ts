import { sql } from 'kysely';
import type { Lang } from '@relais/core';
import type { Executor } from '../database.js';

/** A report of one reporter that the association wrote to, as a reply needs it (no content). */
export interface ReplyTarget {
  readonly reportId: string;
  readonly reference: string;
  readonly lang: Lang;
  /** The association's message the person answers (the last one, for a plain message). */
  readonly messageId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function deliveredTo(db: Executor, reporterKey: string) {
  return db
    .selectFrom('messages as m')
    .innerJoin('reports as r', 'r.id', 'm.report_id')
    .select(['m.id as messageId', 'r.id as reportId', 'r.reference', 'r.lang'])
    .where('m.direction', '=', 'to_reporter')
    .where('m.status', '=', 'sent')
    .where('r.reporter_key', '=', reporterKey)
    .where('r.status', '<>', 'erased');
}

/**
 * The report whose association message `messageId` the holder of `reporterKey` may answer: the
 * message was delivered to them and the report is still kept (not erased, not purged by
 * retention). Undefined otherwise, also for a message of another reporter (a forged button).
 */
export async function findReplyTarget(
  db: Executor,
  messageId: string,
  reporterKey: string,
): Promise<ReplyTarget | undefined> {
  if (!UUID.test(messageId)) return undefined;
  return deliveredTo(db, reporterKey).where('m.id', '=', messageId).executeTakeFirst();
}

/** The report the association last wrote to this reporter about, if that message was delivered after `since`. */
export async function findRecentAssociationMessage(
  db: Executor,
  reporterKey: string,
  since: Date,
): Promise<ReplyTarget | undefined> {
  return deliveredTo(db, reporterKey)
    .where('m.sent_at', '>=', since)
    .orderBy('m.sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** How many answers of the reporter staff have not read yet in a report's thread, and whether one is urgent. */
export async function unreadReporterAnswers(
  db: Executor,
  reportId: string,
): Promise<{ readonly count: number; readonly urgent: boolean }> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => [eb.fn.countAll<string>().as('count'), sql<boolean | null>`bool_or(urgent)`.as('urgent')])
    .where('report_id', '=', reportId)
    .where('direction', '=', 'from_reporter')
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), urgent: row.urgent === true };
}
