import { keyedHash, open, openJson, type Keyring, sealingContext } from '@relais/core';
import { type PiiDismissal, type StaffReportRow } from '@relais/db';
import { detectPii, isHighConfidence, type PiiFinding } from '../pii/pii.js';

/** The original description of a report, opened (staff only; empty when there is none or it was purged). */
export function originalText(keyring: Keyring, row: Pick<StaffReportRow, 'id' | 'description_enc'>): string {
  return row.description_enc
    ? open(keyring, row.description_enc, sealingContext.reportDescription(row.id)).toString('utf8')
    : '';
}

/** The reporter's contact request, opened (staff only, each reveal audited by the caller). */
export function contactDetails(keyring: Keyring, row: Pick<StaffReportRow, 'id' | 'contact_enc'>): unknown {
  return row.contact_enc ? openJson(keyring, row.contact_enc, sealingContext.reportContact(row.id)) : null;
}

/** The text being anonymised: the saved draft, or the original until a draft exists. */
export function draftText(keyring: Keyring, row: StaffReportRow): string {
  return row.anonymised_text ?? originalText(keyring, row);
}

/** Keyed hash identifying a dismissed finding by kind and text, without storing the text. */
export function dismissalHash(keyring: Keyring, finding: Pick<PiiFinding, 'kind' | 'text'>): string {
  return keyedHash(keyring, `pii-dismissal:${finding.kind}:${finding.text.normalize('NFC').toLowerCase()}`);
}

/** An automatic suggestion on the draft: a finding, whether it blocks release, its dismissal. */
export interface Suggestion extends PiiFinding {
  readonly high: boolean;
  readonly dismissed: boolean;
}

/** The automatic PII suggestions on a text, with those a moderator dismissed marked. */
export function suggestionsFor(keyring: Keyring, text: string, dismissals: readonly PiiDismissal[]): Suggestion[] {
  const dismissed = new Set(dismissals.map((d) => `${d.kind}:${d.hash}`));
  return detectPii(text).map((f) => ({
    ...f,
    high: isHighConfidence(f),
    dismissed: dismissed.has(`${f.kind}:${dismissalHash(keyring, f)}`),
  }));
}

/** The findings that block a release: high-confidence and not dismissed. */
export function blockingFindings(suggestions: readonly Suggestion[]): Suggestion[] {
  return suggestions.filter((s) => s.high && !s.dismissed);
}
