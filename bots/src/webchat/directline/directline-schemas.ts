import { z } from 'zod';
import { tunnelSlug } from '@relais/core';

/** Longest text a person may send in one message (a long description fits). */
const MAX_TEXT_LENGTH = 20_000;

/** A language tag as clients send it (`fr`, `en-GB`, `fr-FR`). */
const localeTag = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/)
  .max(35);

/** Body of `POST /v3/directline/tokens/generate` (all optional). */
export const tokenRequest = z
  .object({
    user: z
      .object({
        id: z
          .string()
          .regex(/^[A-Za-z0-9_:-]{1,64}$/)
          .optional(),
      })
      .optional(),
    /** Relais extension: the partner tunnel the web chat was opened from. */
    tunnel: tunnelSlug.optional(),
    /** Relais extension: the page's language, in which the conversation starts. */
    locale: localeTag.optional(),
  })
  .optional();

/** Body of `POST /v3/directline/conversations` (optional; official clients send none). */
export const conversationRequest = z
  .object({
    /** Relais extension: the page's language, in which the conversation starts. */
    locale: localeTag.optional(),
  })
  .optional();

/** A client's own id for an activity it may send again (a retry): at most 100 characters. */
export const clientActivityId = z.string().min(1).max(100);

/** An activity a client posts: a message or an event, nothing that claims to be the bot. */
export const postedActivity = z.object({
  type: z.enum(['message', 'event', 'typing', 'conversationUpdate']),
  /** The id the client chose, if any (it is replaced by the one the endpoint assigns). */
  id: clientActivityId.optional(),
  from: z.object({
    id: z.string().min(1).max(80),
    name: z.string().max(80).optional(),
    role: z.literal('user').optional(),
  }),
  text: z.string().max(MAX_TEXT_LENGTH).optional(),
  textFormat: z.string().max(20).optional(),
  locale: z.string().max(20).optional(),
  name: z.string().max(80).optional(),
  value: z.unknown().optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
});

/** A posted activity, as validated. */
export type PostedActivity = z.infer<typeof postedActivity>;

/** A `watermark` query parameter. */
export const watermarkQuery = z.object({ watermark: z.coerce.number().int().min(0).max(1_000_000).optional() });
