import { z } from 'zod';
import type { PartnerReport } from '@relais/db';

/** A report as a partner client receives it: the response schema of {@link partnerReportJson}. */
export const partnerReportAnswer = z.object({
  id: z.string(),
  reference: z.string(),
  tunnel: z.string().nullable(),
  reporterRole: z.string().nullable(),
  actTypes: z.array(z.string()),
  motives: z.array(z.string()),
  occurredPrecision: z.string().nullable(),
  occurredOn: z.string().nullable(),
  locationKind: z.string(),
  postalCode: z.string().nullable(),
  commune: z.string().nullable(),
  departement: z.string().nullable(),
  placeType: z.string().nullable(),
  complaint: z.string().nullable(),
  categories: z.array(z.string()),
  anonymisedText: z.string().nullable(),
  releasedAt: z.string().nullable(),
});

/** What a partner client receives for a report: anonymised fields only (never original text, contact, PII findings or staff notes). */
export function partnerReportJson(r: PartnerReport) {
  return {
    id: r.id,
    reference: r.reference,
    tunnel: r.tunnel,
    reporterRole: r.reporter_role,
    actTypes: r.act_types,
    motives: r.motives,
    occurredPrecision: r.occurred_precision,
    occurredOn: r.occurred_on,
    locationKind: r.location_kind,
    postalCode: r.postal_code,
    commune: r.commune,
    departement: r.departement,
    placeType: r.place_type,
    complaint: r.complaint,
    categories: r.categories,
    anonymisedText: r.anonymised_text,
    releasedAt: r.released_at?.toISOString() ?? null,
  };
}
