import { seal, sealJson, type ContactRequest, type Keyring, sealingContext } from '@relais/core';
import { type NewReportRow } from '@relais/db';
import { reportRow } from './report-rows.ts';

/** A stored report whose description (and contact, when given) are sealed as the worker seals them. */
export function sealedReportRow(
  keyring: Keyring,
  description: string,
  overrides: Partial<NewReportRow> = {},
  contact?: ContactRequest,
): NewReportRow {
  const row = reportRow(overrides);
  return {
    ...row,
    description_enc: seal(keyring, description, sealingContext.reportDescription(row.id)),
    contact_method: contact?.method ?? null,
    contact_enc: contact ? sealJson(keyring, contact, sealingContext.reportContact(row.id)) : null,
  };
}
