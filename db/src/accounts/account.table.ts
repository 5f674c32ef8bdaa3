import type { Generated, Selectable } from 'kysely';

/** Role of an account: association staff (`moderator`, `admin`) or a partner's user. */
export type AccountRole = 'moderator' | 'admin' | 'partner';

/** `accounts`: staff and partner users. A partner account always belongs to one partner. */
export interface AccountTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: AccountRole;
  partner_id: string | null;
  password_hash: string;
  totp_secret_enc: Buffer | null;
  status: Generated<'active' | 'disabled'>;
  created_at: Generated<Date>;
  password_changed_at: Generated<Date>;
  last_login_at: Date | null;
}

/** An account row. */
export type AccountRow = Selectable<AccountTable>;
