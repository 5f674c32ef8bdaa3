import { isKnownTunnel, type RelaisDb } from '@relais/db';

/**
 * Whether a partner scope names a tunnel, cached per tunnel for `ttlMs` (default 30 s): intake
 * asks for every report, partner scopes change rarely. Concurrent asks for one tunnel share one
 * query; a failed query is not cached. A partner added for a new tunnel is recognised within `ttlMs`.
 */
export function cachedTunnelLookup(db: RelaisDb, ttlMs = 30_000): (tunnel: string) => Promise<boolean> {
  const cache = new Map<string, { known: Promise<boolean>; until: number }>();
  return (tunnel) => {
    const hit = cache.get(tunnel);
    if (hit && hit.until > Date.now()) return hit.known;
    const known = isKnownTunnel(db, tunnel);
    if (cache.size > 10_000) cache.clear();
    cache.set(tunnel, { known, until: Date.now() + ttlMs });
    known.catch(() => cache.get(tunnel)?.known === known && cache.delete(tunnel));
    return known;
  };
}
