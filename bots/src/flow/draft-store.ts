import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { CryptoError, RelaisError, keyedHash, openJson, sealingContext, sealJson, type Keyring } from '@relais/core';
import { readFlowState } from './flow-state.js';
import type { FlowState } from './flow-types.js';

/** A draft lives this long after the person's last message, then disappears by itself. */
const DRAFT_TTL_SECONDS = 24 * 3600;

/** How long one update may hold a conversation (the lock expires by itself after a crash). */
const LOCK_TTL_MS = 20_000;
/**
 * How long an update waits for the previous one of the same conversation: longer than the lock
 * lives, so the lock of a bot process that died mid-update expires first and the update goes on.
 */
const LOCK_WAIT_MS = 25_000;
const LOCK_POLL_MS = 15;
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** Thrown when a conversation stayed locked longer than an update may wait. */
export class ConversationBusyError extends RelaisError {
  constructor() {
    super(
      'CONVERSATION_BUSY',
      'the conversation is busy with an earlier update; the person is asked to send their message again',
    );
  }
}

/**
 * Conversation drafts in Redis, sealed with the data key (they hold what the person typed), under
 * a key derived from a keyed hash of the conversation id (no chat id in key names), with a TTL
 * restarted on every message. Updates of one conversation run one at a time ({@link withLock}), so
 * two quick taps never overwrite each other's answer, whichever bot instance serves them.
 */
export class DraftStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyring: Keyring,
    private readonly prefix: string,
  ) {}

  private key(conversation: string, kind = 'draft'): string {
    return `${this.prefix}:${kind}:${keyedHash(this.keyring, `draft:${conversation}`)}`;
  }

  /** The draft of a conversation, or null when there is none, it expired, or it cannot be read. */
  async load(conversation: string): Promise<FlowState | null> {
    const key = this.key(conversation);
    const raw = await this.redis.getBuffer(key);
    if (!raw) return null;
    try {
      return readFlowState(openJson(this.keyring, raw, sealingContext.draft(key)));
    } catch (error) {
      // Sealed under a key no longer in the keyring, or damaged: it can never be read again.
      if (error instanceof CryptoError || error instanceof SyntaxError) return null;
      throw error;
    }
  }

  private inputKey(conversation: string, inputId: string): string {
    return `${this.key(conversation, 'draft-input')}:${keyedHash(this.keyring, `input:${inputId}`).slice(0, 32)}`;
  }

  /** Whether the input `inputId` of this conversation was already applied to its draft. */
  async applied(conversation: string, inputId: string): Promise<boolean> {
    return (await this.redis.exists(this.inputKey(conversation, inputId))) === 1;
  }

  /**
   * Saves (or, with null, deletes) the draft and restarts its TTL; with `inputId`, records in the
   * same atomic write that this input is applied (kept as long as a re-delivery can come).
   */
  async save(conversation: string, state: FlowState | null, inputId?: string): Promise<void> {
    const key = this.key(conversation);
    const write = this.redis.multi();
    if (state === null) write.del(key);
    else write.set(key, sealJson(this.keyring, state, sealingContext.draft(key)), 'EX', DRAFT_TTL_SECONDS);
    if (inputId !== undefined) write.set(this.inputKey(conversation, inputId), '1', 'EX', DRAFT_TTL_SECONDS);
    const results = await write.exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error('the draft could not be saved (transaction aborted)');
  }

  /** Runs `work` while holding the conversation's lock; throws {@link ConversationBusyError} after a long wait. */
  async withLock<T>(conversation: string, work: () => Promise<T>): Promise<T> {
    const key = this.key(conversation, 'draft-lock');
    const token = randomBytes(12).toString('base64');
    const deadline = Date.now() + LOCK_WAIT_MS;
    while ((await this.redis.set(key, token, 'PX', LOCK_TTL_MS, 'NX')) === null) {
      if (Date.now() > deadline) throw new ConversationBusyError();
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
    try {
      return await work();
    } finally {
      await this.redis.eval(RELEASE, 1, key, token);
    }
  }
}
