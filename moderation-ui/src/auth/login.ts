import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { openJson, type Keyring } from '@relais/core';
import { findAccountByEmail, recordAudit, sealingContext, touchAccountLogin, type AccountRow, type RelaisDb } from '@relais/db';
import { HttpError } from '../http/http-error.js';
import type { LoginThrottle } from './login-throttle.js';
import { verifyPassword } from './password.js';
import { matchTotp } from './totp.js';

/** What a login form or API call sends. */
interface Credentials {
  readonly email: string;
  readonly password: string;
  readonly totp?: string | undefined;
}

/** Dependencies of {@link checkCredentials}. */
export interface LoginDeps {
  readonly db: RelaisDb;
  readonly redis: Redis;
  readonly prefix: string;
  readonly keyring: Keyring;
  readonly throttle: LoginThrottle;
}

/** Opens an account's TOTP secret (base32), sealed in `accounts.totp_secret_enc`. */
function openTotpSecret(keyring: Keyring, account: Pick<AccountRow, 'id' | 'totp_secret_enc'>): string | undefined {
  if (!account.totp_secret_enc) return undefined;
  return String(openJson(keyring, account.totp_secret_enc, sealingContext.totpSecret(account.id)));
}

/**
 * Checks e-mail, password and (for staff always, for partners when enrolled) a TOTP code that was
 * not used before. Rate-limited per account and per address; every outcome is audited. Returns the
 * account, or throws 401 `LOGIN_FAILED` / 429 `LOGIN_THROTTLED` without saying which part was wrong.
 */
export async function checkCredentials(deps: LoginDeps, request: FastifyRequest, credentials: Credentials): Promise<AccountRow> {
  const address = request.ip;
  const wait = await deps.throttle.retryAfter(credentials.email, address);
  if (wait > 0) {
    await recordAudit(deps.db, { actorId: null, actorRole: 'anonymous', action: 'auth.login.throttled', details: { ip: address } });
    throw new HttpError(429, 'LOGIN_THROTTLED', 'error.loginThrottled', { minutes: Math.ceil(wait / 60) }, { retryAfter: wait });
  }
  const account = await findAccountByEmail(deps.db, credentials.email);
  const passwordOk = await verifyPassword(account?.password_hash, credentials.password);
  let reason: string | undefined;
  if (!account || !passwordOk) reason = 'password';
  else if (account.status !== 'active') reason = 'disabled';
  else {
    const secret = openTotpSecret(deps.keyring, account);
    const staff = account.role !== 'partner';
    if (staff && !secret) reason = 'totp_not_enrolled';
    else if (secret) {
      const step = credentials.totp ? matchTotp(secret, credentials.totp.replace(/\s/g, '')) : undefined;
      if (step === undefined) reason = 'totp';
      else {
        // Each code works once: remember the step until it can no longer be valid.
        const fresh = await deps.redis.set(`${deps.prefix}:ui:totp-used:${account.id}:${step}`, '1', 'EX', 120, 'NX');
        if (fresh !== 'OK') reason = 'totp_replay';
      }
    }
  }
  if (reason !== undefined || !account) {
    await deps.throttle.fail(credentials.email, address);
    await recordAudit(deps.db, {
      actorId: account?.id ?? null,
      actorRole: account?.role ?? 'anonymous',
      action: 'auth.login.failed',
      partnerId: account?.partner_id ?? null,
      details: { reason: reason ?? 'password', ip: address },
    });
    throw new HttpError(401, 'LOGIN_FAILED', 'error.loginFailed');
  }
  await deps.throttle.succeed(credentials.email, address);
  await touchAccountLogin(deps.db, account.id);
  return account;
}
