import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { DangerMoment, DangerVia, Lang, ReportStatus } from '@relais/core';

/** A stored PII finding: kind and offsets into the original text, never the text itself. */
export interface StoredPiiFinding {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

/** A PII finding a moderator dismissed: its kind and a keyed hash of its text, never the text. */
export interface PiiDismissal {
  readonly kind: string;
  readonly hash: string;
}

/**
 * `reports`: one row per report, with every column the migrations give it. The original free text
 * and the contact details are AES-256-GCM envelopes (`*_enc`, see core `seal`); the anonymised text
 * written by a moderator is in clear. Partners can only select the columns granted to
 * `relais_partner` (`PARTNER_REPORT_COLUMNS`: no `*_enc`, no staff fields).
 */
export interface ReportTable {
  id: string;
  reference: string;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  version: Generated<number>;
  channel: 'telegram' | 'webchat';
  tunnel: string | null;
  lang: Lang;
  reporter_role: string | null;
  act_types: string[];
  motives: string[];
  occurred_precision: 'day' | 'month' | null;
  occurred_on: ColumnType<string | null, string | null, string | null>;
  location_kind: 'fr' | 'online' | 'abroad';
  postal_code: string | null;
  commune: string | null;
  departement: string | null;
  place_type: string | null;
  complaint: string | null;
  in_danger: boolean;
  /** When the report was marked in danger (core `DANGER_MOMENTS`); null when not, or on older reports. Staff only. */
  danger_at: DangerMoment | null;
  /** How the danger was heard (core `DANGER_VIAS`); null exactly when `danger_at` is. Staff only. */
  danger_via: DangerVia | null;
  minor_involved: boolean;
  priority: Generated<number>;
  categories: Generated<string[]>;
  description_enc: Buffer | null;
  contact_method: 'chat' | 'email' | 'phone' | null;
  contact_enc: Buffer | null;
  reporter_key: string | null;
  pii_findings: ColumnType<StoredPiiFinding[], string | undefined, string>;
  anonymised_text: string | null;
  duplicate_of: string | null;
  staff_notes: string | null;
  submitted_at: ColumnType<Date, string | Date, string | Date>;
  received_at: Generated<Date>;
  updated_at: Generated<Date>;
  claimed_by: string | null;
  claimed_until: Date | null;
  released_at: Date | null;
  rejected_at: Date | null;
  reject_reason: string | null;
  erased_at: Date | null;
  purged_at: Date | null;
  /** Keyed MinHash signature of the normalised original text (256 hex digits); null once purged or erased. */
  text_fingerprint: string | null;
  /** Staff tags. */
  tags: ColumnType<string[], string[] | undefined, string[]>;
  /** Set when a partner flags the released report (it is back in review); cleared on release or reject. */
  flagged_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** PII findings a moderator dismissed (keyed hashes, never the text), stored as JSON. */
  pii_dismissals: ColumnType<PiiDismissal[], string | undefined, string>;
  /** Generated: 0 for new and flagged reports, 1 otherwise (the staff queue's order). */
  queue_rank: ColumnType<number, never, never>;
  /** The only identifier partners get (`P-3F2A-9C1D-77E0`), drawn by the database; never the follow-up reference. */
  partner_ref: Generated<string>;
  /** Generated: `YYYY-MM` of `occurred_on` (null without a date), the only date of the facts partners get. */
  occurred_month: ColumnType<string | null, never, never>;
  /** Generated: `YYYY-MM` of `submitted_at` in Paris time (partner filters' fallback when the facts have no date). */
  submitted_month: ColumnType<string, never, never>;
}

/** A report row as selected. */
export type ReportRow = Selectable<ReportTable>;
/** A report row to insert. */
export type NewReportRow = Insertable<ReportTable>;
