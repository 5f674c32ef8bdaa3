import { sql, type Kysely } from 'kysely';

/**
 * The columns of `reports` granted to partners by this migration: no original text, contact or
 * staff field. Frozen with the migration; the application's list is `PARTNER_REPORT_COLUMNS` in
 * `reports/partner-columns.ts` (a test checks both agree on a migrated database).
 */
const PARTNER_COLUMNS = [
  'id',
  'reference',
  'status',
  'tunnel',
  'reporter_role',
  'act_types',
  'motives',
  'occurred_precision',
  'occurred_on',
  'location_kind',
  'postal_code',
  'commune',
  'departement',
  'place_type',
  'complaint',
  'categories',
  'anonymised_text',
  'submitted_at',
  'released_at',
] as const;

/**
 * Roles and row-level security. `relais_app` (staff and services) and `relais_partner` (a partner's
 * reads) own no table; the connection switches to them with SET ROLE. With `app.partner_id` set in
 * the transaction, `relais_partner` only ever sees `done` reports of that active partner's scope,
 * and only the columns in {@link PARTNER_COLUMNS}. Unset, it sees nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Roles are cluster-wide: several databases (and concurrent test runs) may race to create them.
  for (const role of ['relais_app', 'relais_partner']) {
    await sql`
      DO $$ BEGIN
        BEGIN
          CREATE ROLE ${sql.raw(role)} NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
        -- The login role must be able to SET ROLE to it (a superuser already can).
        BEGIN
          EXECUTE format('GRANT %I TO %I', ${sql.lit(role)}, current_user);
        EXCEPTION WHEN others THEN NULL;
        END;
      END $$;
    `.execute(db);
  }
  const partnerColumns = sql.raw(PARTNER_COLUMNS.join(', '));
  await sql`
    GRANT USAGE ON SCHEMA public TO relais_app, relais_partner;
    GRANT SELECT, INSERT, UPDATE, DELETE ON reports, partners, partner_scope_rules, accounts, flags,
      messages, digests, safe_places TO relais_app;
    GRANT SELECT, INSERT ON audit_events TO relais_app;
    GRANT USAGE ON SEQUENCE audit_events_id_seq TO relais_app;

    GRANT SELECT (${partnerColumns}) ON reports TO relais_partner;
    GRANT SELECT (id, slug, name, status) ON partners TO relais_partner;
    GRANT SELECT ON partner_scope_rules, digests TO relais_partner;

    CREATE FUNCTION relais_current_partner() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.partner_id', true), '')::uuid $$;
    GRANT EXECUTE ON FUNCTION relais_current_partner() TO relais_app, relais_partner;

    ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
    ALTER TABLE partners ENABLE ROW LEVEL SECURITY;
    ALTER TABLE partner_scope_rules ENABLE ROW LEVEL SECURITY;
    ALTER TABLE digests ENABLE ROW LEVEL SECURITY;
    ALTER TABLE flags ENABLE ROW LEVEL SECURITY;

    CREATE POLICY app_all ON reports TO relais_app USING (true) WITH CHECK (true);
    CREATE POLICY app_all ON partners TO relais_app USING (true) WITH CHECK (true);
    CREATE POLICY app_all ON partner_scope_rules TO relais_app USING (true) WITH CHECK (true);
    CREATE POLICY app_all ON digests TO relais_app USING (true) WITH CHECK (true);
    CREATE POLICY app_all ON flags TO relais_app USING (true) WITH CHECK (true);

    CREATE POLICY partner_self ON partners FOR SELECT TO relais_partner
      USING (id = relais_current_partner() AND status = 'active');
    CREATE POLICY partner_own_rules ON partner_scope_rules FOR SELECT TO relais_partner
      USING (partner_id = relais_current_partner());
    CREATE POLICY partner_own_digests ON digests FOR SELECT TO relais_partner
      USING (partner_id = relais_current_partner());
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

/** Removes policies, grants and the helper function (roles stay: other databases may use them). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP POLICY partner_released_in_scope ON reports;
    DROP POLICY partner_own_digests ON digests;
    DROP POLICY partner_own_rules ON partner_scope_rules;
    DROP POLICY partner_self ON partners;
    DROP POLICY app_all ON flags;
    DROP POLICY app_all ON digests;
    DROP POLICY app_all ON partner_scope_rules;
    DROP POLICY app_all ON partners;
    DROP POLICY app_all ON reports;
    ALTER TABLE reports DISABLE ROW LEVEL SECURITY;
    ALTER TABLE partners DISABLE ROW LEVEL SECURITY;
    ALTER TABLE partner_scope_rules DISABLE ROW LEVEL SECURITY;
    ALTER TABLE digests DISABLE ROW LEVEL SECURITY;
    ALTER TABLE flags DISABLE ROW LEVEL SECURITY;
    DROP FUNCTION relais_current_partner();
    REVOKE ALL ON reports, partners, partner_scope_rules, accounts, flags, messages, digests,
      safe_places, audit_events FROM relais_app, relais_partner;
    REVOKE ALL ON SEQUENCE audit_events_id_seq FROM relais_app;
    REVOKE USAGE ON SCHEMA public FROM relais_app, relais_partner;
  `.execute(db);
}
