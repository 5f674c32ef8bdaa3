import type { Redis } from 'ioredis';
import type { Context, MiddlewareFn } from 'grammy';
import { RelaisError } from '@relais/core';

/** How long a handled update id is remembered (Telegram re-delivers for at most 24 hours). */
const SEEN_TTL_SECONDS = 24 * 3600;
/**
 * How long an update counts as in hand. Longer than any handling may take (the webhook answers
 * after 9 s, a conversation lock waits 15 s), so an update that is still in hand is never handled
 * twice; short enough that an update whose bot process died comes back within a minute.
 */
export const IN_HAND_TTL_SECONDS = 30;

/**
 * Thrown (outside the error boundary, so the webhook does not acknowledge the update) when the
 * same update is already in hand elsewhere, or was in the hands of a bot process that died:
 * Telegram delivers it again later, and once the mark has expired it is handled then.
 */
export class UpdateInHandError extends RelaisError {
  constructor() {
    super('UPDATE_IN_HAND', 'this Telegram update is already being handled; it is not acknowledged, so Telegram delivers it again');
  }
}

/**
 * Middleware that handles each `update_id` once, across bot instances and crashes. An update is
 * marked "in hand" while it runs and "done" once handled; a re-delivery of a done update is
 * dropped (acknowledged), one of an update in hand is refused with {@link UpdateInHandError} (not
 * acknowledged: a bot process that died while handling it leaves the mark to expire, and the
 * re-delivery after that is handled). If handling fails, the mark is removed.
 */
export function dedupUpdates(redis: Redis, prefix: string): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const key = `${prefix}:tg:update:${ctx.update.update_id}`;
    const first = await redis.set(key, 'in-hand', 'EX', IN_HAND_TTL_SECONDS, 'NX');
    if (first === null) {
      // Done: acknowledge and drop. In hand (or expired a moment ago): let Telegram come back.
      if ((await redis.get(key)) === 'done') return;
      throw new UpdateInHandError();
    }
    try {
      await next();
    } catch (error) {
      await redis.del(key).catch(() => undefined);
      throw error;
    }
    await redis.set(key, 'done', 'EX', SEEN_TTL_SECONDS);
  };
}
