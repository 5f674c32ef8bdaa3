import type { PartnerScope } from '@relais/core';
import type { RelaisDb } from '../create-database.js';
import type { Executor } from '../database.js';
import type { PartnerRow } from './partner.table.js';

/** A new partner and its scope rules. */
export interface NewPartner {
  readonly slug: string;
  readonly name: string;
  readonly scope: PartnerScope;
  readonly digestEmails?: readonly string[];
}

/** Creates a partner with its scope rules, in one transaction. */
export async function createPartner(db: RelaisDb, partner: NewPartner): Promise<PartnerRow> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('partners')
      .values({ slug: partner.slug, name: partner.name, digest_emails: [...(partner.digestEmails ?? [])] })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const rule of partner.scope) {
      await trx
        .insertInto('partner_scope_rules')
        .values({ partner_id: row.id, tunnels: [...rule.tunnels], postal_codes: [...rule.postalCodes] })
        .execute();
    }
    return row;
  });
}

/** Every partner, by name. */
export async function listPartners(db: Executor): Promise<PartnerRow[]> {
  return db.selectFrom('partners').selectAll().orderBy('name').execute();
}

/** The scope of a partner, as core's `PartnerScope`. */
export async function findPartnerScope(db: Executor, partnerId: string): Promise<PartnerScope> {
  const rules = await db
    .selectFrom('partner_scope_rules')
    .select(['tunnels', 'postal_codes'])
    .where('partner_id', '=', partnerId)
    .execute();
  return rules.map((r) => ({ tunnels: r.tunnels, postalCodes: r.postal_codes }));
}

/** Sets a partner's status; a suspended partner sees nothing from its next request on. */
export async function setPartnerStatus(db: Executor, partnerId: string, status: 'active' | 'suspended'): Promise<void> {
  await db.updateTable('partners').set({ status }).where('id', '=', partnerId).execute();
}

/** Whether some partner scope names this tunnel (unknown tunnels are not kept on reports). */
export async function isKnownTunnel(db: Executor, tunnel: string): Promise<boolean> {
  const row = await db
    .selectFrom('partner_scope_rules')
    .select('id')
    .where((eb) => eb(eb.val(tunnel), '=', eb.fn.any('tunnels')))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Partners whose access is active (suspended ones get no digest). */
export async function listActivePartners(db: Executor): Promise<PartnerRow[]> {
  return db.selectFrom('partners').selectAll().where('status', '=', 'active').orderBy('name').execute();
}

/** One partner by id, or undefined. */
export async function findPartner(db: Executor, partnerId: string): Promise<PartnerRow | undefined> {
  return db.selectFrom('partners').selectAll().where('id', '=', partnerId).executeTakeFirst();
}

/** One partner by slug, or undefined. */
export async function findPartnerBySlug(db: Executor, slug: string): Promise<PartnerRow | undefined> {
  return db.selectFrom('partners').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Replaces a partner's scope rules (and digest e-mails when given), in one transaction. */
export async function updatePartnerScope(
  db: RelaisDb,
  partnerId: string,
  scope: PartnerScope,
  digestEmails?: readonly string[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('partner_scope_rules').where('partner_id', '=', partnerId).execute();
    for (const rule of scope) {
      await trx
        .insertInto('partner_scope_rules')
        .values({ partner_id: partnerId, tunnels: [...rule.tunnels], postal_codes: [...rule.postalCodes] })
        .execute();
    }
    if (digestEmails)
      await trx
        .updateTable('partners')
        .set({ digest_emails: [...digestEmails] })
        .where('id', '=', partnerId)
        .execute();
  });
}
