import type { Generated } from 'kysely';

/** `flags`: a partner's signal that a released report still identifies someone. */
export interface FlagTable {
  id: Generated<string>;
  report_id: string;
  partner_id: string;
  account_id: string | null;
  comment: string;
  created_at: Generated<Date>;
  resolved_at: Date | null;
  resolved_by: string | null;
}
