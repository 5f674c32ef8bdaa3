import type { PartnerReport } from '@relais/db';

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
