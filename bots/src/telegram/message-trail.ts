import type { Redis } from 'ioredis';
import { keyedHash, type Keyring } from '@relais/core';

/** Telegram lets a bot delete messages of a private chat for 48 hours. */
const TRAIL_TTL_SECONDS = 48 * 3600;
const TRAIL_MAX = 500;

/**
 * The ids of the messages of the current report in one chat, the person's and the bot's, so that
 * the whole conversation can be deleted from the phone after sending. Kept in Redis under a keyed
 * hash of the chat (no chat id in key names), for 48 hours.
 */
export class MessageTrail {
  constructor(
    private readonly redis: Redis,
    private readonly keyring: Keyring,
    private readonly prefix: string,
  ) {}

  private key(chatId: number): string {
    return `${this.prefix}:tg:trail:${keyedHash(this.keyring, `trail:telegram:${chatId}`)}`;
  }

  /** Remembers message ids of the chat. */
  async add(chatId: number, messageIds: readonly number[]): Promise<void> {
    if (messageIds.length === 0) return;
    const key = this.key(chatId);
    await this.redis
      .multi()
      .rpush(key, ...messageIds.map(String))
      .ltrim(key, -TRAIL_MAX, -1)
      .expire(key, TRAIL_TTL_SECONDS)
      .exec();
  }

  /** Forgets the trail: a new report starts. */
  async reset(chatId: number): Promise<void> {
    await this.redis.del(this.key(chatId));
  }

  /** The remembered ids, forgotten at once (they are about to be deleted). */
  async take(chatId: number): Promise<number[]> {
    const key = this.key(chatId);
    const result = await this.redis.multi().lrange(key, 0, -1).del(key).exec();
    const ids = (result?.[0]?.[1] as string[] | undefined) ?? [];
    return ids.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
  }
}
