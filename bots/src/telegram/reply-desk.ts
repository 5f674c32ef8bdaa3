import type { Redis } from 'ioredis';
import { CryptoError, keyedHash, openJson, sealingContext, sealJson, type Keyring } from '@relais/core';
import { z } from 'zod';

/**
 * How long after tapping "Reply to the association" the next message is taken as the answer. Past
 * it, a message is a message again (it may be asked whether it is an answer, see the bot).
 */
const REPLYING_TTL_SECONDS = 3600;

/** How long an answer waits for "is this an answer or a new report?" to be tapped. */
const UNSURE_TTL_SECONDS = 3600;

/** The report a reply goes to (ids only: no chat id, no text). */
const replyTarget = z.object({
  reportId: z.uuid(),
  messageId: z.uuid(),
  reference: z.string().max(20),
  lang: z.string().max(3),
});

/** A reply's target, as kept between two updates. */
export type DeskTarget = z.infer<typeof replyTarget>;

const unsureAnswer = z.object({ target: replyTarget, text: z.string().max(4096) });

/** An answer typed outside a reply, waiting for the person to say what it is. */
export type UnsureAnswer = z.infer<typeof unsureAnswer>;

/**
 * The Telegram reply desk's state in Redis, per chat: "replying to report X" after the reply
 * button, or a typed message waiting for "answer or new report?". Keys are keyed hashes of the chat
 * (no chat id in key names); values are sealed to their key (they name the reporter's report, and
 * the waiting answer holds their text); both expire by themselves.
 */
export class ReplyDesk {
  constructor(
    private readonly redis: Redis,
    private readonly keyring: Keyring,
    private readonly prefix: string,
  ) {}

  private key(kind: 'replying' | 'unsure', chatId: number): string {
    return `${this.prefix}:tg:${kind}:${keyedHash(this.keyring, `reply:telegram:${chatId}`)}`;
  }

  private async put(key: string, value: unknown, ttl: number): Promise<void> {
    await this.redis.set(key, sealJson(this.keyring, value, sealingContext.telegramReply(key)), 'EX', ttl);
  }

  private async take<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const raw = await this.redis.getdelBuffer(key);
    if (!raw) return undefined;
    try {
      const parsed = schema.safeParse(openJson(this.keyring, raw, sealingContext.telegramReply(key)));
      return parsed.success ? parsed.data : undefined;
    } catch (error) {
      // Sealed under a retired key or damaged: as if it had expired.
      if (error instanceof CryptoError || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  /** The next message of this chat is an answer to `target`. */
  async startReplying(chatId: number, target: DeskTarget): Promise<void> {
    await this.put(this.key('replying', chatId), target, REPLYING_TTL_SECONDS);
  }

  /** The report this chat is replying to, forgotten at once (one message is one answer). */
  async takeReplying(chatId: number): Promise<DeskTarget | undefined> {
    return this.take(this.key('replying', chatId), replyTarget);
  }

  /** Keeps a typed message until the person says whether it answers `target`. */
  async holdUnsure(chatId: number, answer: UnsureAnswer): Promise<void> {
    await this.put(this.key('unsure', chatId), answer, UNSURE_TTL_SECONDS);
  }

  /** The message held by {@link holdUnsure}, forgotten at once. */
  async takeUnsure(chatId: number): Promise<UnsureAnswer | undefined> {
    return this.take(this.key('unsure', chatId), unsureAnswer);
  }
}
