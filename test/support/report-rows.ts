import { randomUUID } from 'node:crypto';
import { newReference } from '@relais/core';
import type { NewReportRow } from '@relais/db';

/** A minimal stored report for database tests; override what the test is about. */
export function reportRow(overrides: Partial<NewReportRow> = {}): NewReportRow {
  return {
    id: randomUUID(),
    reference: newReference(),
    channel: 'telegram',
    tunnel: null,
    lang: 'fr',
    reporter_role: 'victim',
    act_types: ['insult'],
    motives: ['unknown'],
    occurred_precision: null,
    occurred_on: null,
    location_kind: 'fr',
    postal_code: '34000',
    commune: null,
    departement: '34',
    place_type: 'street',
    complaint: 'no',
    in_danger: false,
    minor_involved: false,
    description_enc: Buffer.from('sealed'),
    contact_method: null,
    contact_enc: null,
    reporter_key: null,
    anonymised_text: null,
    duplicate_of: null,
    staff_notes: null,
    submitted_at: new Date(),
    claimed_by: null,
    claimed_until: null,
    released_at: null,
    rejected_at: null,
    reject_reason: null,
    erased_at: null,
    purged_at: null,
    ...overrides,
  };
}
