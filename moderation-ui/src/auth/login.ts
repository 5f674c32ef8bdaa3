import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { openJson, type Keyring, type RateCounter, type RateLimiter, sealingContext } from '@relais/core';
import { findAccountByEmail, recordAudit, touchAccountLogin, type AccountRow, type RelaisDb } from '@relais/db';
import { HttpError } from '../http/http-error.js';
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
  /** Counts failed logins against {@link LOGIN_LIMITS}. */
  readonly throttle: RateLimiter;
}

/** Opens an account's TOTP secret (base32), sealed in `accounts.totp_secret_enc`. */
function openTotpSecret(keyring: Keyring, account: Pick<AccountRow, 'id' | 'totp_secret_enc'>): string | undefined {
  if (!account.totp_secret_enc) return undefined;
  return String(openJson(keyring, account.totp_secret_enc, sealingContext.totpSecret(account.id)));
}

/**
 * Login rate limits: 5 failures per account and 30 per client address in 15 minutes, after which
 * attempts are refused without checking the password until the window ends.
 */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 30, windowSeconds: 15 * 60 } as const;

/** The failure counters of a login: per account (the e-mail, case-insensitive) and per address. */
function loginCounters(email: string, address: string): [account: RateCounter, address: RateCounter] {
  const window = { windowSeconds: LOGIN_LIMITS.windowSeconds };
  return [
    { name: 'login-account', subject: email.toLowerCase(), limit: { max: LOGIN_LIMITS.perAccount, ...window } },
    { name: 'login-address', subject: address, limit: { max: LOGIN_LIMITS.perAddress, ...window } },
  ];
}

/** Why the credentials are refused (the audit's reason), or undefined with the account when they are right. */
async function judgeCredentials(
  deps: LoginDeps,
  credentials: Credentials,
): Promise<{ account: AccountRow | undefined; reason: string | undefined }> {
  const account = await findAccountByEmail(deps.db, credentials.email);
  const passwordOk = await verifyPassword(account?.password_hash, credentials.password);
  if (!account || !passwordOk) return { account, reason: 'password' };
  if (account.status !== 'active') return { account, reason: 'disabled' };
  const secret = openTotpSecret(deps.keyring, account);
  const staff = account.role !== 'partner';
  if (staff && !secret) return { account, reason: 'totp_not_enrolled' };
  if (!secret) return { account, reason: undefined };
  const step = credentials.totp ? matchTotp(secret, credentials.totp.replace(/\s/g, '')) : undefined;
  if (step === undefined) return { account, reason: 'totp' };
  // Each code works once: remember the step until it can no longer be valid.
  const fresh = await deps.redis.set(`${deps.prefix}:ui:totp-used:${account.id}:${step}`, '1', 'EX', 120, 'NX');
  return { account, reason: fresh === 'OK' ? undefined : 'totp_replay' };
}

/**
 * Checks e-mail, password and (for staff always, for partners when enrolled) a TOTP code that was
 * not used before. Rate-limited per account and per address ({@link LOGIN_LIMITS}: only failures
 * count, and a good login clears its account's); every outcome is audited. Returns the account, or
 * throws 401 `LOGIN_FAILED` / 429 `LOGIN_THROTTLED` without saying which part was wrong.
 */
export async function checkCredentials(
  deps: LoginDeps,
  request: FastifyRequest,
  credentials: Credentials,
): Promise<AccountRow> {
  const address = request.ip;
  const counters = loginCounters(credentials.email, address);
  // Reserved before the check, so that parallel guesses cannot all pass a nearly full counter.
  const attempt = await deps.throttle.reserve(counters);
  if (!attempt.allowed) {
    const wait = attempt.retryAfterSeconds;
    await recordAudit(deps.db, {
      actorId: null,
      actorRole: 'anonymous',
      action: 'auth.login.throttled',
      details: { ip: address },
    });
    throw new HttpError(
      429,
      'LOGIN_THROTTLED',
      'error.loginThrottled',
      { minutes: Math.ceil(wait / 60) },
      { retryAfter: wait },
    );
  }
  let judged: Awaited<ReturnType<typeof judgeCredentials>>;
  try {
    judged = await judgeCredentials(deps, credentials);
  } catch (error) {
    await deps.throttle.release(counters);
    throw error;
  }
  const { account, reason } = judged;
  if (reason !== undefined || !account) {
    // The reserved attempt stays counted: it is the failure.
    await recordAudit(deps.db, {
      actorId: account?.id ?? null,
      actorRole: account?.role ?? 'anonymous',
      action: 'auth.login.failed',
      partnerId: account?.partner_id ?? null,
      details: { reason: reason ?? 'password', ip: address },
    });
    throw new HttpError(401, 'LOGIN_FAILED', 'error.loginFailed');
  }
  await deps.throttle.release([counters[1]]);
  await deps.throttle.reset([counters[0]]);
  await touchAccountLogin(deps.db, account.id);
  return account;
}
