import { Redis } from 'ioredis';

/**
 * Everything stored under `prefix` in Redis, as one string per key (hashes, strings, lists, sets,
 * sorted sets and streams alike), so a test can search it for text that must never be there.
 */
export async function dumpRedisKeys(redis: Redis, prefix: string): Promise<Map<string, string>> {
  const dump = new Map<string, string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      let value: unknown;
      if (type === 'string') value = await redis.get(key);
      else if (type === 'hash') value = await redis.hgetall(key);
      else if (type === 'list') value = await redis.lrange(key, 0, -1);
      else if (type === 'set') value = await redis.smembers(key);
      else if (type === 'zset') value = await redis.zrange(key, 0, '-1', 'WITHSCORES');
      else if (type === 'stream') value = await redis.xrange(key, '-', '+');
      dump.set(key, JSON.stringify(value ?? null));
    }
  } while (cursor !== '0');
  return dump;
}

/** The keys under `prefix` whose content contains any of `needles`. */
export async function keysContaining(redis: Redis, prefix: string, needles: readonly string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const [key, value] of await dumpRedisKeys(redis, prefix)) {
    if (needles.some((needle) => value.includes(needle))) hits.push(key);
  }
  return hits;
}

/**
 * Deletes every key of a test's queue prefix (`<prefix>:*`), through `redis` or, given a URL, a
 * connection of its own that it closes.
 */
export async function deletePrefixKeys(redis: Redis | string, prefix: string): Promise<void> {
  const connection = typeof redis === 'string' ? new Redis(redis) : redis;
  try {
    const keys = await connection.keys(`${prefix}:*`);
    if (keys.length) await connection.del(...keys);
  } finally {
    if (typeof redis === 'string') connection.disconnect();
  }
}
