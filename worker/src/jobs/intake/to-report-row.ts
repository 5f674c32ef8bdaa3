import { seal, sealJson, sealingContext, type Keyring, type ReportSubmission } from '@relais/core';
import type { NewReportRow, StoredPiiFinding } from '@relais/db';
import { communeLabel, type PostalPlace } from './postal-communes.js';
import { departementOf } from './postal-geography.js';
import { reportCategories } from './report-categories.js';
import { reportPriority } from './report-priority.js';

/** Tags computed at intake, beside what the person answered. */
export interface IntakeTags {
  /** The tunnel, kept only when a partner scope knows it. */
  readonly tunnel: string | null;
  readonly piiFindings: readonly StoredPiiFinding[];
  /** Communes and département of the postal code, when the shipped data knows it. */
  readonly place?: PostalPlace | undefined;
  /** An earlier near-identical report of the same reporter. */
  readonly duplicateOf?: string | null;
  readonly now: Date;
}

/**
 * The row stored for a submission: original text and contact details sealed with the data key,
 * answers in clear, tags computed. Status `received`.
 */
export function toReportRow(submission: ReportSubmission, keyring: Keyring, tags: IntakeTags): NewReportRow {
  const location = submission.location;
  const postalCode = location.kind === 'fr' ? location.postalCode : null;
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
    postal_code: postalCode,
    commune: tags.place ? communeLabel(tags.place) : null,
    departement: tags.place?.departement ?? (postalCode ? (departementOf(postalCode) ?? null) : null),
    place_type: submission.placeType,
    complaint: submission.complaint,
    in_danger: submission.inDanger,
    minor_involved: submission.minorInvolved,
    priority: reportPriority(submission, tags.now),
    categories: reportCategories(submission),
    description_enc: submission.description ? seal(keyring, submission.description, sealingContext.reportDescription(submission.id)) : null,
    contact_method: submission.contact?.method ?? null,
    contact_enc: submission.contact ? sealJson(keyring, submission.contact, sealingContext.reportContact(submission.id)) : null,
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
  };
}
