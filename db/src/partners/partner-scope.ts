import { sql, type Transaction } from 'kysely';
import type { RelaisDb } from '../create-database.js';
import type { Database } from '../database.js';

/**
 * Runs `fn` in a transaction as `relais_partner` with `app.partner_id` set: PostgreSQL row-level
 * security then limits every read to that active partner's released, in-scope reports and to
 * the partner-visible columns. Queries inside still filter by scope themselves (defence in depth).
 */
export async function withPartnerScope<T>(
  db: RelaisDb,
  partnerId: string,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('app.partner_id', ${partnerId}, true)`.execute(trx);
    await sql`SET LOCAL ROLE relais_partner`.execute(trx);
    return fn(trx);
  });
}
