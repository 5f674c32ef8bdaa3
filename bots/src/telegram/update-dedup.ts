import type { Redis } from 'ioredis';
import type { Context, MiddlewareFn } from 'grammy';

/** How long an update id is remembered (Telegram re-delivers for at most 24 hours). */
const SEEN_TTL_SECONDS = 24 * 3600;

/**
 * Middleware that drops an update whose `update_id` was already handled, across bot instances.
 * If handling fails, the mark is removed so a re-delivery is handled again.
 */
export function dedupUpdates(redis: Redis, prefix: string): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const key = `${prefix}:tg:update:${ctx.update.update_id}`;
    const first = await redis.set(key, '1', 'EX', SEEN_TTL_SECONDS, 'NX');
    if (first === null) return;
    try {
      await next();
    } catch (error) {
      await redis.del(key).catch(() => undefined);
      throw error;
    }
  };
}
