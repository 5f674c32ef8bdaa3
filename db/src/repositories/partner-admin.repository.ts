import type { PartnerScope } from '@relais/core';
import type { RelaisDb } from '../create-database.js';
import type { PartnerRow } from '../tables/partner.table.js';
import type { Executor } from './executor.js';

/** One partner by slug, or undefined. */
export async function findPartnerBySlug(db: Executor, slug: string): Promise<PartnerRow | undefined> {
  return db.selectFrom('partners').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Replaces a partner's scope rules (and digest e-mails when given), in one transaction. */
export async function updatePartnerScope(db: RelaisDb, partnerId: string, scope: PartnerScope, digestEmails?: readonly string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('partner_scope_rules').where('partner_id', '=', partnerId).execute();
    for (const rule of scope) {
      await trx.insertInto('partner_scope_rules').values({ partner_id: partnerId, tunnels: [...rule.tunnels], postal_codes: [...rule.postalCodes] }).execute();
    }
    if (digestEmails) await trx.updateTable('partners').set({ digest_emails: [...digestEmails] }).where('id', '=', partnerId).execute();
  });
}
