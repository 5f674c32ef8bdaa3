import type { Kysely, Transaction } from 'kysely';
import type { AccountTable } from './accounts/account.table.js';
import type { AuditEventTable } from './audit/audit-event.table.js';
import type { DigestTable } from './digests/digest.table.js';
import type { ReporterErasureTable } from './erasures/reporter-erasure.table.js';
import type { FlagTable } from './flags/flag.table.js';
import type { FollowUpTable } from './follow-ups/follow-up.table.js';
import type { LanguageTable } from './languages/language.table.js';
import type { MessageTable } from './messages/message.table.js';
import type { PartnerScopeRuleTable, PartnerTable } from './partners/partner.table.js';
import type { ReportTable } from './reports/report.table.js';
import type { SafePlaceTable } from './safe-places/safe-place.table.js';

/**
 * The kysely schema of the Relais database: every table as the migrations leave it, one type per
 * table (each in its aggregate's `<x>.table.ts`).
 */
export interface Database {
  reports: ReportTable;
  partners: PartnerTable;
  partner_scope_rules: PartnerScopeRuleTable;
  accounts: AccountTable;
  audit_events: AuditEventTable;
  flags: FlagTable;
  messages: MessageTable;
  digests: DigestTable;
  safe_places: SafePlaceTable;
  report_follow_ups: FollowUpTable;
  reporter_erasures: ReporterErasureTable;
  languages: LanguageTable;
}

/** What repository functions take first: the database handle or a transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;
