import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { buildDigestContent, DIGEST_QUEUE, mondayOf, weekBounds, type RelaisConfig } from '@relais/core';
import { bareBreakdowns } from '@relais/core/testing';
import { createPartner, insertDigestOnce, type Executor } from '@relais/db';
import { deletePrefixKeys } from './redis-scan.ts';

/** Creates a partner whose scope is one postal code, receiving the weekly digest at `emails`; returns its id. */
export async function digestPartner(
  db: Executor,
  partner: { slug: string; name: string; postalCode: string; emails?: string[] },
): Promise<string> {
  const created = await createPartner(db, {
    slug: partner.slug,
    name: partner.name,
    scope: [{ tunnels: [], postalCodes: [partner.postalCode] }],
    ...(partner.emails ? { digestEmails: partner.emails } : {}),
  });
  return created.id;
}

/** A release time inside ISO week `week` (`2026-W47`): its Tuesday, 10:00 in Paris. */
export const releasedIn = (week: string): Date => new Date(weekBounds(week).start.getTime() + 34 * 3_600_000);

/** The digest queue and its events on the test's Redis, as the worker sees them. */
export interface DigestQueue {
  readonly redis: Redis;
  readonly queue: Queue;
  readonly events: QueueEvents;
  /** Closes the queue and its events, removes every key of the test's prefix, disconnects. */
  close(): Promise<void>;
}

export async function openDigestQueue(config: RelaisConfig): Promise<DigestQueue> {
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(DIGEST_QUEUE, { connection: redis, prefix: config.queuePrefix });
  const events = new QueueEvents(DIGEST_QUEUE, { connection: redis.duplicate(), prefix: config.queuePrefix });
  await events.waitUntilReady();
  return {
    redis,
    queue,
    events,
    async close() {
      await events.close();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await deletePrefixKeys(redis, config.queuePrefix);
      redis.disconnect();
    },
  };
}

/**
 * Stores the digest of `partner` for `isoWeek` counting `total` reports (`insults` of them insults
 * when given, then also in the weekly series), as the weekly job would, its e-mail not configured.
 */
export async function storeDigest(
  db: Executor,
  partner: { id: string; name: string },
  isoWeek: string,
  total: number,
  insults?: number,
): Promise<void> {
  const content = buildDigestContent({
    isoWeek,
    partner,
    week: bareBreakdowns(total, insults),
    history: bareBreakdowns(0, insults === undefined ? undefined : 0),
    weekly: insults === undefined ? new Map() : new Map([[mondayOf(isoWeek), total]]),
  });
  await insertDigestOnce(db, {
    partnerId: partner.id,
    isoWeek,
    periodStart: content.period.from,
    content,
    emailStatus: 'not_configured',
  });
}
