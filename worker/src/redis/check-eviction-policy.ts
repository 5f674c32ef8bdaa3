import type { Redis } from 'ioredis';
import { RelaisError } from '@relais/core';

/** Redis would evict queue keys under memory pressure: jobs (reports) could vanish. */
export class EvictingRedisError extends RelaisError {
  constructor(policy: string) {
    super(
      'REDIS_EVICTS',
      `Redis maxmemory-policy is "${policy}": queued reports could be evicted. Set it to noeviction ` +
        '(redis-cli CONFIG SET maxmemory-policy noeviction, or maxmemory-policy noeviction in redis.conf).',
    );
  }
}

/**
 * Refuses a Redis that may evict keys. Returns the policy, or undefined when the server hides
 * CONFIG (some managed services); the operator must then guarantee `noeviction` themselves.
 */
export async function checkEvictionPolicy(redis: Redis): Promise<string | undefined> {
  let reply: unknown;
  try {
    reply = await redis.call('CONFIG', 'GET', 'maxmemory-policy');
  } catch {
    return undefined;
  }
  const policy = Array.isArray(reply) ? String(reply[1]) : undefined;
  if (policy !== undefined && policy !== 'noeviction') throw new EvictingRedisError(policy);
  return policy;
}
