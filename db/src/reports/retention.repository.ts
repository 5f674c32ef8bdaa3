import { sql } from 'kysely';
import type { RelaisDb } from '../create-database.js';

/**
 * Purges the original content of released or rejected reports whose decision is older than
 * `cutoff`: original text, contact details, PII offsets, text fingerprint and the message thread
 * with the reporter. Keeps the anonymised text, the tags and `reporter_key` (so the reporter can
 * still erase what is left). Sets `purged_at`. Works in batches of `batchSize` (default 500);
 * returns how many reports it purged in all.
 */
export async function purgeExpiredReports(db: RelaisDb, cutoff: Date, batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const purged = await db.transaction().execute(async (trx) => {
      const ids = (
        await trx
          .selectFrom('reports')
          .select('id')
          .where('purged_at', 'is', null)
          .where('status', 'in', ['done', 'rejected'])
          .where(sql<Date>`coalesce(released_at, rejected_at)`, '<', cutoff)
          .orderBy('id')
          .limit(batchSize)
          .forUpdate()
          .skipLocked()
          .execute()
      ).map((r) => r.id);
      if (ids.length === 0) return 0;
      await trx.deleteFrom('messages').where('report_id', 'in', ids).execute();
      await trx
        .updateTable('reports')
        .set({
          description_enc: null,
          contact_enc: null,
          contact_method: null,
          pii_findings: '[]',
          text_fingerprint: null,
          purged_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where('id', 'in', ids)
        .execute();
      return ids.length;
    });
    total += purged;
    if (purged < batchSize) return total;
  }
}
