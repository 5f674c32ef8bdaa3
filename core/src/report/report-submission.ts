import { z } from 'zod';
import { ACT_TYPES, COMPLAINT_STATUSES, MOTIVES, PLACE_TYPES, REPORTER_ROLES, codesOf } from './taxonomy.js';
import { REFERENCE_PATTERN } from './reference.js';
import { langCode } from '../i18n/langs.js';
import { dangerReason } from './danger-reason.js';

/** A partner tunnel slug: opaque, 1 to 64 characters among `A-Za-z0-9_-`. */
export const tunnelSlug = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a tunnel is 1 to 64 characters among A-Z a-z 0-9 _ -');

/** A French postal code (metropolitan, Corsica 20xxx, overseas 97x/98x). */
export const postalCode = z.string().regex(/^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/, 'a French postal code is 5 digits');

/** Where the facts happened: a French postal code, online, or outside France. */
export const reportLocation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fr'), postalCode }),
  z.object({ kind: z.literal('online') }),
  z.object({ kind: z.literal('abroad') }),
]);

/** When the facts happened: a day, or a month when the person only knows approximately. */
export const reportOccurrence = z.discriminatedUnion('precision', [
  z.object({
    precision: z.literal('day'),
    date: z.iso.date(),
    /** The time of day when the person gave one (`22:00`, Europe/Paris), usually approximate ("vers 22 h"). */
    time: z
      .string()
      .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/)
      .optional(),
  }),
  z.object({ precision: z.literal('month'), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
]);

/** How the channel can reach the reporter again (sealed in transit, encrypted at rest). */
export const channelAddress = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('telegram'), chatId: z.number().int() }),
  z.object({ channel: z.literal('webchat'), inbox: z.string().min(16).max(128) }),
]);

/**
 * What a web report needs to be followed without an account: the slow, peppered hash of the
 * secret phrase shown once in the receipt (never the phrase itself). Stored by the worker.
 */
export const followUpCredential = z.object({
  secretHash: z.string().min(32).max(300),
});

/** How the reporter wishes to be re-contacted, if at all. */
export const contactRequest = z.discriminatedUnion('method', [
  z.object({ method: z.literal('chat'), address: channelAddress }),
  z.object({ method: z.literal('email'), value: z.email().max(254) }),
  z.object({ method: z.literal('phone'), value: z.string().regex(/^\+?[0-9 .()-]{6,25}$/) }),
]);

/**
 * A report as a bot submits it and the worker stores it: the contract between channels and the
 * intake queue. Versioned (`v: 1`); a later shape gets `v: 2` and both are accepted while queues drain.
 */
export const reportSubmission = z.object({
  v: z.literal(1),
  id: z.uuid(),
  reference: z.string().regex(REFERENCE_PATTERN),
  channel: z.enum(['telegram', 'webchat']),
  tunnel: tunnelSlug.nullable(),
  lang: langCode,
  submittedAt: z.iso.datetime({ offset: true }),
  reporterRole: z.enum(codesOf(REPORTER_ROLES)).nullable(),
  actTypes: z
    .array(z.enum(codesOf(ACT_TYPES)))
    .min(1)
    .max(ACT_TYPES.length),
  motives: z.array(z.enum(codesOf(MOTIVES))).max(MOTIVES.length),
  occurred: reportOccurrence.nullable(),
  location: reportLocation,
  placeType: z.enum(codesOf(PLACE_TYPES)).nullable(),
  description: z.string().max(20_000),
  complaint: z.enum(codesOf(COMPLAINT_STATUSES)).nullable(),
  contact: contactRequest.nullable(),
  /** Keyed hash of the channel identity: finds "my reports" without storing who the person is. */
  reporterKey: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  /** The person said they are still in danger. */
  inDanger: z.boolean(),
  /** Why `inDanger` (absent on older submissions and when not in danger): staff only. */
  dangerReason: dangerReason.optional(),
  /** The victim is a minor. */
  minorInvolved: z.boolean(),
  /** Web reports: the credential of the follow-up page (absent for Telegram, which has /suivi). */
  followUp: followUpCredential.optional(),
});

/** A report submission (see {@link reportSubmission}). */
export type ReportSubmission = z.infer<typeof reportSubmission>;
/** Where the facts happened. */
export type ReportLocation = z.infer<typeof reportLocation>;
/** When the facts happened. */
export type ReportOccurrence = z.infer<typeof reportOccurrence>;
/** How to reach a reporter again. */
export type ContactRequest = z.infer<typeof contactRequest>;
/** The follow-up credential of a web report. */
export type FollowUpCredential = z.infer<typeof followUpCredential>;
/** A channel-specific address of a reporter. */
export type ChannelAddress = z.infer<typeof channelAddress>;
