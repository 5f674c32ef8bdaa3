/**
 * Regenerates `core/src/report/data/postal-codes.json` (French postal code → names of the communes
 * it serves) from the open data of `@etalab/decoupage-administratif` (INSEE Code officiel
 * géographique + La Poste's base officielle des codes postaux, Licence Ouverte). Sources and
 * licences are recorded in `core/src/report/SOURCES.md`.
 *
 * Run from the repository root: `npx tsx core/scripts/postal-codes-generate.ts`
 * (it installs the pinned source package into a temporary folder; only the npm registry is needed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pinned source package: bump the version here, rerun, review the diff. */
const SOURCE = '@etalab/decoupage-administratif@6.0.0';

/** The same pattern as core's `postalCode` schema: only codes it accepts are kept. */
const POSTAL_CODE = /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/;

interface Commune {
  readonly nom: string;
  readonly type: string;
  readonly codesPostaux?: readonly string[];
}

const out = fileURLToPath(new URL('../src/report/data/postal-codes.json', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'relais-postal-codes-'));
try {
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', work, SOURCE], { stdio: 'inherit' });
  const require = createRequire(join(work, 'node_modules', 'x.js'));
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as Commune[];
  const byCode = new Map<string, Set<string>>();
  // Current communes only: delegated/associated communes and municipal arrondissements share
  // the codes of their commune and would only repeat it.
  for (const commune of communes) {
    if (commune.type !== 'commune-actuelle') continue;
    for (const code of commune.codesPostaux ?? []) {
      if (!POSTAL_CODE.test(code)) continue;
      const names = byCode.get(code) ?? new Set<string>();
      names.add(commune.nom);
      byCode.set(code, names);
    }
  }
  const sorted = Object.fromEntries(
    [...byCode.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, names]) => [code, [...names].sort((a, b) => a.localeCompare(b, 'fr'))]),
  );
  writeFileSync(out, `${JSON.stringify(sorted).replaceAll('],"', '],\n"')}\n`);
  console.log(`postal-codes.json: ${byCode.size} postal codes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
