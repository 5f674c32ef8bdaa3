import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A Lua script run with `EVALSHA`, falling back to `EVAL` (which caches it) the first time a Redis
 * server has not seen it. A script runs atomically: no other command interleaves.
 */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script on `keys` with `args`. */
  async run(redis: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return await redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

/**
 * Counts a hit in a clock-aligned window: `INCR`, and an expiry (`ARGV[1]` ms) on a counter that
 * has none. Returns the count, this hit included.
 */
export const hitScript = new RedisScript(`
local count = redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count
`);

/**
 * Reserves one attempt on every counter of `KEYS` (limit `ARGV[2i-1]`, window `ARGV[2i]` ms for
 * `KEYS[i]`) when each still has room; otherwise counts nothing. A counter's window opens at its
 * first attempt and is never extended. Returns `{1}` when reserved, `{0, wait ms}` when refused
 * (the longest wait among the full counters).
 */
export const reserveScript = new RedisScript(`
local wait = -1
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count >= tonumber(ARGV[2 * i - 1]) then
    local ttl = redis.call('PTTL', KEYS[i])
    if ttl <= 0 then ttl = tonumber(ARGV[2 * i]) end
    if ttl > wait then wait = ttl end
  end
end
if wait >= 0 then return {0, wait} end
for i = 1, #KEYS do
  redis.call('INCR', KEYS[i])
  if redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[2 * i]) end
end
return {1}
`);

/**
 * Gives back one reserved attempt on every counter of `KEYS` that still exists (a counter whose
 * window ended is left absent, never recreated without an expiry).
 */
export const releaseScript = new RedisScript(`
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
end
return 1
`);

/**
 * Spends `ARGV[1]` units of a budget of `ARGV[2]` in a clock-aligned window (expiry `ARGV[3]` ms
 * on a counter that has none) when they fit; otherwise spends nothing. Returns `{1, total}` when
 * spent, `{0, total}` when refused (`total` is what the window has spent).
 */
export const spendScript = new RedisScript(`
local spent = tonumber(redis.call('GET', KEYS[1]) or '0')
local amount = tonumber(ARGV[1])
if spent + amount > tonumber(ARGV[2]) then return {0, spent} end
local total = redis.call('INCRBY', KEYS[1], amount)
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {1, total}
`);
