import { seal, sealJson, sealingContext, type Keyring, type ReportSubmission, type ReportTags } from '@relais/core';
import type { NewReportRow } from './report.table.js';

/** What intake adds to a report's tags before it is stored. */
export interface StoredReportTags extends ReportTags {
  /** The tunnel, kept only when a partner scope knows it. */
  readonly tunnel: string | null;
  /** An earlier near-identical report of the same reporter (`insertReports` links it otherwise). */
  readonly duplicateOf?: string | null;
}

/**
 * The `reports` row of a new report: its opened content (`submission`) with its free text and
 * contact details sealed with the data key, answers in clear, and its tags (core's `reportTags`
 * plus the tunnel). Status `received`. No I/O: `insertReports` stores it.
 */
export function toReportRow(submission: ReportSubmission, tags: StoredReportTags, keyring: Keyring): NewReportRow {
  const location = submission.location;
  const occurred = submission.occurred;
  return {
    id: submission.id,
    reference: submission.reference,
    status: 'received',
    channel: submission.channel,
    tunnel: tags.tunnel,
    lang: submission.lang,
    reporter_role: submission.reporterRole,
    act_types: [...submission.actTypes],
    motives: [...submission.motives],
    occurred_precision: occurred?.precision ?? null,
    occurred_on: occurred ? (occurred.precision === 'day' ? occurred.date : `${occurred.month}-01`) : null,
    location_kind: location.kind,
    postal_code: location.kind === 'fr' ? location.postalCode : null,
    commune: tags.commune,
    departement: tags.departement,
    place_type: submission.placeType,
    complaint: submission.complaint,
    in_danger: submission.inDanger,
    // The reason only goes with the flag, so a malformed pair never reaches the table's check.
    danger_at: submission.inDanger ? (submission.dangerReason?.at ?? null) : null,
    danger_via: submission.inDanger ? (submission.dangerReason?.via ?? null) : null,
    minor_involved: submission.minorInvolved,
    priority: tags.priority,
    categories: [...tags.categories],
    description_enc: submission.description
      ? seal(keyring, submission.description, sealingContext.reportDescription(submission.id))
      : null,
    contact_method: submission.contact?.method ?? null,
    contact_enc: submission.contact
      ? sealJson(keyring, submission.contact, sealingContext.reportContact(submission.id))
      : null,
    reporter_key: submission.reporterKey,
    pii_findings: JSON.stringify(tags.piiFindings),
    anonymised_text: null,
    duplicate_of: tags.duplicateOf ?? null,
    staff_notes: null,
    submitted_at: submission.submittedAt,
    claimed_by: null,
    claimed_until: null,
    released_at: null,
    rejected_at: null,
    reject_reason: null,
    erased_at: null,
    purged_at: null,
    text_fingerprint: tags.textFingerprint,
  };
}
