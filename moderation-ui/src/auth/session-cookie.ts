import type { FastifyReply } from 'fastify';
import { SESSION_LIMITS } from './session-store.js';

/** The session cookie: `__Host-` prefixed (Secure, Path=/, no Domain: bound to this exact origin). */
export const SESSION_COOKIE = '__Host-relais-session';

/** The pre-login CSRF cookie (double-submit token of the login form). */
export const LOGIN_CSRF_COOKIE = '__Host-relais-login';

const base = { path: '/', secure: true, httpOnly: true, sameSite: 'strict' } as const;

/** Sets the session cookie (HttpOnly, Secure, SameSite=Strict, lasting at most the absolute lifetime). */
export function setSessionCookie(reply: FastifyReply, id: string): void {
  reply.setCookie(SESSION_COOKIE, id, { ...base, maxAge: SESSION_LIMITS.absoluteSeconds });
}

/** Removes the session cookie. */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, base);
}

/** Sets the login form's CSRF cookie for 1 hour. */
export function setLoginCsrfCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(LOGIN_CSRF_COOKIE, token, { ...base, maxAge: 3600 });
}
