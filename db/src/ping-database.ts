import { sql } from 'kysely';
import { succeedsWithin } from '@relais/core';
import type { RelaisDb } from './create-database.js';

/** Whether the database answers a trivial query within `timeoutMs` (health checks). */
export function pingDatabase(db: RelaisDb, timeoutMs = 2_000): Promise<boolean> {
  return succeedsWithin(sql`SELECT 1`.execute(db), timeoutMs);
}
