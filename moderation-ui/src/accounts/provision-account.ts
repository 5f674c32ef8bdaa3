import { randomBytes, randomUUID } from 'node:crypto';
import { sealJson, type Keyring, sealingContext } from '@relais/core';
import { createAccount, type AccountRole, type AccountRow, type Executor } from '@relais/db';
import { hashPassword } from '../auth/password.js';
import { newTotpSecret, otpauthUri } from '../auth/totp.js';

/** A new account with its one-time secrets: show them once, they are never stored in clear. */
export interface ProvisionedAccount {
  readonly account: AccountRow;
  readonly initialPassword: string;
  readonly totpSecret: string;
  readonly otpauthUri: string;
}

/** What {@link provisionAccount} needs. */
export interface AccountRequest {
  readonly email: string;
  readonly displayName: string;
  readonly role: AccountRole;
  readonly partnerId: string | null;
  /** Default: a random 20-character password. */
  readonly password?: string;
  /** Default: a new secret. */
  readonly totpSecret?: string;
}

/**
 * Creates an account with an argon2id-hashed initial password and a TOTP secret sealed with the
 * data key (every account is enrolled; staff cannot sign in without it).
 */
export async function provisionAccount(
  db: Executor,
  keyring: Keyring,
  request: AccountRequest,
): Promise<ProvisionedAccount> {
  const initialPassword = request.password ?? randomBytes(15).toString('base64url');
  const totpSecret = request.totpSecret ?? newTotpSecret();
  const id = randomUUID();
  const account = await createAccount(db, {
    id,
    email: request.email,
    displayName: request.displayName,
    role: request.role,
    partnerId: request.partnerId,
    passwordHash: await hashPassword(initialPassword),
    totpSecretEnc: sealJson(keyring, totpSecret, sealingContext.totpSecret(id)),
  });
  return { account, initialPassword, totpSecret, otpauthUri: otpauthUri(totpSecret, account.email) };
}
