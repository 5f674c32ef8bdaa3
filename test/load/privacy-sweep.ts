import { sql } from 'kysely';
import type { RelaisDb } from '@relais/db';
import { Redis } from 'ioredis';
import { dumpRedisKeys } from '../support/redis-scan.ts';

/** Where canaries were found: each entry names the place (a log line's start, a key, a column). */
export interface SweepResult {
  readonly logLines: string[];
  readonly redisKeys: string[];
  /** `table.column` of clear columns holding a canary. */
  readonly clearColumns: string[];
  /** `table.column` of encrypted (bytea) columns holding a canary in clear bytes. */
  readonly encryptedColumns: string[];
  /** How much was searched. */
  readonly searched: { logLines: number; redisKeys: number; columns: number };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` holds one of `needles`: a string anywhere, a pattern where it matches. */
const holds = (text: string, needles: readonly (string | RegExp)[]) =>
  needles.some((n) => (typeof n === 'string' ? text.includes(n) : n.test(text)));

/**
 * Searches every log line, every Redis key and every column of every table for `needles`: strings
 * as they are, patterns (written so that PostgreSQL reads them as JavaScript does) where they
 * match. Encrypted columns (bytea) are searched too, for the needles in clear bytes.
 */
export async function privacySweep(
  logs: string,
  redisUrl: string,
  db: RelaisDb,
  needles: readonly (string | RegExp)[],
): Promise<SweepResult> {
  const lines = logs.split('\n');
  const logLines = lines.filter((line) => holds(line, needles)).map((line) => line.slice(0, 200));

  const redis = new Redis(redisUrl);
  const dump = await dumpRedisKeys(redis, '');
  redis.disconnect();
  const redisKeys = [...dump]
    .filter(([key, value]) => holds(value, needles) || holds(key, needles))
    .map(([key]) => key);

  const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
    SELECT table_name, column_name, data_type FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name IN (SELECT tablename FROM pg_tables WHERE schemaname = 'public')`.execute(
    db,
  );
  const pattern = needles.map((n) => (typeof n === 'string' ? escapeRegex(n) : n.source)).join('|');
  const clearColumns: string[] = [];
  const encryptedColumns: string[] = [];
  for (const c of columns.rows) {
    const column = sql.ref(`${c.table_name}.${c.column_name}`);
    const table = sql.table(c.table_name);
    if (c.data_type === 'bytea') {
      const hits = await sql<{ n: string }>`SELECT count(*) AS n FROM ${table} WHERE ${sql.join(
        // The escape encoding keeps printable ASCII bytes as they are, so a pattern sees clear text.
        needles.map((n) =>
          typeof n === 'string'
            ? sql`position(convert_to(${n}, 'UTF8') in ${column}) > 0`
            : sql`encode(${column}, 'escape') ~ ${n.source}`,
        ),
        sql` OR `,
      )}`.execute(db);
      if (Number(hits.rows[0]!.n) > 0) encryptedColumns.push(`${c.table_name}.${c.column_name}`);
    } else {
      const hits = await sql<{
        n: string;
      }>`SELECT count(*) AS n FROM ${table} WHERE ${column}::text ~ ${pattern}`.execute(db);
      if (Number(hits.rows[0]!.n) > 0) clearColumns.push(`${c.table_name}.${c.column_name}`);
    }
  }
  return {
    logLines,
    redisKeys,
    clearColumns,
    encryptedColumns,
    searched: { logLines: lines.length, redisKeys: dump.size, columns: columns.rows.length },
  };
}
