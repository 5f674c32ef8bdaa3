import type { Queue } from 'bullmq';
import { dangerReason, type Keyring } from '@relais/core';
import type { RelaisDb } from '@relais/db';
import { z } from 'zod';

/** What staff plugins need. */
export interface StaffDeps {
  readonly db: RelaisDb;
  readonly keyring: Keyring;
  /** The `outbound` queue (moderator replies to reporters). */
  readonly outbound: Queue;
}

/** `:id` of report routes: a UUID (anything else is a 404). */
export const reportIdParams = z.object({ id: z.uuid() });

/** The version a change is based on (optimistic locking). */
export const versionField = z.coerce.number().int().min(1);

/** How long a claim lasts (then another moderator may take the report over). */
export const CLAIM_MINUTES = 30;

/** The answer to a moderation change: the report's new version. */
export const versionAnswer = z.object({ version: z.number() });

/** The answer to a release or a rejection: the new version and status. */
export const closedAnswer = z.object({ version: z.number(), status: z.enum(['done', 'rejected']) });

const finding = { kind: z.string(), start: z.number(), end: z.number() };

/** A report as staff clients receive it (`staffReportJson`). */
export const staffReportAnswer = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.string(),
  version: z.number(),
  channel: z.string(),
  tunnel: z.string().nullable(),
  lang: z.string(),
  postalCode: z.string().nullable(),
  actTypes: z.array(z.string()),
  motives: z.array(z.string()),
  placeType: z.string().nullable(),
  priority: z.number(),
  tags: z.array(z.string()),
  inDanger: z.boolean(),
  /** Why it was marked in danger (codes of core `dangerReason`), null when not or on older reports. */
  dangerReason: dangerReason.nullable(),
  minorInvolved: z.boolean().nullable(),
  claimedBy: z.string().nullable(),
  claimedByName: z.string().nullable(),
  claimedUntil: z.string().nullable(),
  flagged: z.boolean(),
  rejectReason: z.string().nullable(),
  contactRequested: z.string().nullable(),
  original: z.string(),
  originalFindings: z.array(z.object({ ...finding, confidence: z.number() })),
  anonymisedText: z.string().nullable(),
  draft: z.string(),
  suggestions: z.array(
    z.object({
      ...finding,
      text: z.string(),
      confidence: z.number(),
      high: z.boolean(),
      dismissed: z.boolean(),
      automatic: z.boolean(),
    }),
  ),
  staffNotes: z.string().nullable(),
  flags: z.array(
    z.object({
      id: z.string(),
      partnerName: z.string(),
      comment: z.string(),
      createdAt: z.date(),
      resolvedAt: z.date().nullable(),
    }),
  ),
  messages: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(['to_reporter', 'from_reporter']),
      status: z.string(),
      body: z.string(),
      createdAt: z.date(),
      urgent: z.boolean(),
    }),
  ),
});

/** One line of the staff queue (no text, no encrypted content). */
export const queueItemAnswer = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.string(),
  channel: z.string(),
  tunnel: z.string().nullable(),
  postalCode: z.string().nullable(),
  actTypes: z.array(z.string()),
  priority: z.number(),
  receivedAt: z.date(),
  flagged: z.boolean(),
  inDanger: z.boolean(),
  claimedBy: z.string().nullable(),
  claimedByName: z.string().nullable(),
  claimedUntil: z.date().nullable(),
});
