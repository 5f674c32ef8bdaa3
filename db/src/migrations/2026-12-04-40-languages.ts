import { sql, type Kysely } from 'kysely';

/**
 * The languages a report can be in become a table instead of a CHECK frozen in the first migration:
 * `languages (code)`, referenced by `reports.lang`. The table starts with the two languages the
 * CHECK allowed; from then on the migrate runner adds every language of core's `LANGS` after
 * migrating (a repeatable step, see `syncLanguages`), so adding a language needs no new migration.
 * The application roles need no right on it: PostgreSQL checks a foreign key as the table owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE languages (
      code text PRIMARY KEY CHECK (code ~ '^[a-z]{2,3}$')
    );
    INSERT INTO languages (code) VALUES ('fr'), ('en');
    ALTER TABLE reports DROP CONSTRAINT reports_lang_check;
    ALTER TABLE reports ADD CONSTRAINT reports_lang_fkey FOREIGN KEY (lang) REFERENCES languages (code);
  `.execute(db);
}

/** Puts the CHECK of the first migration back (it fails if a report is in another language) and drops the table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE reports DROP CONSTRAINT reports_lang_fkey;
    ALTER TABLE reports ADD CONSTRAINT reports_lang_check CHECK (lang IN ('fr', 'en'));
    DROP TABLE languages;
  `.execute(db);
}
