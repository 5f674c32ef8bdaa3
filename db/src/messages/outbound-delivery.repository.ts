import { sql } from 'kysely';
import type { MessageRow } from './message.table.js';
import type { ReportRow } from '../reports/report.table.js';
import type { Executor } from '../database.js';

/** What the outbound job needs to deliver one message: the message and how to reach its reporter. */
export interface OutboundDelivery {
  readonly message: Pick<MessageRow, 'id' | 'report_id' | 'direction' | 'body_enc' | 'status' | 'attempts'>;
  readonly report: Pick<ReportRow, 'id' | 'status' | 'channel' | 'contact_method' | 'contact_enc' | 'lang'>;
}

/** The message `messageId` with its report's channel and sealed contact, or undefined when it is gone. */
export async function findOutboundDelivery(db: Executor, messageId: string): Promise<OutboundDelivery | undefined> {
  const row = await db
    .selectFrom('messages as m')
    .innerJoin('reports as r', 'r.id', 'm.report_id')
    .select(['m.id', 'm.report_id', 'm.direction', 'm.body_enc', 'm.status', 'm.attempts'])
    .select(['r.status as report_status', 'r.channel', 'r.contact_method', 'r.contact_enc', 'r.lang'])
    .where('m.id', '=', messageId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    message: {
      id: row.id,
      report_id: row.report_id,
      direction: row.direction,
      body_enc: row.body_enc,
      status: row.status,
      attempts: row.attempts,
    },
    report: {
      id: row.report_id,
      status: row.report_status,
      channel: row.channel,
      contact_method: row.contact_method,
      contact_enc: row.contact_enc,
      lang: row.lang,
    },
  };
}

/** Records a delivered message: status `sent`, one more attempt, no error. */
export async function markMessageSent(db: Executor, messageId: string): Promise<void> {
  await db
    .updateTable('messages')
    .set({ status: 'sent', sent_at: sql`now()`, attempts: sql`attempts + 1`, error: null })
    .where('id', '=', messageId)
    .execute();
}

/**
 * Records a failed delivery attempt with its reason (a code and Telegram's description, never the
 * address or the text). `final` marks the message `failed`; otherwise it stays `queued` for a retry.
 */
export async function recordMessageFailure(
  db: Executor,
  messageId: string,
  reason: string,
  final: boolean,
): Promise<void> {
  await db
    .updateTable('messages')
    .set({ attempts: sql`attempts + 1`, error: reason.slice(0, 500), ...(final ? { status: 'failed' as const } : {}) })
    .where('id', '=', messageId)
    .where('status', '<>', 'sent')
    .execute();
}
