/** What the load generator knows of one conversation it played. */
export interface ConversationRecord {
  readonly channel: 'telegram' | 'webchat';
  /** The reporter's keyed hash, as the report row stores it (how the run counts rows per conversation). */
  reporterKey: string;
  readonly startedAt: number;
  /** When the last message (the "Send" tap) was first sent, in ms since the epoch. */
  lastSentAt?: number;
  /** When the bots acknowledged it. */
  finishedAt?: number;
  /** The receipt reference the person was shown, when they were shown one. */
  reference?: string;
  /** When the moderation API first listed the report. */
  visibleAt?: number;
  /** Why the conversation could not be finished (it then counts as lost if nothing was stored). */
  error?: string;
}

/** A receipt reference in a text, as the bots write it. */
export const REFERENCE_IN_TEXT = /[ACDEFHJKMNPQRTUVWXY34679]{4}-[ACDEFHJKMNPQRTUVWXY34679]{4}/;
