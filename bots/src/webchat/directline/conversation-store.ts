import type { Redis } from 'ioredis';
import { openJson, sealJson, type Keyring } from '@relais/core';
import type { DirectLineActivity } from './directline-activity.js';

/** A conversation lives this long after its last activity, like a draft. */
export const CONVERSATION_TTL_SECONDS = 24 * 3600;

/** The facts of a Direct Line conversation. */
export interface ConversationInfo {
  readonly id: string;
  readonly tunnel: string | null;
  readonly createdAt: string;
}

/**
 * Direct Line conversations and their activities in Redis, so several bot instances serve one
 * conversation. Activities hold what the person typed: each is sealed with the data key. The
 * watermark is the number of activities stored; a publish tells every instance to push new ones
 * to its open WebSocket streams.
 */
export class ConversationStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyring: Keyring,
    private readonly prefix: string,
  ) {}

  private infoKey = (id: string) => `${this.prefix}:dl:conv:${id}`;
  private activitiesKey = (id: string) => `${this.prefix}:dl:acts:${id}`;
  /** The pub/sub channel announcing new activities of a conversation. */
  channel = (id: string) => `${this.prefix}:dl:events:${id}`;

  /** Creates a conversation. */
  async create(info: ConversationInfo): Promise<void> {
    await this.redis
      .multi()
      .hset(this.infoKey(info.id), { tunnel: info.tunnel ?? '', createdAt: info.createdAt })
      .expire(this.infoKey(info.id), CONVERSATION_TTL_SECONDS)
      .exec();
  }

  /** A conversation, or undefined when it does not exist (or expired). */
  async find(id: string): Promise<ConversationInfo | undefined> {
    const fields = await this.redis.hgetall(this.infoKey(id));
    if (!fields.createdAt) return undefined;
    return { id, tunnel: fields.tunnel || null, createdAt: fields.createdAt };
  }

  /**
   * Appends activities, giving each its id (`<conversation>|<seq>`); returns them as stored.
   * Sequence numbers come from Redis, so concurrent instances never reuse one.
   */
  async append(id: string, activities: readonly DirectLineActivity[]): Promise<DirectLineActivity[]> {
    const stored: DirectLineActivity[] = [];
    for (const activity of activities) {
      const seq = (await this.redis.hincrby(this.infoKey(id), 'seq', 1)) - 1;
      const withId = { ...activity, id: `${id}|${String(seq).padStart(7, '0')}`, conversation: { id } };
      // Stored at its sequence index: a list slot per activity keeps watermarks exact.
      await this.redis.hset(this.activitiesKey(id), String(seq), sealJson(this.keyring, withId, `${this.activitiesKey(id)}:${seq}`));
      stored.push(withId);
    }
    await this.redis
      .multi()
      .expire(this.infoKey(id), CONVERSATION_TTL_SECONDS)
      .expire(this.activitiesKey(id), CONVERSATION_TTL_SECONDS)
      .publish(this.channel(id), '1')
      .exec();
    return stored;
  }

  /** Activities from `watermark` on (all when undefined), and the new watermark. */
  async since(id: string, watermark: number | undefined): Promise<{ activities: DirectLineActivity[]; watermark: number }> {
    const count = Number((await this.redis.hget(this.infoKey(id), 'seq')) ?? 0);
    const from = Math.max(0, Math.min(watermark ?? 0, count));
    if (from >= count) return { activities: [], watermark: count };
    const fields = Array.from({ length: count - from }, (_, i) => String(from + i));
    const sealed = await this.redis.hmgetBuffer(this.activitiesKey(id), ...fields);
    const activities: DirectLineActivity[] = [];
    sealed.forEach((value, i) => {
      if (value) activities.push(openJson(this.keyring, value, `${this.activitiesKey(id)}:${from + i}`) as DirectLineActivity);
    });
    return { activities, watermark: count };
  }
}
