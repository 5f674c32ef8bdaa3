import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import {
  OUTBOUND_JOB,
  OUTBOUND_JOB_OPTIONS,
  keyedHash,
  sealJson,
  sealMessageBody,
  sealingContext,
  type ContactRequest,
  type Keyring,
  type Lang,
} from '@relais/core';
import { insertOutboundMessage, insertReport, type RelaisDb } from '@relais/db';
import { reportRow } from './report-rows.ts';

/** A moderator account to author replies (what `messages.author_id` refers to). */
export async function staffAuthor(db: RelaisDb): Promise<string> {
  const row = await db
    .insertInto('accounts')
    .values({
      email: `moderatrice-${randomUUID()}@example.org`,
      display_name: 'Modé',
      role: 'moderator',
      partner_id: null,
      password_hash: 'x',
      totp_secret_enc: null,
      last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A stored Telegram report of chat `chatId` whose reporter asked to be answered through the chat. */
export async function telegramReportWithChatContact(
  db: RelaisDb,
  keyring: Keyring,
  chatId: number,
  lang: Lang = 'fr',
): Promise<{ id: string; reference: string }> {
  const row = reportRow({ lang, reporter_key: keyedHash(keyring, `telegram:${chatId}`) });
  const contact: ContactRequest = { method: 'chat', address: { channel: 'telegram', chatId } };
  await insertReport(db, {
    ...row,
    contact_method: 'chat',
    contact_enc: sealJson(keyring, contact, sealingContext.reportContact(row.id)),
  });
  return { id: row.id, reference: row.reference };
}

/**
 * What the moderation UI does when a moderator replies: a sealed `messages` row and an outbound job
 * whose id is the message id. Resolves with the message id once the job is queued.
 */
export async function queueStaffReply(
  db: RelaisDb,
  outbound: Queue,
  keyring: Keyring,
  reportId: string,
  authorId: string,
  body: string,
): Promise<string> {
  const messageId = randomUUID();
  await insertOutboundMessage(db, {
    id: messageId,
    reportId,
    authorId,
    bodyEnc: sealMessageBody(keyring, messageId, body),
  });
  await outbound.add(OUTBOUND_JOB, { v: 1, messageId }, { ...OUTBOUND_JOB_OPTIONS, jobId: messageId });
  return messageId;
}
