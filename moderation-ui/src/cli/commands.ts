import { parseArgs } from 'node:util';
import type { Queue } from 'bullmq';
import { postalCode, tunnelSlug, type Keyring } from '@relais/core';
import {
  createPartner,
  findPartnerBySlug,
  findPartnerScope,
  listPartners,
  recordAudit,
  setPartnerStatus,
  type RelaisDb,
} from '@relais/db';
import { provisionAccount, type ProvisionedAccount } from '../accounts/provision-account.js';
import { scopeOf } from '../admin/admin-schemas.js';
import { demoSeed } from './demo-seed.js';
import { failedJobsCommand } from './failed-jobs.js';
import { requestDigest } from '../admin/request-digest.js';

/** What CLI commands need. */
export interface CliDeps {
  readonly db: RelaisDb;
  readonly keyring: Keyring;
  /** The digests queue, opened only by the commands that need it. */
  readonly digestQueue?: () => Promise<Queue>;
}

const USAGE = `usage:
  relais partner add <slug> "<name>" [--postal-codes 34000,34070] [--tunnels slug] [--emails a@b.fr]
  relais partner list
  relais partner suspend|restore <slug>
  relais user add <email> "<display name>" moderator|admin|partner [--partner <slug>]
  relais digest generate <partner-slug> <iso-week, e.g. 2026-W47>
  relais jobs failed [intake|outbound|maintenance|digests]
  relais demo seed`;

const csv = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

function secrets(p: ProvisionedAccount): string {
  return [
    `  ${p.account.role} ${p.account.email}`,
    `    initial password: ${p.initialPassword}`,
    `    TOTP secret:      ${p.totpSecret}`,
    `    otpauth URI:      ${p.otpauthUri}`,
  ].join('\n');
}

/** Runs one CLI command and returns what to print; throws with a usage hint on bad input. */
export async function runCommand(argv: string[], deps: CliDeps): Promise<string> {
  const { db, keyring } = deps;
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'postal-codes': { type: 'string' },
      tunnels: { type: 'string' },
      emails: { type: 'string' },
      partner: { type: 'string' },
    },
  });
  const [group, command, ...rest] = positionals;
  const audit = (action: string, targetType: string, targetId: string) =>
    recordAudit(db, { actorId: null, actorRole: 'cli', action, targetType, targetId });

  if (group === 'partner' && command === 'add' && rest.length === 2) {
    const [slug, name] = rest as [string, string];
    tunnelSlug.parse(slug);
    const postalCodes = csv(values['postal-codes']).map((c) => postalCode.parse(c));
    const tunnels = csv(values.tunnels).map((t) => tunnelSlug.parse(t));
    const scope = scopeOf(postalCodes, tunnels);
    if (scope.length === 0)
      throw new Error('give --postal-codes and/or --tunnels: a partner without scope sees nothing');
    const partner = await createPartner(db, { slug, name, scope, digestEmails: csv(values.emails) });
    await audit('admin.partner_created', 'partner', partner.id);
    return `partner ${slug} created (${partner.id})`;
  }
  if (group === 'partner' && command === 'list') {
    const lines = [];
    for (const p of await listPartners(db)) {
      const scope = await findPartnerScope(db, p.id);
      lines.push(
        `${p.slug}\t${p.status}\t${p.name}\t${scope.map((r) => [...r.postalCodes, ...r.tunnels.map((t) => `tunnel:${t}`)].join(' ')).join(' | ')}`,
      );
    }
    return lines.join('\n') || '(no partner)';
  }
  if (group === 'partner' && (command === 'suspend' || command === 'restore') && rest.length === 1) {
    const partner = await findPartnerBySlug(db, rest[0]!);
    if (!partner) throw new Error(`no partner with slug ${rest[0]}; see: relais partner list`);
    await setPartnerStatus(db, partner.id, command === 'suspend' ? 'suspended' : 'active');
    await audit(command === 'suspend' ? 'admin.partner_suspended' : 'admin.partner_restored', 'partner', partner.id);
    return `partner ${partner.slug} ${command === 'suspend' ? 'suspended' : 'restored'}`;
  }
  if (group === 'user' && command === 'add' && rest.length === 3) {
    const [email, displayName, role] = rest as [string, string, string];
    if (role !== 'moderator' && role !== 'admin' && role !== 'partner')
      throw new Error(`role must be moderator, admin or partner\n${USAGE}`);
    let partnerId: string | null = null;
    if (role === 'partner') {
      const partner = values.partner ? await findPartnerBySlug(db, values.partner) : undefined;
      if (!partner) throw new Error('a partner account needs --partner <slug> of an existing partner');
      partnerId = partner.id;
    }
    const created = await provisionAccount(db, keyring, { email, displayName, role, partnerId });
    await audit('admin.account_created', 'account', created.account.id);
    return `account created; give these to its owner through a safe channel (shown once):\n${secrets(created)}`;
  }
  if (group === 'digest' && command === 'generate' && rest.length === 2 && deps.digestQueue) {
    const [slug, isoWeek] = rest as [string, string];
    const partner = await findPartnerBySlug(db, slug);
    if (!partner) throw new Error(`no partner with slug ${slug}; see: relais partner list`);
    await requestDigest(await deps.digestQueue(), partner, isoWeek);
    await recordAudit(db, {
      actorId: null,
      actorRole: 'cli',
      action: 'admin.digest_requested',
      targetType: 'partner',
      targetId: partner.id,
      details: { isoWeek },
    });
    return `digest of ${slug} for ${isoWeek} queued: the worker stores it (and mails it when SMTP_URL is set)`;
  }
  if (group === 'jobs' && command === 'failed' && deps.digestQueue)
    return failedJobsCommand(rest, await deps.digestQueue());
  if (group === 'demo' && command === 'seed') {
    const seeded = await demoSeed(db, keyring);
    await recordAudit(db, {
      actorId: null,
      actorRole: 'cli',
      action: 'admin.demo_seeded',
      details: { reports: seeded.reports },
    });
    return `demo data created: partners montpellier and paris, ${seeded.reports} invented reports, 3 safe places.\nAccounts (shown once; add each TOTP secret to an authenticator app):\n${seeded.accounts.map(secrets).join('\n')}\nSign in at the moderation UI (http://127.0.0.1:3000/login).`;
  }
  throw new Error(USAGE);
}
