import { z } from 'zod';
import type { DirectLineActivity } from './directline-activity.js';
import { clientActivityId, type PostedActivity } from './directline-schemas.js';

/**
 * Largest activity a client may have stored, in bytes of JSON once reduced to the fields kept
 * ({@link storedUserActivity}). A 20,000-character message fits even in a three-byte script; what
 * does not fit is a message made of escaped control characters, refused with 413.
 */
export const MAX_STORED_ACTIVITY_BYTES = 64 * 1024;

/** The value of a tap on one of our buttons (`{ choice: "role:victim" }`): nothing else is kept. */
const choiceValue = z.object({ choice: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/) });

/** Formats a client may announce for its text. */
const textFormat = z.enum(['plain', 'markdown', 'xml']);

/** A language tag, as the conversation reads it (`fr`, `en-GB`). */
const localeTag = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/);

/** An event name a client may send (`webchat/join`…): short, printable. */
const eventName = z.string().regex(/^[A-Za-z0-9_./:-]{1,80}$/);

/**
 * The activity stored for one a client posted, keeping only what the bot and the clients use:
 * type, the user (id and role only; the name a client gives is dropped), text, its format, the
 * locale, the value of a tap only when it is one of our choices, an event's name, and
 * `channelData.clientActivityID` (Web Chat matches its own message to the stored copy by it).
 * Everything else a client sends (any other `channelData`, any other `value`, attachments, a
 * `from.name`) is dropped, so a client cannot park arbitrary data in Redis.
 *
 * @param posted the validated body, without its client id
 * @param userId the user the token grants (never the one the body claims)
 * @param timestamp when it arrived (the store replaces it with Redis' clock)
 */
export function storedUserActivity(
  posted: Omit<PostedActivity, 'id'>,
  userId: string,
  timestamp: string,
): DirectLineActivity {
  const value = choiceValue.safeParse(posted.value);
  const format = textFormat.safeParse(posted.textFormat);
  const locale = localeTag.safeParse(posted.locale);
  const name = eventName.safeParse(posted.name);
  const clientId = clientActivityId.safeParse(posted.channelData?.clientActivityID);
  return {
    type: posted.type,
    from: { id: userId, role: 'user' },
    channelId: 'directline',
    timestamp,
    ...(posted.text !== undefined ? { text: posted.text } : {}),
    ...(format.success ? { textFormat: format.data } : {}),
    ...(locale.success ? { locale: locale.data } : {}),
    ...(value.success ? { value: { choice: value.data.choice } } : {}),
    ...(name.success && posted.type === 'event' ? { name: name.data } : {}),
    ...(clientId.success ? { channelData: { clientActivityID: clientId.data } } : {}),
  };
}

/** Bytes of JSON an activity takes (what is sealed and stored, before sealing). */
export const activityBytes = (activity: DirectLineActivity): number =>
  Buffer.byteLength(JSON.stringify(activity), 'utf8');
