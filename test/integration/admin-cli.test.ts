import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentEnvironment } from '@relais/core';
import { findPartnerBySlug, findPartnerScope } from '@relais/db';
import { ModerationClient, freshTotp } from '../support/moderation-client.ts';
import { moderationStack, type ModerationStack } from '../support/moderation-stack.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
let s: ModerationStack;

beforeAll(async () => {
  s = await moderationStack('admincli');
});
afterAll(async () => s?.close());

/** `npm run relais -- …` as a shell user types it, against this file's database, Redis and data key. */
async function relais(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...currentEnvironment(),
    NODE_ENV: 'test',
    DATABASE_URL: s.t.url,
    REDIS_URL: s.config.redisUrl,
    QUEUE_PREFIX: s.config.queuePrefix,
    DATA_KEY: s.config.dataKey!.toString('base64'),
    LOG_LEVEL: 'silent',
  };
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'relais', '--', ...args], {
      cwd: root,
      env,
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The initial password and TOTP secret the CLI printed for `email`. */
function secretsOf(output: string, email: string): { password: string; totp: string } {
  const block = output.slice(output.indexOf(email));
  return { password: /initial password: (\S+)/.exec(block)![1]!, totp: /TOTP secret:\s+(\S+)/.exec(block)![1]! };
}

const cliAudit = async (action: string) =>
  s.t.db
    .selectFrom('audit_events')
    .select(['actor_role', 'target_id'])
    .where('action', '=', action)
    .where('actor_role', '=', 'cli')
    .execute();

describe('the admin CLI (npm run relais)', () => {
  it('partner add creates the partner with its scope and digest contacts; a partner without scope is refused', async () => {
    const added = await relais(
      'partner',
      'add',
      'sete-cli',
      'Ville de Sète',
      '--postal-codes',
      '34200,34110',
      '--tunnels',
      'sete',
      '--emails',
      'prevention@sete.example',
    );
    expect(added.code, added.stderr).toBe(0);
    const partner = await findPartnerBySlug(s.t.db, 'sete-cli');
    expect(added.stdout.trim()).toBe(`partner sete-cli created (${partner!.id})`);
    expect(partner).toMatchObject({
      name: 'Ville de Sète',
      status: 'active',
      digest_emails: ['prevention@sete.example'],
    });
    expect(await findPartnerScope(s.t.db, partner!.id)).toEqual(
      expect.arrayContaining([
        { tunnels: [], postalCodes: ['34200', '34110'] },
        { tunnels: ['sete'], postalCodes: [] },
      ]),
    );
    expect((await cliAudit('admin.partner_created')).map((a) => a.target_id)).toEqual([partner!.id]);

    const empty = await relais('partner', 'add', 'vide-cli', 'Sans périmètre');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^relais: give --postal-codes and\/or --tunnels/);
    expect(await findPartnerBySlug(s.t.db, 'vide-cli')).toBeUndefined();
  }, 180_000);

  it('partner list, suspend and restore', async () => {
    const listed = await relais('partner', 'list');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('sete-cli\tactive\tVille de Sète\t34200 34110 | tunnel:sete');

    const suspended = await relais('partner', 'suspend', 'sete-cli');
    expect(suspended.stdout.trim()).toBe('partner sete-cli suspended');
    expect((await findPartnerBySlug(s.t.db, 'sete-cli'))!.status).toBe('suspended');
    expect((await relais('partner', 'list')).stdout).toContain('sete-cli\tsuspended\t');
    expect(await cliAudit('admin.partner_suspended')).toHaveLength(1);

    const unknown = await relais('partner', 'suspend', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('relais: no partner with slug nobody; see: relais partner list');

    expect((await relais('partner', 'restore', 'sete-cli')).stdout.trim()).toBe('partner sete-cli restored');
    expect((await findPartnerBySlug(s.t.db, 'sete-cli'))!.status).toBe('active');
  }, 180_000);

  it('user add creates staff and partner accounts that sign in with the printed password and TOTP secret', async () => {
    const staff = await relais('user', 'add', 'cli.moderatrice@relais.test', 'Modératrice CLI', 'moderator');
    expect(staff.code, staff.stderr).toBe(0);
    expect(staff.stdout).toMatch(/otpauth:\/\/totp\//);
    const mod = secretsOf(staff.stdout, 'cli.moderatrice@relais.test');
    expect((await new ModerationClient(s.url).login('cli.moderatrice@relais.test', mod.password)).status).toBe(401);
    const modClient = new ModerationClient(s.url);
    expect(
      (await modClient.login('cli.moderatrice@relais.test', mod.password, freshTotp(mod.totp))).json,
    ).toMatchObject({ role: 'moderator', partnerId: null });
    expect((await modClient.get('/api/staff/queue')).status).toBe(200);

    const partner = await findPartnerBySlug(s.t.db, 'sete-cli');
    const account = await relais(
      'user',
      'add',
      'accueil@sete.example',
      'Mairie de Sète',
      'partner',
      '--partner',
      'sete-cli',
    );
    expect(account.code, account.stderr).toBe(0);
    const p = secretsOf(account.stdout, 'accueil@sete.example');
    const partnerClient = new ModerationClient(s.url);
    expect((await partnerClient.login('accueil@sete.example', p.password, freshTotp(p.totp))).json).toMatchObject({
      role: 'partner',
      partnerId: partner!.id,
    });
    expect((await partnerClient.get('/api/partner/reports')).status).toBe(200);
    const rows = await s.t.db
      .selectFrom('accounts')
      .select(['email', 'role', 'partner_id', 'password_hash'])
      .where('email', 'in', ['cli.moderatrice@relais.test', 'accueil@sete.example'])
      .orderBy('email')
      .execute();
    expect(rows.map((r) => [r.email, r.role, r.partner_id])).toEqual([
      ['accueil@sete.example', 'partner', partner!.id],
      ['cli.moderatrice@relais.test', 'moderator', null],
    ]);
    expect(rows.every((r) => r.password_hash.startsWith('$argon2id$') && !r.password_hash.includes(mod.password))).toBe(
      true,
    );

    const orphan = await relais('user', 'add', 'orphelin@sete.example', 'Orphelin', 'partner');
    expect(orphan.code).toBe(1);
    expect(orphan.stderr).toMatch(/a partner account needs --partner <slug>/);
  }, 180_000);

  it('demo seed creates partners, accounts, reports and safe places a newcomer can sign in to, once', async () => {
    const seeded = await relais('demo', 'seed');
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(
      /demo data created: partners montpellier and paris, 5 invented reports, 3 safe places/,
    );
    for (const slug of ['montpellier', 'paris']) expect(await findPartnerBySlug(s.t.db, slug)).toBeDefined();
    const accounts = await s.t.db
      .selectFrom('accounts')
      .select(['email', 'role'])
      .where('email', 'like', '%.example')
      .where('email', '!=', 'accueil@sete.example')
      .orderBy('email')
      .execute();
    expect(accounts.map((a) => [a.email, a.role])).toEqual([
      ['admin@relais.example', 'admin'],
      ['moderation@relais.example', 'moderator'],
      ['partenaire@montpellier.example', 'partner'],
    ]);
    const reports = await s.t.db.selectFrom('reports').select(['status']).execute();
    expect(reports.map((r) => r.status).sort()).toEqual(['done', 'received', 'received', 'received', 'received']);
    expect(await s.t.db.selectFrom('safe_places').select('name').execute()).toHaveLength(3);

    const admin = secretsOf(seeded.stdout, 'admin@relais.example');
    const client = new ModerationClient(s.url);
    expect((await client.login('admin@relais.example', admin.password, freshTotp(admin.totp))).status).toBe(200);
    expect((await client.get('/api/staff/queue')).json.items).toHaveLength(4);
    const partner = secretsOf(seeded.stdout, 'partenaire@montpellier.example');
    const partnerClient = new ModerationClient(s.url);
    await partnerClient.login('partenaire@montpellier.example', partner.password, freshTotp(partner.totp));
    expect((await partnerClient.get('/api/partner/reports')).json.items).toHaveLength(1);

    const again = await relais('demo', 'seed');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/demo data is already there/);
  }, 180_000);

  it('prints its usage for an unknown command', async () => {
    const r = await relais('partner', 'delete', 'sete-cli');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/usage:\n\s+relais partner add/);
  }, 120_000);
});
