import { sql, type Kysely } from 'kysely';

/**
 * Row-level security hardening: a partner scope rule with neither tunnels nor postal codes now
 * matches no report, as core `reportMatchesScope` and db `scopeCondition` already decide. The first
 * policy read an empty list as "any", so such a rule (refused by the table's CHECK today, but one
 * dropped constraint away) would have shown a partner every released report.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP POLICY partner_released_in_scope ON reports;
    CREATE POLICY partner_released_in_scope ON reports FOR SELECT TO relais_partner
      USING (
        status = 'done'
        AND EXISTS (
          SELECT 1
          FROM partner_scope_rules r
          JOIN partners p ON p.id = r.partner_id
          WHERE r.partner_id = relais_current_partner()
            AND p.status = 'active'
            AND cardinality(r.tunnels) + cardinality(r.postal_codes) > 0
            AND (cardinality(r.tunnels) = 0 OR reports.tunnel = ANY (r.tunnels))
            AND (cardinality(r.postal_codes) = 0 OR reports.postal_code = ANY (r.postal_codes))
        )
      );
  `.execute(db);
}

/** Restores the policy of `2026-11-22-02-row-level-security` (an empty rule matching everything). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP POLICY partner_released_in_scope ON reports;
    CREATE POLICY partner_released_in_scope ON reports FOR SELECT TO relais_partner
      USING (
        status = 'done'
        AND EXISTS (
          SELECT 1
          FROM partner_scope_rules r
          JOIN partners p ON p.id = r.partner_id
          WHERE r.partner_id = relais_current_partner()
            AND p.status = 'active'
            AND (cardinality(r.tunnels) = 0 OR reports.tunnel = ANY (r.tunnels))
            AND (cardinality(r.postal_codes) = 0 OR reports.postal_code = ANY (r.postal_codes))
        )
      );
  `.execute(db);
}
