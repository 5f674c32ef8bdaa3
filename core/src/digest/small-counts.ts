import type { PublishedCount } from './published-count.js';

/** Default threshold below which a count never leaves the UI (e-mail, CSV). */
export const DEFAULT_SMALL_COUNT_THRESHOLD = 5;

/** A breakdown as published: its cells and its total, each possibly suppressed. */
export interface PublishedBreakdown {
  readonly cells: Readonly<Record<string, PublishedCount>>;
  readonly total: PublishedCount;
}
