/** The dimensions a digest breaks reports down by. */
export const DIGEST_DIMENSIONS = ['actType', 'motive', 'placeType', 'reporterRole', 'complaint', 'postalCode'] as const;

/** A dimension of {@link DIGEST_DIMENSIONS}. */
export type DigestDimension = (typeof DIGEST_DIMENSIONS)[number];

/** Counts of released reports over a period: the total and, per dimension, per value. */
export interface Breakdowns {
  readonly total: number;
  readonly by: Readonly<Record<DigestDimension, Readonly<Record<string, number>>>>;
}

/**
 * One released report as the UI digest page lists it (anonymised fields only). Never stored in a
 * digest: the page reads the week's reports live, under the partner's row-level security, so a
 * report flagged or erased since leaves every digest at once.
 */
export interface DigestReport {
  /** The report's partner identifier, never the reporter's follow-up reference. */
  readonly partnerRef: string;
  readonly releasedAt: string;
  readonly postalCode: string | null;
  readonly categories: readonly string[];
  readonly anonymisedText: string | null;
}

/**
 * The content of one weekly digest of one partner, as stored and shown in the UI: aggregates
 * only, no report and no text (version 2; version 1 also stored the week's reports). What leaves
 * the UI (e-mail, CSV) is derived from it with small counts suppressed.
 */
export interface DigestContent {
  readonly v: 2;
  readonly isoWeek: string;
  /** Monday and Sunday of the week (calendar dates, Paris). */
  readonly period: { readonly from: string; readonly to: string };
  readonly partner: { readonly id: string; readonly name: string };
  /** Reports released during the week. */
  readonly week: Breakdowns;
  /** Reports released during the 12 weeks before. */
  readonly previous12Weeks: Breakdowns;
  /** Released reports per week, oldest first, ending with this week (13 entries). */
  readonly trend: readonly { readonly isoWeek: string; readonly total: number }[];
}
