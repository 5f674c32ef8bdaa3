import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, SESSION_LIMITS, totpCode } from '@relais/moderation-ui';
import { ModerationClient, freshTotp } from '../support/moderation-client.ts';
import { moderationStack, type ModerationStack } from '../support/moderation-stack.ts';

let s: ModerationStack;
let redis: Redis;
beforeAll(async () => {
  s = await moderationStack('security');
  redis = new Redis(s.config.redisUrl);
});
afterAll(async () => {
  redis?.disconnect();
  await s?.close();
});

const sessionKey = (id: string) =>
  `${s.config.queuePrefix}:ui:session:${createHash('sha256').update(id).digest('hex')}`;
const auditActions = async (actorId: string) =>
  (await s.t.db.selectFrom('audit_events').select('action').where('actor_id', '=', actorId).execute()).map(
    (r) => r.action,
  );

/** Lets `client`'s session reach its idle timeout now. */
async function expireIdle(client: ModerationClient): Promise<void> {
  await redis.pexpire(sessionKey(client.cookies.get(SESSION_COOKIE)!), 1);
  await new Promise((r) => setTimeout(r, 20));
}

/** Back-dates `client`'s session past the absolute session limit, keeping its idle time. */
async function ageBeyondAbsoluteLimit(client: ModerationClient): Promise<void> {
  const key = sessionKey(client.cookies.get(SESSION_COOKIE)!);
  const data = JSON.parse((await redis.get(key))!);
  await redis.set(
    key,
    JSON.stringify({ ...data, createdAt: Date.now() - SESSION_LIMITS.absoluteSeconds * 1000 - 1 }),
    'KEEPTTL',
  );
}

