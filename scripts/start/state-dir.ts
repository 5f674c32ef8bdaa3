import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `npm start` and `npm run relais` keep local state (development secrets, the servers in use,
 * an embedded PostgreSQL's and a redis-server's data): `.relais/` at the repository root, or the
 * folder named by `RELAIS_STATE_DIR` (tests run a whole stack without touching yours).
 */
export function stateDirOf(env: Readonly<Record<string, string | undefined>>): string {
  const chosen = env.RELAIS_STATE_DIR;
  return chosen ? `${resolve(chosen)}/` : fileURLToPath(new URL('../../.relais/', import.meta.url));
}
