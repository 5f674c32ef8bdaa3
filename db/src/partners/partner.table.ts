import type { Generated, Selectable } from 'kysely';

/** `partners`: a city, metropolitan area or public service that receives released reports of its scope. */
export interface PartnerTable {
  id: Generated<string>;
  slug: string;
  name: string;
  status: Generated<'active' | 'suspended'>;
  /** Where weekly digests are mailed. */
  digest_emails: Generated<string[]>;
  created_at: Generated<Date>;
}

/** `partner_scope_rules`: one rule of a partner scope (see core `ScopeRule`). */
export interface PartnerScopeRuleTable {
  id: Generated<string>;
  partner_id: string;
  tunnels: Generated<string[]>;
  postal_codes: Generated<string[]>;
}

/** A partner row. */
export type PartnerRow = Selectable<PartnerTable>;
