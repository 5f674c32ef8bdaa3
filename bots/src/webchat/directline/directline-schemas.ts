import { z } from 'zod';
import { tunnelSlug } from '@relais/core';

/** Longest text a person may send in one message (a long description fits). */
export const MAX_TEXT_LENGTH = 20_000;

/** Body of `POST /v3/directline/tokens/generate` (all optional). */
export const tokenRequest = z
  .object({
    user: z.object({ id: z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/).optional() }).optional(),
    /** Relais extension: the partner tunnel the web chat was opened from. */
    tunnel: tunnelSlug.optional(),
  })
  .optional();

/** An activity a client posts: a message or an event, nothing that claims to be the bot. */
export const postedActivity = z.object({
  type: z.enum(['message', 'event', 'typing', 'conversationUpdate']),
  from: z.object({ id: z.string().min(1).max(80), name: z.string().max(80).optional(), role: z.literal('user').optional() }),
  text: z.string().max(MAX_TEXT_LENGTH).optional(),
  textFormat: z.string().max(20).optional(),
  locale: z.string().max(20).optional(),
  name: z.string().max(80).optional(),
  value: z.unknown().optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
});

/** A `watermark` query parameter. */
export const watermarkQuery = z.object({ watermark: z.coerce.number().int().min(0).max(1_000_000).optional() });
