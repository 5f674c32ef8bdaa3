import { z } from 'zod';

/**
 * When a report was marked "in danger": the question being asked (`role`, `acts`… as the flow's
 * question groups), `story` (the description), `idle` (before the report started) or `submitted`
 * (after the receipt of an earlier report, in the same conversation). Never the person's words.
 */
export const DANGER_MOMENTS = [
  'idle',
  'welcome',
  'role',
  'minor',
  'acts',
  'motives',
  'when',
  'where',
  'place',
  'story',
  'author',
  'online_reach',
  'complaint',
  'contact',
  'summary',
  'submitted',
] as const;

/**
 * How the danger was heard: `words` (danger words in a typed message or a photo caption),
 * `command` (the typed `/urgence` command), `button` (an "Urgence" button).
 */
export const DANGER_VIAS = ['words', 'command', 'button'] as const;

/** A moment of {@link DANGER_MOMENTS}. */
export type DangerMoment = (typeof DANGER_MOMENTS)[number];
/** A way of {@link DANGER_VIAS}. */
export type DangerVia = (typeof DANGER_VIAS)[number];

/**
 * Why a report was marked in danger, as two codes (staff only; partners never receive it). The
 * first time counts: later calls for help in the same report do not replace it.
 */
export const dangerReason = z.object({
  at: z.enum(DANGER_MOMENTS),
  via: z.enum(DANGER_VIAS),
});

/** Why a report was marked in danger (see {@link dangerReason}). */
export type DangerReason = z.infer<typeof dangerReason>;
