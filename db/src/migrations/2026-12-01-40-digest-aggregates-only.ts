import { sql, type Kysely } from 'kysely';

/**
 * Digests keep aggregates only: the week's report list (with anonymised texts) that version 1 of
 * the content stored is removed from every existing digest, since digest pages now read it live
 * under the partner's row-level security (a flagged or erased report must leave them at once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE digests SET content = jsonb_set(content - 'reports', '{v}', '2'::jsonb)
    WHERE content ? 'reports' OR content->>'v' = '1';
  `.execute(db);
}

/** Marks digests as version 1 again, with an empty report list: the scrubbed texts stay gone. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE digests SET content = jsonb_set(jsonb_set(content, '{v}', '1'::jsonb), '{reports}', '[]'::jsonb)
    WHERE content->>'v' = '2';
  `.execute(db);
}
