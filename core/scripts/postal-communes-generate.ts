/**
 * Regenerates `core/src/tagging/data/postal-communes.json`, the one postal dataset of Relais: each
 * French postal code La Poste serves → the INSEE code and name of every commune it serves, sorted by
 * INSEE code. The bots validate a reporter's postal code with it (`isKnownPostalCode`,
 * `communesOf`); intake tags reports with it (`postalPlace`: commune(s) and département). Source:
 * the open data of `@etalab/decoupage-administratif` (INSEE Code officiel géographique + La Poste's
 * base officielle des codes postaux, Licence Ouverte); sources and licences are recorded in
 * `core/src/tagging/data/SOURCES.md`.
 *
 * Run from the repository root: `npx tsx core/scripts/postal-communes-generate.ts`
 * (it installs the pinned source package into a temporary folder; only the npm registry is needed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pinned source package: bump the version here, rerun, review the diff of the data file. */
const SOURCE = '@etalab/decoupage-administratif@6.0.0';

/** The same pattern as core's `postalCode` schema: only codes it accepts are kept. */
const POSTAL_CODE = /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/;

interface Commune {
  readonly code: string;
  readonly nom: string;
  readonly type: string;
  readonly codesPostaux?: readonly string[];
}

const out = fileURLToPath(new URL('../src/tagging/data/postal-communes.json', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'relais-postal-communes-'));
try {
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', work, SOURCE], {
    stdio: 'inherit',
  });
  const require = createRequire(join(work, 'package.json'));
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as Commune[];
  // postal code → INSEE code → name. Current communes only: delegated/associated communes and
  // municipal arrondissements share the codes of their commune and would only repeat it.
  const byPostalCode = new Map<string, Map<string, string>>();
  for (const commune of communes) {
    if (commune.type !== 'commune-actuelle') continue;
    for (const postalCode of commune.codesPostaux ?? []) {
      if (!POSTAL_CODE.test(postalCode)) continue;
      const entry = byPostalCode.get(postalCode) ?? new Map<string, string>();
      entry.set(commune.code, commune.nom);
      byPostalCode.set(postalCode, entry);
    }
  }
  // One line per postal code, `"code":[["insee","name"],…]`, sorted, so diffs stay readable.
  const lines = [...byPostalCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([postalCode, entry]) =>
        `${JSON.stringify(postalCode)}:${JSON.stringify([...entry].sort(([a], [b]) => a.localeCompare(b)))}`,
    );
  writeFileSync(out, `{${lines.join(',\n')}}\n`);
  console.log(`postal-communes.json: ${lines.length} postal codes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
