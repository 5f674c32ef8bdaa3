import { z } from 'zod';
import { PARTNER_FIELDS, type PartnerFieldKind, type PartnerFieldKey } from '@relais/core';
import type { PartnerReport } from '@relais/db';

const KIND_SCHEMAS = {
  id: z.string(),
  code: z.string().nullable(),
  codes: z.array(z.string()),
  month: z.string().nullable(),
  instant: z.string().nullable(),
  text: z.string().nullable(),
} as const satisfies Record<PartnerFieldKind, z.ZodType>;

type KindSchema<K extends PartnerFieldKind> = (typeof KIND_SCHEMAS)[K];
type Field = (typeof PARTNER_FIELDS)[number];

/**
 * A report as a partner client receives it: one key per field of core's `PARTNER_FIELDS`, nothing
 * else (the response schema of {@link partnerReportJson}; Fastify drops any other key).
 */
export const partnerReportAnswer = z.object(
  Object.fromEntries(PARTNER_FIELDS.map((f) => [f.key, KIND_SCHEMAS[f.kind]])) as {
    [F in Field as F['key']]: KindSchema<F['kind']>;
  },
);

/** A partner report's JSON body. */
export type PartnerReportAnswer = z.infer<typeof partnerReportAnswer>;

/**
 * What a partner client receives for a report: the fields of `PARTNER_FIELDS` only (never original
 * text, contact, PII findings, staff notes, the day of the facts or the follow-up reference);
 * instants as ISO strings, the month of the facts as `YYYY-MM`.
 */
export function partnerReportJson(r: PartnerReport): PartnerReportAnswer {
  const out: Partial<Record<PartnerFieldKey, unknown>> = {};
  for (const f of PARTNER_FIELDS) {
    const value: unknown = r[f.column];
    out[f.key] = value instanceof Date ? value.toISOString() : value;
  }
  return out as PartnerReportAnswer;
}
