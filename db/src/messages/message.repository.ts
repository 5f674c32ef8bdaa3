import type { MessageRow } from './message.table.js';
import type { Executor } from '../database.js';

/** A message from the association to a reporter; its body is already sealed. */
export interface NewOutboundMessage {
  /** Chosen by the caller: the body is sealed with `message:<id>:body`, and the job id is this id. */
  readonly id: string;
  readonly reportId: string;
  readonly authorId: string;
  readonly bodyEnc: Buffer;
}

/** Inserts a `to_reporter` message in status `queued` (the worker delivers it). */
export async function insertOutboundMessage(db: Executor, message: NewOutboundMessage): Promise<void> {
  await db
    .insertInto('messages')
    .values({
      id: message.id,
      report_id: message.reportId,
      direction: 'to_reporter',
      author_id: message.authorId,
      body_enc: message.bodyEnc,
      error: null,
      sent_at: null,
    })
    .execute();
}

/** The thread of a report, oldest first (bodies sealed; staff only). */
export async function listReportMessages(db: Executor, reportId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
