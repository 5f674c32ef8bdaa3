import { sql } from 'kysely';
import type { RelaisDb } from './create-database.js';

/** Whether the database answers a trivial query within `timeoutMs` (health checks). */
export async function pingDatabase(db: RelaisDb, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = sql`SELECT 1`.execute(db).then(() => true, () => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
