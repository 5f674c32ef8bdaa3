import { open, type Keyring, sealingContext } from '@relais/core';
import {
  findStaffReport,
  listReportFlags,
  listReportMessages,
  type FlagView,
  type RelaisDb,
  type StaffReportRow,
} from '@relais/db';
import { notFound } from '../http/http-error.js';
import { detectPii, type PiiFinding } from '../pii/pii.js';
import { draftText, originalText, suggestionsFor, type Suggestion } from './report-text.js';

/** One message of a report's thread, opened (staff only). */
export interface ThreadMessage {
  readonly id: string;
  readonly direction: 'to_reporter' | 'from_reporter';
  readonly status: string;
  readonly body: string;
  readonly createdAt: Date;
  /** A reporter's answer that said they are in danger now (they were given the emergency guidance). */
  readonly urgent: boolean;
}

/** Everything the anonymisation screen shows (staff only). Contact details are not in it: reveal them. */
export interface StaffReportDetail {
  readonly row: StaffReportRow;
  readonly original: string;
  readonly originalFindings: PiiFinding[];
  readonly draft: string;
  readonly suggestions: Suggestion[];
  readonly flags: FlagView[];
  readonly messages: ThreadMessage[];
}

/** Loads a report for staff, 404 when unknown. */
export async function loadStaffReport(db: RelaisDb, keyring: Keyring, id: string): Promise<StaffReportDetail> {
  const row = await findStaffReport(db, id);
  if (!row) throw notFound();
  const original = originalText(keyring, row);
  const draft = draftText(keyring, row);
  const [flags, messages] = await Promise.all([listReportFlags(db, id), listReportMessages(db, id)]);
  return {
    row,
    original,
    originalFindings: detectPii(original),
    draft,
    suggestions: suggestionsFor(keyring, draft, row.pii_dismissals),
    flags,
    messages: messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      status: m.status,
      body: open(keyring, m.body_enc, sealingContext.messageBody(m.id)).toString('utf8'),
      createdAt: m.created_at,
      urgent: m.urgent,
    })),
  };
}

/** The JSON form of a report for staff clients. */
export function staffReportJson(d: StaffReportDetail) {
  const r = d.row;
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    version: r.version,
    channel: r.channel,
    tunnel: r.tunnel,
    lang: r.lang,
    postalCode: r.postal_code,
    actTypes: r.act_types,
    motives: r.motives,
    placeType: r.place_type,
    priority: r.priority,
    tags: r.tags,
    inDanger: r.in_danger,
    dangerReason: r.danger_at && r.danger_via ? { at: r.danger_at, via: r.danger_via } : null,
    minorInvolved: r.minor_involved,
    claimedBy: r.claimed_by,
    claimedByName: r.claimed_by_name,
    claimedUntil: r.claimed_until?.toISOString() ?? null,
    flagged: r.flagged_at !== null,
    rejectReason: r.reject_reason,
    contactRequested: r.contact_method,
    original: d.original,
    originalFindings: d.originalFindings.map(({ kind, start, end, confidence }) => ({ kind, start, end, confidence })),
    anonymisedText: r.anonymised_text,
    draft: d.draft,
    suggestions: d.suggestions.map(({ kind, start, end, text, confidence, high, dismissed }) => ({
      kind,
      start,
      end,
      text,
      confidence,
      high,
      dismissed,
      automatic: true,
    })),
    staffNotes: r.staff_notes,
    flags: d.flags,
    messages: d.messages,
  };
}
