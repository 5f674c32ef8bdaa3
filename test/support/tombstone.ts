import { expect } from 'vitest';
import { findReport, findTextFingerprint, type Executor } from '@relais/db';

/**
 * Expects report `id` to be what an erasure leaves: a tombstone without text, contact, reporter
 * key, exact place, PII findings, duplicate link or fingerprint, keeping the non-identifying tags
 * in `kept` (the month of the facts, the département, the act types) so statistics stay right.
 */
export async function expectTombstone(db: Executor, id: string, kept: Record<string, unknown>): Promise<void> {
  const row = await findReport(db, id);
  expect(row).toMatchObject({
    status: 'erased',
    description_enc: null,
    contact_enc: null,
    contact_method: null,
    reporter_key: null,
    anonymised_text: null,
    staff_notes: null,
    postal_code: null,
    commune: null,
    pii_findings: [],
    duplicate_of: null,
    ...kept,
  });
  expect(row?.erased_at).not.toBeNull();
  expect(await findTextFingerprint(db, id)).toBeUndefined();
}
