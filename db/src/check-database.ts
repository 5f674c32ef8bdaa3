import pg from 'pg';
import { dependencyStartupError } from '@relais/core';

/**
 * Start-up check: connects once to the database at `url` and runs `SELECT 1`. Throws a
 * `StartupError` naming DATABASE_URL's host:port (never its password) when the server refuses the
 * connection, rejects the credentials, lacks the database or does not answer within `timeoutMs`
 * (default 5 s). The service's pool would otherwise fail later, on a user's request.
 */
export async function checkDatabase(url: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    application_name: 'relais-startup-check',
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw dependencyStartupError('postgres', url, error, timeoutMs);
  } finally {
    await client.end().catch(() => undefined);
  }
}
