import type { Queue } from 'bullmq';
import type { Keyring } from '@relais/core';
import type { RelaisDb } from '@relais/db';
import { z } from 'zod';

/** What staff routes need. */
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
