import { z } from 'zod';
import { ISO_WEEK_PATTERN, postalCode, tunnelSlug } from '@relais/core';
import { formBody } from '../http/form-fields.js';

/** A comma- or space-separated list from a form field, or a JSON array. */
const list = (item: z.ZodType<string, string>) =>
  z
    .union([z.array(z.string()), z.string().transform((s) => s.split(/[\s,;]+/))])
    .transform((xs) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(item).max(500));

/** A partner as an admin creates or edits it: postal codes and tunnels are two rules (either matches). */
export const partnerBody = formBody({
  slug: tunnelSlug,
  name: z.string().trim().min(2).max(200),
  postalCodes: list(postalCode).default([]),
  tunnels: list(tunnelSlug).default([]),
  digestEmails: list(z.email()).default([]),
});

/** Scope change of an existing partner. */
export const scopeBody = partnerBody.pick({
  _csrf: true,
  _return: true,
  postalCodes: true,
  tunnels: true,
  digestEmails: true,
});

/** A new account. */
export const accountBody = formBody({
  email: z.email().max(254),
  displayName: z.string().trim().min(2).max(120),
  role: z.enum(['moderator', 'admin', 'partner']),
  partnerId: z
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

/** A new safe place. */
export const safePlaceBody = formBody({
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
    action: z
      .string()
      .regex(/^[a-z_.]{1,60}$/)
      .optional(),
    targetId: z.string().max(64).optional(),
    partnerId: z.uuid().optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

/** Parsed audit log filters. */
export type AuditQuery = z.infer<typeof auditQuery>;

/** Scope rules of a partner from the two lists. */
export function scopeOf(postalCodes: string[], tunnels: string[]) {
  return [
    ...(postalCodes.length ? [{ tunnels: [], postalCodes }] : []),
    ...(tunnels.length ? [{ tunnels, postalCodes: [] }] : []),
  ];
}

/** An admin's request for one partner's digest of one ISO week. */
export const digestRequestBody = formBody({ isoWeek: z.string().regex(ISO_WEEK_PATTERN, 'validation.isoWeek') });

/** A stored row (partner, safe place, audit event) as the admin API returns it: every column, as stored. */
export const storedRow = z.looseObject({ id: z.string() });

/** A list of stored rows. */
export const rowsAnswer = z.object({ items: z.array(storedRow) });

/** An account as the admin API lists it: never its password hash or TOTP secret. */
export const accountAnswer = z.object({
  id: z.string(),
  email: z.string(),
  display_name: z.string(),
  role: z.enum(['moderator', 'admin', 'partner']),
  partner_id: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  created_at: z.date(),
  password_changed_at: z.date(),
  last_login_at: z.date().nullable(),
});

/** A created account's one-time secrets (shown once, to the admin who created it). */
export const createdAccountAnswer = z.object({
  accountId: z.string(),
  initialPassword: z.string(),
  totpSecret: z.string().nullable(),
  otpauthUri: z.string().nullable(),
});
