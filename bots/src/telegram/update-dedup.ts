import type { Redis } from 'ioredis';
import type { Context, MiddlewareFn } from 'grammy';

/** How long a handled update id is remembered (Telegram re-delivers for at most 24 hours). */
const SEEN_TTL_SECONDS = 24 * 3600;

/** The id the conversation runner commits with the draft, so a re-delivered update changes nothing. */
export const updateInputId = (ctx: Context): string => `tg:${ctx.update.update_id}`;

/**
 * Middleware that drops, across bot instances, an update whose `update_id` was already handled
 * (a cheap fast path). Exactly-once lives deeper: the conversation runner commits the update's id
 * in the same write as the draft ({@link updateInputId}), so an update re-delivered after a bot
 * process died mid-way, or delivered twice at once to two instances, is applied once.
 */
export function dedupUpdates(redis: Redis, prefix: string): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const key = `${prefix}:tg:update:${ctx.update.update_id}`;
    if ((await redis.exists(key)) === 1) return;
    await next();
    await redis.set(key, '1', 'EX', SEEN_TTL_SECONDS);
  };
}
