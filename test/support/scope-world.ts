import { randomUUID } from 'node:crypto';
import { reportMatchesScope, type PartnerScope, type ScopeRule } from '@relais/core';
import type { NewReportRow } from '@relais/db';
import { SeededRandom } from '@relais/core/testing';

/** A partner of a {@link ScopeWorld}. */
export interface WorldPartner {
  readonly slug: string;
  readonly name: string;
  readonly scope: PartnerScope;
  readonly status: 'active' | 'suspended';
}

/** A report of a {@link ScopeWorld}: the row's fields, and whether a partner flag sent it back. */
export interface WorldReport {
  readonly row: Partial<NewReportRow> & { readonly id: string };
  readonly flagged: boolean;
}

/** Random partners, scopes and reports drawn from one seed, in codes and tunnels of their own. */
export interface ScopeWorld {
  readonly seed: number;
  readonly postalCodes: readonly string[];
  readonly partners: readonly WorldPartner[];
  readonly reports: readonly WorldReport[];
  /** Ids a partner must see: released (`done`, so not flagged), in its scope, partner active. */
  visibleTo(partner: WorldPartner): string[];
}

const STATUSES = ['received', 'in_review', 'flagged', 'done', 'done', 'done', 'rejected', 'erased'] as const;
const KINDS = ['tunnels', 'postalCodes', 'both'] as const;

/**
 * Builds world `seed` (0–49). Its postal codes (`4x…`/`5x…`) and tunnels (`w<seed>-…`) belong to no
 * other world or test, so its partners can only ever match its own reports. Partner `i`'s first rule
 * is tunnels-only, postal-codes-only or both in turn, so every world has each kind; the last partner
 * of every odd world is suspended. Reports take every status, and a flagged one is `in_review` with
 * `flagged_at` set (the caller sets that column after inserting).
 */
export function scopeWorld(seed: number): ScopeWorld {
  const random = new SeededRandom(seed * 7919 + 17);
  const prefix = String(40 + seed);
  const postalCodes = [0, 1, 2, 3].map((k) => `${prefix}${k}${k}0`);
  const outsideCode = `${prefix}990`;
  const tunnels = ['alpha', 'beta', 'gamma'].map((t) => `w${seed}-${t}`);
  const some = <T>(items: readonly T[]) => [
    ...new Set(Array.from({ length: 1 + random.int(2) }, () => random.pick(items))),
  ];
  const rule = (kind: (typeof KINDS)[number]): ScopeRule => ({
    tunnels: kind === 'postalCodes' ? [] : some(tunnels),
    postalCodes: kind === 'tunnels' ? [] : some(postalCodes),
  });
  const partnerCount = 3 + random.int(3);
  const partners: WorldPartner[] = Array.from({ length: partnerCount }, (_, i) => ({
    slug: `world${seed}-p${i}`,
    name: `Monde ${seed} partenaire ${i}`,
    scope: [rule(KINDS[i % KINDS.length]!), ...Array.from({ length: random.int(3) }, () => rule(random.pick(KINDS)))],
    status: seed % 2 === 1 && i === partnerCount - 1 ? 'suspended' : 'active',
  }));
  const reports: WorldReport[] = Array.from({ length: 30 + random.int(20) }, () => {
    const drawn = random.pick(STATUSES);
    const status = drawn === 'flagged' ? 'in_review' : drawn;
    const online = random.int(6) === 0;
    const wasReleased = drawn === 'done' || drawn === 'flagged';
    return {
      flagged: drawn === 'flagged',
      row: {
        id: randomUUID(),
        status,
        location_kind: online ? 'online' : 'fr',
        postal_code: online ? null : random.int(8) === 0 ? outsideCode : random.pick(postalCodes),
        departement: online ? null : prefix,
        tunnel: random.int(3) === 0 ? null : random.pick(tunnels),
        released_at: wasReleased ? new Date(Date.now() - random.int(30) * 86_400_000) : null,
        rejected_at: status === 'rejected' ? new Date() : null,
        erased_at: status === 'erased' ? new Date() : null,
        anonymised_text: status === 'erased' ? null : `Monde ${seed} : texte anonymisé.`,
      },
    };
  });
  return {
    seed,
    postalCodes,
    partners,
    reports,
    visibleTo(partner) {
      if (partner.status !== 'active') return [];
      return reports
        .filter((r) => r.row.status === 'done' && !r.flagged)
        .filter((r) =>
          reportMatchesScope({ tunnel: r.row.tunnel ?? null, postalCode: r.row.postal_code ?? null }, partner.scope),
        )
        .map((r) => r.row.id)
        .sort();
    },
  };
}

/** The 20 seeds the property tests run over. */
export const WORLD_SEEDS: readonly number[] = Array.from({ length: 20 }, (_, i) => i);
