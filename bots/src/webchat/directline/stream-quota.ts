import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { keyedHash, type Keyring } from '@relais/core';

/** Open streams allowed at once per conversation (all its tokens) and per client address. */
export interface StreamLimits {
  readonly perConversation: number;
  readonly perAddress: number;
}

/** How long a stream's place is held without renewal: three keep-alives (every 15 s). */
const LEASE_MS = 45_000;

/**
 * Takes a place on both counters (sorted sets: member = stream, score = lease expiry) when each has
 * room, after dropping expired places; Redis' clock, so every instance agrees.
 * KEYS: conversation set, address set. ARGV: lease ms, conversation max, address max, stream id.
 * Answers `ok`, or which counter is full (`conversation`, `address`).
 */
const ACQUIRE_SCRIPT = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 'conversation' end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return 'address' end
for i = 1, 2 do
  redis.call('ZADD', KEYS[i], now + tonumber(ARGV[1]), ARGV[4])
  redis.call('PEXPIRE', KEYS[i], ARGV[1])
end
return 'ok'
`;

/** Extends a held place (KEYS as for acquiring; ARGV: lease ms, stream id); a lost one stays lost. */
const RENEW_SCRIPT = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
for i = 1, 2 do
  if redis.call('ZSCORE', KEYS[i], ARGV[2]) then
    redis.call('ZADD', KEYS[i], now + tonumber(ARGV[1]), ARGV[2])
    redis.call('PEXPIRE', KEYS[i], ARGV[1])
  end
end
return 1
`;

/** A place held by one open stream: renew it with each keep-alive, release it on close. */
export interface StreamLease {
  renew(): Promise<void>;
  release(): Promise<void>;
}

/** What {@link StreamQuota.acquire} decided. */
export type StreamGrant =
  | { readonly granted: true; readonly lease: StreamLease }
  | { readonly granted: false; readonly full: 'conversation' | 'address' };

/**
 * Caps the Direct Line WebSocket streams open at once per conversation (so per token, refreshed
 * ones included) and per client address, over every bot instance: each stream holds a lease in
 * Redis, renewed by its keep-alive, so a crashed instance's streams stop counting within
 * {@link LEASE_MS}. Addresses are hashed with the keyring before they reach a key name.
 */
export class StreamQuota {
  constructor(
    private readonly redis: Redis,
    private readonly keyring: Keyring,
    private readonly prefix: string,
    readonly limits: StreamLimits,
    private readonly leaseMs = LEASE_MS,
  ) {}

  private keys(conversationId: string, address: string): [string, string] {
    return [
      `${this.prefix}:dl:streams:conv:${conversationId}`,
      `${this.prefix}:dl:streams:addr:${keyedHash(this.keyring, `dl-stream-address:${address}`)}`,
    ];
  }

  /** Takes a place for a new stream of `conversationId` from `address`, or says which cap is reached. */
  async acquire(conversationId: string, address: string): Promise<StreamGrant> {
    const keys = this.keys(conversationId, address);
    const stream = randomUUID();
    const verdict = (await this.redis.eval(
      ACQUIRE_SCRIPT,
      2,
      ...keys,
      this.leaseMs,
      this.limits.perConversation,
      this.limits.perAddress,
      stream,
    )) as string;
    if (verdict !== 'ok') return { granted: false, full: verdict === 'conversation' ? 'conversation' : 'address' };
    return {
      granted: true,
      lease: {
        renew: async () => {
          await this.redis.eval(RENEW_SCRIPT, 2, ...keys, this.leaseMs, stream);
        },
        release: async () => {
          await this.redis.multi().zrem(keys[0], stream).zrem(keys[1], stream).exec();
        },
      },
    };
  }
}