describe('moderation security', () => {
  it('staff need a TOTP code, each code works once, and every attempt is audited', async () => {
    const mod = await s.account('moderator');
    const client = new ModerationClient(s.url);
    expect((await client.login(mod.email, mod.password)).json.error).toBe('LOGIN_FAILED');
    expect((await client.login(mod.email, mod.password, '000000')).status).toBe(401);
    const code = freshTotp(mod.totpSecret);
    expect((await client.login(mod.email, mod.password, code)).status).toBe(200);
    expect((await new ModerationClient(s.url).login(mod.email, mod.password, code)).status).toBe(401);
    expect(await auditActions(mod.id)).toEqual(expect.arrayContaining(['auth.login.failed', 'auth.login.succeeded']));
    const reasons = (
      await s.t.db
        .selectFrom('audit_events')
        .select('details')
        .where('actor_id', '=', mod.id)
        .where('action', '=', 'auth.login.failed')
        .execute()
    ).map((r) => r.details.reason);
    expect(reasons).toEqual(expect.arrayContaining(['totp', 'totp_replay']));
  });

  it('rate-limits logins: after 5 failures even the right password is refused for a while', async () => {
    const mod = await s.account('moderator');
    const client = new ModerationClient(s.url);
    for (let i = 0; i < 5; i++) expect((await client.login(mod.email, 'wrong password!!')).status).toBe(401);
    const blocked = await client.login(mod.email, mod.password, totpCode(mod.totpSecret));
    expect(blocked.status).toBe(429);
    expect(blocked.json.error).toBe('LOGIN_THROTTLED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const throttled = await s.t.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'auth.login.throttled')
      .execute();
    expect(throttled.length).toBeGreaterThan(0);
    // Counted under keyed hashes: neither the e-mail nor the client address is in a key name.
    const keys = (await redis.keys(`${s.config.queuePrefix}:*`)).map((k) => k.toLowerCase());
    expect(keys.some((k) => k.includes(':rl:login-account:'))).toBe(true);
    expect(keys.filter((k) => k.includes(mod.email.toLowerCase()) || k.includes('127.0.0.1'))).toEqual([]);
  });

  it('keeps sessions server-side behind a __Host- cookie (HttpOnly, Secure, SameSite), with a new id at each login', async () => {
    const mod = await s.account('moderator');
    const client = new ModerationClient(s.url);
    await client.get('/api/auth/csrf');
    client.csrfToken = client.cookies.get('__Host-relais-login');
    const first = await client.request('POST', '/api/auth/login', {
      json: { email: mod.email, password: mod.password, totp: freshTotp(mod.totpSecret) },
    });
    const cookie = first.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toMatch(/Domain=/i);
    const firstId = client.cookies.get(SESSION_COOKIE)!;
    const ttl = await redis.ttl(sessionKey(firstId));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(SESSION_LIMITS.idleSeconds);
    expect(await redis.get(sessionKey(firstId))).not.toContain(mod.email);

    client.csrfToken = first.json.csrfToken;
    await client.login(mod.email, mod.password, freshTotp(mod.totpSecret));
    const secondId = client.cookies.get(SESSION_COOKIE)!;
    expect(secondId).not.toBe(firstId);
    expect(await redis.exists(sessionKey(firstId))).toBe(0);
  });

  it('ends a session after 30 idle minutes, after 12 hours whatever happens, at logout and on password change', async () => {
    const mod = await s.account('moderator');
    const idle = await s.signIn(mod);
    await expireIdle(idle);
    expect((await idle.get('/api/auth/me')).status).toBe(401);

    const old = await s.signIn(mod);
    await ageBeyondAbsoluteLimit(old);
    expect((await old.get('/api/auth/me')).status).toBe(401);

    const admin = await s.account('admin');
    const a = await s.signIn(admin);
    const b = await s.signIn(admin);
    const stolen = new ModerationClient(s.url);
    stolen.cookies.set(SESSION_COOKIE, b.cookies.get(SESSION_COOKIE)!);
    expect((await b.post('/api/auth/logout')).status).toBe(200);
    expect((await stolen.get('/api/auth/me')).status).toBe(401);

    const c = await s.signIn(admin);
    expect(
      (await a.post('/api/auth/password', { current: admin.password, next: 'a brand new long password' })).status,
    ).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    expect(await auditActions(admin.id)).toEqual(expect.arrayContaining(['auth.logout', 'auth.password.changed']));
  });

  it("audits each session expiry once, idle or absolute, in its owner's name, and not a logged-out cookie", async () => {
    const mod = await s.account('moderator');
    const idle = await s.signIn(mod);
    const idleCookie = idle.cookies.get(SESSION_COOKIE)!;
    await expireIdle(idle);
    expect((await idle.get('/api/staff/queue')).status).toBe(401);
    idle.cookies.set(SESSION_COOKIE, idleCookie);
    expect((await idle.get('/api/staff/queue')).status).toBe(401);

    const old = await s.signIn(mod);
    await ageBeyondAbsoluteLimit(old);
    expect((await old.get('/staff')).status).toBe(303);

    const loggedOut = await s.signIn(mod);
    const loggedOutCookie = loggedOut.cookies.get(SESSION_COOKIE)!;
    await loggedOut.post('/api/auth/logout');
    loggedOut.cookies.set(SESSION_COOKIE, loggedOutCookie);
    expect((await loggedOut.get('/api/auth/me')).status).toBe(401);

    const expiries = await s.t.db
      .selectFrom('audit_events')
      .select(['actor_role', 'details'])
      .where('actor_id', '=', mod.id)
      .where('action', '=', 'auth.session.expired')
      .orderBy('id')
      .execute();
    expect(expiries.map((e) => [e.actor_role, e.details.reason, e.details.route])).toEqual([
      ['moderator', 'idle', '/api/staff/queue'],
      ['moderator', 'absolute', '/staff'],
    ]);
  });

  it('audits a signed-out request refused by a route (401 on the API, the sign-in redirect on a page)', async () => {
    const anonymous = new ModerationClient(s.url);
    const api = await anonymous.get('/api/admin/audit?action=authz.');
    expect(api.status).toBe(401);
    expect(api.json.error).toBe('UNAUTHENTICATED');
    const page = await anonymous.get('/partner/stats');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fpartner%2Fstats');
    const denials = await s.t.db
      .selectFrom('audit_events')
      .select(['actor_id', 'actor_role', 'details'])
      .where('action', '=', 'authz.denied')
      .where('actor_role', '=', 'anonymous')
      .execute();
    const routes = denials.filter((d) => d.details.reason === 'signed_out').map((d) => d.details.route);
    expect(routes).toEqual(expect.arrayContaining(['/api/admin/audit', '/partner/stats']));
    expect(denials.every((d) => d.actor_id === null)).toBe(true);
  });

  it('refuses a state change without the CSRF token, or from another site', async () => {
    const admin = await s.account('admin');
    const client = await s.signIn(admin);
    const body = { slug: 'csrf-test', name: 'CSRF test', postalCodes: '34000' };
    const none = await client.request('POST', '/api/admin/partners', { json: body, csrf: false });
    expect(none.status).toBe(403);
    expect(none.json.error).toBe('CSRF_REJECTED');
    const crossSite = await client.request('POST', '/api/admin/partners', {
      json: body,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const foreignOrigin = await client.request('POST', '/api/admin/partners', {
      json: body,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreignOrigin.status).toBe(403);
    const form = await client.request('POST', '/api/admin/partners', {
      form: { ...body, _csrf: 'forged' },
      csrf: false,
    });
    expect(form.status).toBe(403);
    const loginWithoutToken = await new ModerationClient(s.url).request('POST', '/api/auth/login', {
      json: { email: admin.email, password: admin.password },
    });
    expect(loginWithoutToken.status).toBe(403);
    expect((await client.post('/api/admin/partners', body)).status).toBe(200);
    expect(await auditActions(admin.id)).toContain('authz.csrf_rejected');
  });

  it('serves pages with a strict nonce CSP, and report pages and API answers with no-store', async () => {
    const mod = await s.account('moderator');
    const client = await s.signIn(mod);
    const page = await client.get('/staff');
    const csp = page.headers.get('content-security-policy')!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.text).toContain(`<script nonce="${nonce}"`);
    expect(page.text).not.toMatch(/<script(?![^>]*nonce=)/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect((await client.get('/api/staff/queue')).headers.get('cache-control')).toBe('no-store');
    const second = await client.get('/staff');
    expect(second.headers.get('content-security-policy')).not.toContain(nonce!);
  });

  it('refuses other roles, audits the refusal, and drops a disabled account at its next request', async () => {
    const partnerId = await s.partner('roles', ['13001']);
    const p = await s.account('partner', partnerId);
    const client = await s.signIn(p);
    expect((await client.get('/api/staff/queue')).status).toBe(403);
    expect((await client.get('/api/admin/audit')).status).toBe(403);
    expect((await client.get('/api/reports')).status).toBe(403);
    expect(await auditActions(p.id)).toContain('authz.denied');
    const admin = await s.signIn(await s.account('admin'));
    expect((await admin.post(`/api/admin/accounts/${p.id}/status`, { status: 'disabled' })).status).toBe(200);
    expect((await client.get('/api/partner/reports')).status).toBe(401);
  });

  it('lets the application role only insert into and read the audit log', async () => {
    await expect(s.t.db.updateTable('audit_events').set({ action: 'forged' }).execute()).rejects.toThrow(
      /permission denied/,
    );
    await expect(s.t.db.deleteFrom('audit_events').execute()).rejects.toThrow(/permission denied/);
  });

  it('creates accounts with argon2id hashes and sealed TOTP secrets only', async () => {
    const mod = await s.account('moderator');
    const row = await s.t.db.selectFrom('accounts').selectAll().where('id', '=', mod.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.totp_secret_enc?.toString('latin1')).not.toContain(mod.totpSecret);
  });
});
