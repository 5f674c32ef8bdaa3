import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { openJson, sealingContext, sealJson, type Keyring } from '@relais/core';
import type { DirectLineActivity } from './directline-activity.js';

/** A conversation lives this long after its last activity, like a draft. */
const CONVERSATION_TTL_SECONDS = 24 * 3600;

/** How long a client's own activity id is remembered, so a re-sent activity is recognised. */
const REPLAY_TTL_SECONDS = CONVERSATION_TTL_SECONDS;

/**
 * Bytes (sealed) a conversation may hold before what the person posts is refused: a whole report
 * with a 20,000-character description in any script, its summary quoting it back, and every
 * question fits (about 160 KiB at worst, by estimate, not measured); a client parking data does
 * not. The bot's own messages are never refused (they follow from what the person posted), and
 * erasing the conversation empties it.
 */
export const MAX_CONVERSATION_BYTES = 256 * 1024;

/** The facts of a Direct Line conversation. */
interface ConversationInfo {
  readonly id: string;
  readonly tunnel: string | null;
  /** The client's language (`fr`, `en-GB`…) when it gave one; the conversation starts in it. */
  readonly locale: string | null;
  readonly createdAt: string;
}

/** Thrown when a conversation holds {@link MAX_CONVERSATION_BYTES} and a person posts more. */
export class ConversationFullError extends Error {
  readonly code = 'CONVERSATION_FULL';
  constructor() {
    super('this conversation holds as much as it may: start a new conversation');
    this.name = 'ConversationFullError';
  }
}

/** What {@link ConversationStore.appendOnce} did. */
interface AppendOnceResult {
  /** The activity as stored, or only `{ id }` of the one stored earlier for a replay. */
  readonly id: string;
  readonly activity: DirectLineActivity | undefined;
  /** True when the client had already posted this activity: nothing was stored. */
  readonly replayed: boolean;
}

/**
 * Appends sealed activities in one step: the slots from the current sequence number on, the new
 * sequence number, the TTLs, the client id of a replayable activity, and the notification. A known
 * client id makes it store nothing and answer `replay` with the id given the first time.
 * Each slot holds the epoch ms in 13 decimal digits then the envelope: the time comes from Redis'
 * clock and is one millisecond past the conversation's previous activity at least, so timestamps
 * within a conversation are strictly increasing, whichever instance wrote them (Web Chat orders its
 * transcript by timestamp, and shows the buttons of the message it sorts last: two bot messages of
 * one turn in the same millisecond could swap and hide the buttons).
 * The info hash counts the bytes stored (`bytes`): with a cap (ARGV[5] > 0), an append that would
 * pass it stores nothing and answers `full`.
 * KEYS: info, activities[, replay]. ARGV: ttl, channel, replay ttl, conversation id, cap, sealed…
 * Answers `ok`, the first sequence number used and the first activity's time (epoch ms).
 */
const APPEND_SCRIPT = `
if KEYS[3] then
  local seen = redis.call('GET', KEYS[3])
  if seen then return {'replay', seen} end
end
local count = #ARGV - 5
local size = 0
for i = 1, count do size = size + 13 + #ARGV[5 + i] end
local cap = tonumber(ARGV[5])
local held = tonumber(redis.call('HGET', KEYS[1], 'bytes') or '0')
if cap > 0 and held + size > cap then return {'full'} end
local seq = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local first = math.max(now, tonumber(redis.call('HGET', KEYS[1], 'ms') or '0') + 1)
for i = 1, count do
  redis.call('HSET', KEYS[2], tostring(seq + i - 1), string.format('%013.0f', first + i - 1) .. ARGV[5 + i])
end
redis.call('HSET', KEYS[1], 'seq', seq + count, 'ms', string.format('%.0f', first + count - 1), 'bytes', held + size)
redis.call('EXPIRE', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[1])
if KEYS[3] then redis.call('SET', KEYS[3], ARGV[4] .. '|' .. string.format('%07d', seq), 'NX', 'EX', ARGV[3]) end
redis.call('PUBLISH', ARGV[2], '1')
return {'ok', tostring(seq), string.format('%.0f', first)}
`;

