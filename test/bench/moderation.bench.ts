import pg from 'pg';
import { createKeyring, createLogger } from '@relais/core';
import { createPartner } from '@relais/db';
import { createTestDatabase } from '@relais/db/testing';
import { createModerationService, provisionAccount } from '@relais/moderation-ui';
import { ModerationClient, freshTotp } from '../support/moderation-client.ts';
import { testConfig } from '../support/test-config.ts';
import type { BenchResult } from './bench-result.js';
import { deletePrefixKeys } from '../support/redis-scan.ts';

const REPORTS = 1_000_000;
const REQUESTS = 300;
const WARMUP = 30;

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

async function latencies(client: ModerationClient, path: string): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await client.get(path);
  const out: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = process.hrtime.bigint();
    const response = await client.get(path);
    out.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  }
  return out;
}

/** Index names a plan uses, from EXPLAIN's text. */
function indexesOf(plan: string[]): string {
  const names = new Set(
    plan.flatMap((line) =>
      [...line.matchAll(/(?:Index(?: Only)? Scan(?: Backward)?|Bitmap Index Scan) (?:using|on) (\w+)/g)].map(
        (m) => m[1]!,
      ),
    ),
  );
  const seq = plan.some((line) => /Seq Scan on reports/.test(line));
  return `${[...names].join(' + ') || 'no index'}${seq ? ', with a seq scan on reports' : ''}`;
}

/**
 * API latency with 1,000,000 reports: p95 of the staff queue page and of the partner list (under
 * row-level security), each through the real HTTP server with a signed-in session, against
 * `GET /healthz` (a bare `SELECT 1` and a Redis PING through the same server) in the same run.
 * EXPLAIN of both queries shows which indexes they read. Issue 7 asks for p95 under 50 ms.
 */
export default async function bench(): Promise<BenchResult[]> {
  const base = testConfig();
  const t = await createTestDatabase(base.databaseUrl, 'benchmod');
  const owner = new pg.Client({ connectionString: t.url });
  await owner.connect();
  const config = testConfig({ DATABASE_URL: t.url });
  const service = createModerationService(config, createLogger({ service: 'bench', level: 'silent' }));
  try {
    const partner = await createPartner(t.db, {
      slug: 'montpellier',
      name: 'Ville de Montpellier',
      scope: [
        { tunnels: [], postalCodes: ['34000', '34070', '34080', '34090'] },
        { tunnels: ['montpellier'], postalCodes: [] },
      ],
    });
    const seeded = Date.now();
    // 1,000,000 reports: 90 % released, 5 % rejected, 3 % new, 2 % in review; 400 postal codes
    // (so the partner's four codes hold about 1 % of them), 5 % through the partner's tunnel.
    await owner.query(`
      INSERT INTO reports (id, reference, status, channel, tunnel, lang, act_types, motives, location_kind, postal_code,
        departement, place_type, priority, description_enc, anonymised_text, submitted_at, received_at, released_at, rejected_at)
      SELECT gen_random_uuid(), 'B' || lpad(to_hex(g), 7, '0'),
        CASE WHEN g % 100 < 90 THEN 'done' WHEN g % 100 < 95 THEN 'rejected' WHEN g % 100 < 98 THEN 'received' ELSE 'in_review' END,
        CASE WHEN g % 2 = 0 THEN 'telegram' ELSE 'webchat' END,
        CASE WHEN g % 20 = 0 THEN 'montpellier' ELSE NULL END, 'fr',
        ARRAY[(ARRAY['insult','harassment','threat','physical_violence','discrimination'])[1 + g % 5]], ARRAY['unknown'], 'fr',
        CASE WHEN g % 400 < 4 THEN (ARRAY['34000','34070','34080','34090'])[1 + g % 4] ELSE lpad((10000 + (g::bigint * 7919) % 400 * 17)::text, 5, '0') END,
        '34', 'street', g % 3, '\\x00'::bytea, CASE WHEN g % 100 < 90 THEN 'Texte anonymisé.' END,
        now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval,
        CASE WHEN g % 100 < 90 THEN now() - (g || ' minutes')::interval + interval '1 hour' END,
        CASE WHEN g % 100 BETWEEN 90 AND 94 THEN now() - (g || ' minutes')::interval END
      FROM generate_series(1, ${REPORTS}) AS g`);
    await owner.query('VACUUM ANALYZE reports');
    const seedSeconds = (Date.now() - seeded) / 1000;

    const keyring = createKeyring(config.dataKey!);
    const mod = await provisionAccount(t.db, keyring, {
      email: 'bench-mod@relais.test',
      displayName: 'Bench',
      role: 'moderator',
      partnerId: null,
    });
    const par = await provisionAccount(t.db, keyring, {
      email: 'bench-partner@relais.test',
      displayName: 'Bench P',
      role: 'partner',
      partnerId: partner.id,
    });
    const url = await service.server.listen({ host: '127.0.0.1', port: 0 });
    const staff = new ModerationClient(url);
    await staff.login(mod.account.email, mod.initialPassword, freshTotp(mod.totpSecret));
    const city = new ModerationClient(url);
    await city.login(par.account.email, par.initialPassword, freshTotp(par.totpSecret));

    const baseline = p95(await latencies(staff, '/healthz'));
    const queue = p95(await latencies(staff, '/api/staff/queue'));
    const partnerList = p95(await latencies(city, '/api/partner/reports'));

    const queuePlan = (
      await owner.query(`EXPLAIN SELECT r.id FROM reports r LEFT JOIN accounts a ON a.id = r.claimed_by
      WHERE r.status IN ('received', 'in_review') ORDER BY r.queue_rank, r.priority DESC, r.received_at, r.id LIMIT 50`)
    ).rows.map((r) => r['QUERY PLAN'] as string);
    await owner.query('BEGIN');
    await owner.query(`SELECT set_config('app.partner_id', $1, true)`, [partner.id]);
    await owner.query('SET LOCAL ROLE relais_partner');
    const partnerPlan = (
      await owner.query(`EXPLAIN SELECT id, released_at FROM reports WHERE status = 'done'
      AND (postal_code IN ('34000','34070','34080','34090') OR tunnel IN ('montpellier')) ORDER BY released_at DESC, id LIMIT 50`)
    ).rows.map((r) => r['QUERY PLAN'] as string);
    await owner.query('ROLLBACK');

    const seedNote = `${REPORTS.toLocaleString('en-US')} reports seeded in ${seedSeconds.toFixed(0)} s`;
    return [
      {
        name: 'staff queue page p95 (GET /api/staff/queue)',
        unit: 'ms',
        value: queue,
        baseline: { name: 'GET /healthz p95', value: baseline },
        ratio: queue / baseline,
        runs: REQUESTS,
        notes: `${seedNote}; EXPLAIN: ${indexesOf(queuePlan)}`,
      },
      {
        name: 'partner list p95 (GET /api/partner/reports, RLS)',
        unit: 'ms',
        value: partnerList,
        baseline: { name: 'GET /healthz p95', value: baseline },
        ratio: partnerList / baseline,
        runs: REQUESTS,
        notes: `EXPLAIN: ${indexesOf(partnerPlan)}`,
      },
    ];
  } finally {
    await service.close();
    await owner.end();
    await deletePrefixKeys(config.redisUrl, config.queuePrefix);
    await t.drop();
  }
}
