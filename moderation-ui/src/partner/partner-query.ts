import { z } from 'zod';
import { ACT_TYPES, MOTIVES, PLACE_TYPES, codesOf, postalCode } from '@relais/core';

/**
 * Filters a partner may use, strictly validated: taxonomy codes, a postal code, a `YYYY-MM` month.
 * Unknown parameters are refused, so nothing else ever reaches a query.
 */
export const partnerQuery = z
  .object({
    actType: z.enum(codesOf(ACT_TYPES)).optional(),
    motive: z.enum(codesOf(MOTIVES)).optional(),
    placeType: z.enum(codesOf(PLACE_TYPES)).optional(),
    postalCode: postalCode.optional(),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.month')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

/** Parsed partner filters. */
export type PartnerQuery = z.infer<typeof partnerQuery>;
