import { LANGS, type Lang } from '@relais/core';
import type { Executor } from '../database.js';

/**
 * Makes the `languages` table hold every language of `langs` (default: core's `LANGS`), adding the
 * missing ones and never removing any. Idempotent and safe to run concurrently. The migrate runner
 * calls it after every `migrateToLatest`, so the database constraint follows `LANGS` without
 * hand-written SQL.
 */
export async function syncLanguages(db: Executor, langs: readonly Lang[] = LANGS): Promise<void> {
  if (langs.length === 0) return;
  await db
    .insertInto('languages')
    .values(langs.map((code) => ({ code })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}
