import { sql, type Kysely } from 'kysely';

/** Tables of the first release: reports and everything partners, staff and digests need. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE partners (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[A-Za-z0-9_-]{1,64}$'),
      name text NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
      digest_emails text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE partner_scope_rules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
      tunnels text[] NOT NULL DEFAULT '{}',
      postal_codes text[] NOT NULL DEFAULT '{}',
      CHECK (cardinality(tunnels) + cardinality(postal_codes) > 0)
    );
    CREATE INDEX partner_scope_rules_partner ON partner_scope_rules (partner_id);
    CREATE TABLE accounts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      display_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('moderator', 'admin', 'partner')),
      partner_id uuid REFERENCES partners (id) ON DELETE CASCADE,
      password_hash text NOT NULL,
      totp_secret_enc bytea,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      created_at timestamptz NOT NULL DEFAULT now(),
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      last_login_at timestamptz,
      CHECK ((role = 'partner') = (partner_id IS NOT NULL))
    );
    CREATE TABLE reports (
      id uuid PRIMARY KEY,
      reference text NOT NULL UNIQUE,
      status text NOT NULL DEFAULT 'received'
        CHECK (status IN ('received', 'in_review', 'done', 'rejected', 'erased')),
      version integer NOT NULL DEFAULT 1,
      channel text NOT NULL CHECK (channel IN ('telegram', 'webchat')),
      tunnel text,
      lang text NOT NULL CHECK (lang IN ('fr', 'en')),
      reporter_role text,
      act_types text[] NOT NULL DEFAULT '{}',
      motives text[] NOT NULL DEFAULT '{}',
      occurred_precision text CHECK (occurred_precision IN ('day', 'month')),
      occurred_on date,
      location_kind text NOT NULL CHECK (location_kind IN ('fr', 'online', 'abroad')),
      postal_code text,
      commune text,
      departement text,
      place_type text,
      complaint text,
      in_danger boolean NOT NULL DEFAULT false,
      minor_involved boolean NOT NULL DEFAULT false,
      priority smallint NOT NULL DEFAULT 0,
      categories text[] NOT NULL DEFAULT '{}',
      description_enc bytea,
      contact_method text CHECK (contact_method IN ('chat', 'email', 'phone')),
      contact_enc bytea,
      reporter_key text,
      pii_findings jsonb NOT NULL DEFAULT '[]',
      anonymised_text text,
      duplicate_of uuid REFERENCES reports (id) ON DELETE SET NULL,
      staff_notes text,
      submitted_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      claimed_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
      claimed_until timestamptz,
      released_at timestamptz,
      rejected_at timestamptz,
      reject_reason text,
      erased_at timestamptz,
      purged_at timestamptz
    );
    CREATE INDEX reports_queue ON reports (status, priority DESC, received_at);
    CREATE INDEX reports_released_postal_code ON reports (postal_code, released_at DESC) WHERE status = 'done';
    CREATE INDEX reports_released_tunnel ON reports (tunnel, released_at DESC) WHERE status = 'done';
    CREATE INDEX reports_released_at ON reports (released_at DESC) WHERE status = 'done';
    CREATE INDEX reports_reporter_key ON reports (reporter_key) WHERE reporter_key IS NOT NULL;
    CREATE TABLE audit_events (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid,
      actor_role text NOT NULL,
      action text NOT NULL,
      target_type text,
      target_id text,
      partner_id uuid,
      details jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_events_at ON audit_events (at DESC);
    CREATE INDEX audit_events_target ON audit_events (target_type, target_id);
    CREATE TABLE flags (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
      partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
      account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
      comment text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolved_by uuid REFERENCES accounts (id) ON DELETE SET NULL
    );
    CREATE INDEX flags_open ON flags (report_id) WHERE resolved_at IS NULL;
    CREATE TABLE messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
      direction text NOT NULL CHECK (direction IN ('to_reporter', 'from_reporter')),
      author_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
      body_enc bytea NOT NULL,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'received')),
      attempts integer NOT NULL DEFAULT 0,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    );
    CREATE INDEX messages_report ON messages (report_id, created_at);
    CREATE TABLE digests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
      iso_week text NOT NULL CHECK (iso_week ~ '^\\d{4}-W\\d{2}$'),
      period_start date NOT NULL,
      content jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      email_status text NOT NULL DEFAULT 'not_configured'
        CHECK (email_status IN ('not_configured', 'pending', 'sent', 'failed')),
      emailed_at timestamptz,
      UNIQUE (partner_id, iso_week)
    );
    CREATE TABLE safe_places (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      address text NOT NULL,
      postal_code text NOT NULL,
      commune text NOT NULL,
      phone text,
      hours text,
      latitude double precision,
      longitude double precision,
      active boolean NOT NULL DEFAULT true
    );
    CREATE INDEX safe_places_postal_code ON safe_places (postal_code) WHERE active;
  `.execute(db);
}

/** Drops every table of {@link up}. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE safe_places, digests, messages, flags, audit_events, reports, accounts,
      partner_scope_rules, partners;
  `.execute(db);
}