/** Deletes the activities (KEYS[2]) and zeroes the bytes count of the info hash (KEYS[1]) if it exists. */
const CLEAR_SCRIPT = `
redis.call('DEL', KEYS[2])
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'bytes', 0) end
return 1
`;

/** A slot's value starts with the activity's time, epoch ms in 13 decimal digits. */
const STAMP_LENGTH = 13;

/** The id of the activity at `seq` in conversation `id`. */
const activityId = (id: string, seq: number) => `${id}|${String(seq).padStart(7, '0')}`;

/**
 * Direct Line conversations and their activities in Redis, so several bot instances serve one
 * conversation. Activities hold what the person typed: each is sealed with the data key, bound to
 * its conversation; its id (`<conversation>|<seq>`) comes from its slot. The watermark is the
 * number of activities appended; an append is one Lua script (numbering, storing, notifying), so a
 * reader on another instance never sees a number whose activity is not there yet. A publish tells
 * every instance to push new activities to its open WebSocket streams.
 */
export class ConversationStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyring: Keyring,
    private readonly prefix: string,
  ) {}

  private infoKey = (id: string) => `${this.prefix}:dl:conv:${id}`;
  private activitiesKey = (id: string) => `${this.prefix}:dl:acts:${id}`;
  // A hash of the client's id: any string a client picks makes a short, safe key name.
  private replayKey = (id: string, clientActivityId: string) =>
    `${this.prefix}:dl:seen:${id}:${createHash('sha256').update(clientActivityId).digest('hex').slice(0, 32)}`;
  /** The pub/sub channel announcing new activities of a conversation. */
  channel = (id: string) => `${this.prefix}:dl:events:${id}`;

  /** Creates a conversation. */
  async create(info: ConversationInfo): Promise<void> {
    await this.redis
      .multi()
      .hset(this.infoKey(info.id), { tunnel: info.tunnel ?? '', locale: info.locale ?? '', createdAt: info.createdAt })
      .expire(this.infoKey(info.id), CONVERSATION_TTL_SECONDS)
      .exec();
  }

  /** Records the client's language (given when the conversation starts, after the token). */
  async setLocale(id: string, locale: string): Promise<void> {
    await this.redis.hset(this.infoKey(id), 'locale', locale);
  }

  /** A conversation, or undefined when it does not exist (or expired). */
  async find(id: string): Promise<ConversationInfo | undefined> {
    const fields = await this.redis.hgetall(this.infoKey(id));
    if (!fields.createdAt) return undefined;
    return { id, tunnel: fields.tunnel || null, locale: fields.locale || null, createdAt: fields.createdAt };
  }

  /**
   * Appends activities, giving each its id (`<conversation>|<seq>`); returns them as stored.
   * Sequence numbers come from Redis, so concurrent instances never reuse one. The bot's messages
   * are appended without a cap; `{ capped: true }` (what a person posts) throws
   * {@link ConversationFullError} instead of passing {@link MAX_CONVERSATION_BYTES}.
   */
  async append(
    id: string,
    activities: readonly DirectLineActivity[],
    options: { readonly capped?: boolean } = {},
  ): Promise<DirectLineActivity[]> {
    if (activities.length === 0) return [];
    const outcome = await this.write(id, activities, undefined, options.capped === true);
    if (outcome.kind === 'full') throw new ConversationFullError();
    return outcome.kind === 'ok' ? outcome.stored : [];
  }

  /**
   * Appends one activity a client posted under its own id (`id` or `channelData.clientActivityID`),
   * unless that client id was already appended in this conversation: then nothing is stored and
   * the id assigned the first time is returned, so a re-sent message or tap counts once. Capped
   * like a person's {@link append}: throws {@link ConversationFullError}.
   */
  async appendOnce(id: string, activity: DirectLineActivity, clientActivityId: string): Promise<AppendOnceResult> {
    const outcome = await this.write(id, [activity], this.replayKey(id, clientActivityId), true);
    if (outcome.kind === 'full') throw new ConversationFullError();
    if (outcome.kind === 'replay') return { id: outcome.id, activity: undefined, replayed: true };
    const [stored] = outcome.stored;
    return { id: stored!.id!, activity: stored, replayed: false };
  }

  /** The id given to a client's activity posted earlier in this conversation, if any. */
  async replayOf(id: string, clientActivityId: string): Promise<string | undefined> {
    return (await this.redis.get(this.replayKey(id, clientActivityId))) ?? undefined;
  }

  private async write(
    id: string,
    activities: readonly DirectLineActivity[],
    replayKey: string | undefined,
    capped: boolean,
  ): Promise<{ kind: 'ok'; stored: DirectLineActivity[] } | { kind: 'replay'; id: string } | { kind: 'full' }> {
    const withConversation = activities.map((activity) => ({ ...activity, conversation: { id } }));
    // Sealed before the slot is known (the script picks it): bound to the conversation.
    const sealed = withConversation.map((activity) =>
      sealJson(this.keyring, activity, sealingContext.directLineActivities(this.activitiesKey(id))),
    );
    const keys = [this.infoKey(id), this.activitiesKey(id), ...(replayKey ? [replayKey] : [])];
    const [verdict, detail, time] = (await this.redis.eval(
      APPEND_SCRIPT,
      keys.length,
      ...keys,
      CONVERSATION_TTL_SECONDS,
      this.channel(id),
      REPLAY_TTL_SECONDS,
      id,
      capped ? MAX_CONVERSATION_BYTES : 0,
      ...sealed,
    )) as [string, string?, string?];
    if (verdict === 'full') return { kind: 'full' };
    if (verdict === 'replay') return { kind: 'replay', id: detail! };
    const first = Number(detail);
    const firstMs = Number(time);
    return {
      kind: 'ok',
      stored: withConversation.map((activity, i) => ({
        ...activity,
        id: activityId(id, first + i),
        timestamp: new Date(firstMs + i).toISOString(),
      })),
    };
  }

  /** Opens the activity stored at `seq`: its time (13 digits) then its envelope. */
  private open(id: string, seq: number, value: Buffer): DirectLineActivity {
    const timestamp = new Date(Number(value.toString('latin1', 0, STAMP_LENGTH))).toISOString();
    const activity = openJson(
      this.keyring,
      value.subarray(STAMP_LENGTH),
      sealingContext.directLineActivities(this.activitiesKey(id)),
    ) as DirectLineActivity;
    return { ...activity, id: activityId(id, seq), timestamp };
  }

  /**
   * Deletes every activity of a conversation (what the person and the bot said), keeping the
   * conversation itself and its sequence number, so clients' watermarks stay valid and what is
   * appended next is all a client reading from the start will get. The conversation holds no
   * bytes afterwards (see {@link MAX_CONVERSATION_BYTES}).
   */
  async clear(id: string): Promise<void> {
    // The count is reset only on a conversation that still exists: never a key left without a TTL.
    await this.redis.eval(CLEAR_SCRIPT, 2, this.infoKey(id), this.activitiesKey(id));
  }

  /** Activities from `watermark` on (all when undefined), and the new watermark. */
  async since(
    id: string,
    watermark: number | undefined,
  ): Promise<{ activities: DirectLineActivity[]; watermark: number }> {
    const count = Number((await this.redis.hget(this.infoKey(id), 'seq')) ?? 0);
    const from = Math.max(0, Math.min(watermark ?? 0, count));
    if (from >= count) return { activities: [], watermark: count };
    const fields = Array.from({ length: count - from }, (_, i) => String(from + i));
    const sealed = await this.redis.hmgetBuffer(this.activitiesKey(id), ...fields);
    const activities: DirectLineActivity[] = [];
    sealed.forEach((value, i) => {
      if (value) activities.push(this.open(id, from + i, value));
    });
    return { activities, watermark: count };
  }
}
