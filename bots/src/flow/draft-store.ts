import type { Redis } from 'ioredis';
import { keyedHash, openJson, sealJson, type Keyring } from '@relais/core';
import type { FlowState } from './flow-types.js';

/** A draft lives this long after the person's last message, then disappears by itself. */
export const DRAFT_TTL_SECONDS = 24 * 3600;

/**
 * Conversation drafts in Redis, sealed with the data key (they hold what the person typed), under
 * a key derived from a keyed hash of the conversation id (no chat id in key names).
 */
export class DraftStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyring: Keyring,
    private readonly prefix: string,
  ) {}

  private key(conversation: string): string {
    return `${this.prefix}:draft:${keyedHash(this.keyring, `draft:${conversation}`)}`;
  }

  /** The draft of a conversation, or null when there is none (or it expired). */
  async load(conversation: string): Promise<FlowState | null> {
    const key = this.key(conversation);
    const raw = await this.redis.getBuffer(key);
    if (!raw) return null;
    const value = openJson(this.keyring, raw, key) as FlowState;
    return value.v === 1 ? value : null;
  }

  /** Saves (or, with null, deletes) the draft and restarts its TTL. */
  async save(conversation: string, state: FlowState | null): Promise<void> {
    const key = this.key(conversation);
    if (state === null) await this.redis.del(key);
    else await this.redis.set(key, sealJson(this.keyring, state, key), 'EX', DRAFT_TTL_SECONDS);
  }
}
