import { sql } from 'kysely';
import type { Lang, ReportStatus } from '@relais/core';
import type { Executor } from '../database.js';

/**
 * A followable report (web, or Telegram with e-mail re-contact) as its follow-up page knows it: no
 * content, only what its holder may see.
 */
export interface FollowUpReport {
  readonly reportId: string;
  readonly reference: string;
  readonly status: ReportStatus;
  readonly lang: Lang;
  readonly submittedAt: Date;
  /** Keyed hash of the web conversation (the erasure job needs it); null on a tombstone. */
  readonly reporterKey: string | null;
  /** The reporter asked to be answered through the chat (the follow-up page, on the web). */
  readonly contactByChat: boolean;
  /** The reporter asked for e-mail: the association's messages wait on the follow-up page, a mail says so. */
  readonly contactByEmail: boolean;
}

/** {@link FollowUpReport} with the stored hash of its secret phrase (for the sign-in check only). */
export interface FollowUpCredentials extends FollowUpReport {
  readonly secretHash: string;
}

/** One message of a follow-up thread, body still sealed (`message:<id>:body`). */
export interface FollowUpMessage {
  readonly id: string;
  readonly direction: 'to_reporter' | 'from_reporter';
  readonly bodyEnc: Buffer;
  /** When the association's message reached the inbox, or when the person's answer was written. */
  readonly at: Date;
}

/**
 * Stores the follow-up credential of a web report (from its intake job). Idempotent: a re-run of the
 * job keeps the credential already stored.
 */
export async function insertFollowUpSecret(db: Executor, reportId: string, secretHash: string): Promise<void> {
  await db
    .insertInto('report_follow_ups')
    .values({ report_id: reportId, secret_hash: secretHash })
    .onConflict((oc) => oc.column('report_id').doNothing())
    .execute();
}

function followUpQuery(db: Executor) {
  return db
    .selectFrom('report_follow_ups as f')
    .innerJoin('reports as r', 'r.id', 'f.report_id')
    .select([
      'r.id',
      'r.reference',
      'r.status',
      'r.lang',
      'r.submitted_at',
      'r.reporter_key',
      'r.contact_method',
      'f.secret_hash',
    ]);
}

type FollowUpSelection = Awaited<ReturnType<ReturnType<typeof followUpQuery>['executeTakeFirstOrThrow']>>;

const toCredentials = (row: FollowUpSelection): FollowUpCredentials => ({
  reportId: row.id,
  reference: row.reference,
  status: row.status,
  lang: row.lang,
  submittedAt: row.submitted_at,
  reporterKey: row.reporter_key,
  contactByChat: row.contact_method === 'chat',
  contactByEmail: row.contact_method === 'email',
  secretHash: row.secret_hash,
});

/** The web report with this receipt reference and its credential, or undefined (unknown, or not a followable web report). */
export async function findFollowUpByReference(
  db: Executor,
  reference: string,
): Promise<FollowUpCredentials | undefined> {
  const row = await followUpQuery(db).where('r.reference', '=', reference).executeTakeFirst();
  return row ? toCredentials(row) : undefined;
}

/** The followable web report `reportId`, or undefined. */
export async function findFollowUpReport(db: Executor, reportId: string): Promise<FollowUpReport | undefined> {
  const row = await followUpQuery(db).where('r.id', '=', reportId).executeTakeFirst();
  if (!row) return undefined;
  const { secretHash: _hidden, ...report } = toCredentials(row);
  return report;
}

/** Whether a report can be followed on the web (it has a follow-up credential): its inbox exists. */
export async function hasFollowUpInbox(db: Executor, reportId: string): Promise<boolean> {
  const row = await db
    .selectFrom('report_follow_ups')
    .select('report_id')
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The thread the follow-up page shows, oldest first: the association's messages once delivered to
 * the web inbox (status `sent`), and the person's own answers. Queued or failed messages stay out.
 */
export async function listFollowUpMessages(db: Executor, reportId: string): Promise<FollowUpMessage[]> {
  const rows = await db
    .selectFrom('messages')
    .select(['id', 'direction', 'body_enc', 'created_at', 'sent_at'])
    .where('report_id', '=', reportId)
    .where((eb) =>
      eb.or([
        eb.and([eb('direction', '=', 'to_reporter'), eb('status', '=', 'sent')]),
        eb('direction', '=', 'from_reporter'),
      ]),
    )
    .orderBy(sql`coalesce(sent_at, created_at)`)
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, direction: r.direction, bodyEnc: r.body_enc, at: r.sent_at ?? r.created_at }));
}

/** A reporter's answer from the follow-up page; its body is already sealed. */
export interface NewReporterMessage {
  /** Chosen by the caller: the body is sealed with `message:<id>:body`. */
  readonly id: string;
  readonly reportId: string;
  readonly bodyEnc: Buffer;
  /** The answer said the person is in danger now (they got the emergency guidance): staff see it first. Default false. */
  readonly urgent?: boolean;
}

/**
 * Inserts a `from_reporter` message in status `received`: it joins the report's thread that staff
 * read in the moderation UI (`listReportMessages`), unread (`read_at` null) until staff read it, from
 * the follow-up page or a Telegram reply alike. Returns false when the report is erased or gone.
 */
export async function insertReporterMessage(db: Executor, message: NewReporterMessage): Promise<boolean> {
  const result = await db
    .insertInto('messages')
    .columns(['id', 'report_id', 'direction', 'author_id', 'body_enc', 'status', 'error', 'sent_at', 'urgent'])
    // One statement locking the report row: an answer never lands on a report erased meanwhile.
    .expression((eb) =>
      eb
        .selectFrom('reports')
        .select([
          sql<string>`${message.id}::uuid`.as('id'),
          'reports.id as report_id',
          sql.lit('from_reporter').as('direction'),
          sql<null>`NULL::uuid`.as('author_id'),
          sql<Buffer>`${message.bodyEnc}::bytea`.as('body_enc'),
          sql.lit('received').as('status'),
          sql<null>`NULL`.as('error'),
          sql<null>`NULL::timestamptz`.as('sent_at'),
          sql<boolean>`${message.urgent ?? false}::boolean`.as('urgent'),
        ])
        .where('reports.id', '=', message.reportId)
        .where('reports.status', '<>', 'erased')
        .forShare(),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
