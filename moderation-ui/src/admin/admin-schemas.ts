import { z } from 'zod';
import { ISO_WEEK_PATTERN, postalCode, tunnelSlug } from '@relais/core';

/** A comma- or space-separated list from a form field, or a JSON array. */
export const list = (item: z.ZodType<string, string>) =>
  z
    .union([z.array(z.string()), z.string().transform((s) => s.split(/[\s,;]+/))])
    .transform((xs) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(item).max(500));

/** A partner as an admin creates or edits it: postal codes and tunnels are two rules (either matches). */
export const partnerBody = z.object({
  slug: tunnelSlug,
  name: z.string().trim().min(2).max(200),
  postalCodes: list(postalCode).default([]),
  tunnels: list(tunnelSlug).default([]),
  digestEmails: list(z.email()).default([]),
});

/** Scope change of an existing partner. */
export const scopeBody = partnerBody.pick({ postalCodes: true, tunnels: true, digestEmails: true });

/** A new account. */
export const accountBody = z.object({
  email: z.email().max(254),
  displayName: z.string().trim().min(2).max(120),
  role: z.enum(['moderator', 'admin', 'partner']),
  partnerId: z.uuid().optional().or(z.literal('').transform(() => undefined)),
});

/** A new safe place. */
export const safePlaceBody = z.object({
  name: z.string().trim().min(2).max(200),
  address: z.string().trim().min(3).max(300),
  postalCode,
  commune: z.string().trim().min(2).max(120),
  phone: z.string().trim().max(30).optional(),
  hours: z.string().trim().max(200).optional(),
});

/** Audit log filters. */
export const auditQuery = z
  .object({
    actorId: z.uuid().optional(),
    action: z.string().regex(/^[a-z_.]{1,60}$/).optional(),
    targetId: z.string().max(64).optional(),
    partnerId: z.uuid().optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

/** Scope rules of a partner from the two lists. */
export function scopeOf(postalCodes: string[], tunnels: string[]) {
  return [...(postalCodes.length ? [{ tunnels: [], postalCodes }] : []), ...(tunnels.length ? [{ tunnels, postalCodes: [] }] : [])];
}

/** An admin's request for one partner's digest of one ISO week. */
export const digestRequestBody = z.object({ isoWeek: z.string().regex(ISO_WEEK_PATTERN, 'an ISO week such as 2026-W47') });
