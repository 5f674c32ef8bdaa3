import type { Executor } from '@relais/db';

/**
 * The partner identifiers (`partner_ref`) of reports, by report id, read as staff would: tests
 * compare what a partner lists (partner identifiers only) with the report ids they inserted.
 */
export async function partnerRefsOf(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('reports').select(['id', 'partner_ref']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.partner_ref]));
}

/** The report ids of partner identifiers, sorted (unknown identifiers are left out). */
export async function reportIdsOfPartnerRefs(db: Executor, refs: readonly string[]): Promise<string[]> {
  if (refs.length === 0) return [];
  const rows = await db.selectFrom('reports').select('id').where('partner_ref', 'in', refs).execute();
  return rows.map((r) => r.id).sort();
}

/** The partner identifier of one report (throws when there is no such report). */
export async function partnerRefOf(db: Executor, id: string): Promise<string> {
  const ref = (await partnerRefsOf(db, [id])).get(id);
  if (!ref) throw new Error(`no report ${id}`);
  return ref;
}
