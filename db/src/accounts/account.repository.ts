import type { AccountRole, AccountRow } from './account.table.js';
import type { Executor } from '../database.js';

/** A new staff or partner account; the password is already hashed, the TOTP secret already sealed. */
export interface NewAccount {
  readonly id?: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: AccountRole;
  readonly partnerId: string | null;
  readonly passwordHash: string;
  readonly totpSecretEnc: Buffer | null;
}

/** Creates an account (email lower-cased). Throws on a duplicate email (unique constraint). */
export async function createAccount(db: Executor, account: NewAccount): Promise<AccountRow> {
  return db
    .insertInto('accounts')
    .values({
      ...(account.id ? { id: account.id } : {}),
      email: account.email.toLowerCase(),
      display_name: account.displayName,
      role: account.role,
      partner_id: account.partnerId,
      password_hash: account.passwordHash,
      totp_secret_enc: account.totpSecretEnc,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The account with this email (case-insensitive), or undefined. */
export async function findAccountByEmail(db: Executor, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

/** The account with this id, or undefined. */
export async function findAccount(db: Executor, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What each request re-checks about its account: still active, and its partner still active. */
export interface AccountAccess {
  readonly status: 'active' | 'disabled';
  readonly role: AccountRole;
  readonly partnerId: string | null;
  readonly partnerStatus: 'active' | 'suspended' | null;
  readonly displayName: string;
}

/** One indexed query per request: the account's status and its partner's (for suspensions). */
export async function findAccountAccess(db: Executor, id: string): Promise<AccountAccess | undefined> {
  const row = await db
    .selectFrom('accounts as a')
    .leftJoin('partners as p', 'p.id', 'a.partner_id')
    .select(['a.status', 'a.role', 'a.partner_id', 'a.display_name', 'p.status as partner_status'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    status: row.status,
    role: row.role,
    partnerId: row.partner_id,
    partnerStatus: row.partner_status ?? null,
    displayName: row.display_name,
  };
}

/** Every account, staff first then by email; optionally one partner's. */
export async function listAccounts(db: Executor, partnerId?: string): Promise<AccountRow[]> {
  let query = db.selectFrom('accounts').selectAll();
  if (partnerId) query = query.where('partner_id', '=', partnerId);
  return query.orderBy('role').orderBy('email').execute();
}

/** Replaces an account's password hash and records when (sessions are revoked by the caller). */
export async function setAccountPassword(db: Executor, id: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ password_hash: passwordHash, password_changed_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Enables or disables an account; a disabled account is refused from its next request on. */
export async function setAccountStatus(db: Executor, id: string, status: 'active' | 'disabled'): Promise<boolean> {
  const result = await db.updateTable('accounts').set({ status }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records a successful login. */
export async function touchAccountLogin(db: Executor, id: string): Promise<void> {
  await db.updateTable('accounts').set({ last_login_at: new Date() }).where('id', '=', id).execute();
}
