import type { AccountTable } from './account.table.js';
import type { AuditEventTable } from './audit-event.table.js';
import type { DigestTable } from './digest.table.js';
import type { FlagTable } from './flag.table.js';
import type { MessageTable } from './message.table.js';
import type { PartnerScopeRuleTable, PartnerTable } from './partner.table.js';
import type { ReportTable } from './report.table.js';
import type { SafePlaceTable } from './safe-place.table.js';

/** The kysely schema of the Relais database. */
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
}
