/**
 * Regenerates `worker/data/postal-communes.tsv`, the postal code → communes table the intake job
 * tags reports with, from the open data of `@etalab/decoupage-administratif` (see
 * `worker/data/SOURCES.md` for source and licence).
 *
 * Run from the repository root: `npx tsx worker/scripts/postal-communes-generate.ts`
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

interface Commune {
  readonly code: string;
  readonly nom: string;
  readonly type: string;
  readonly departement?: string;
  readonly codesPostaux?: readonly string[];
}

const out = fileURLToPath(new URL('../data/postal-communes.tsv', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'relais-postal-communes-'));
try {
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', work, SOURCE], { stdio: 'inherit' });
  const require = createRequire(join(work, 'package.json'));
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as Commune[];
  // postal code → INSEE code → name; only current communes (not associated or delegated ones).
  const byPostalCode = new Map<string, Map<string, string>>();
  for (const commune of communes) {
    if (commune.type !== 'commune-actuelle') continue;
    for (const postalCode of commune.codesPostaux ?? []) {
      const entry = byPostalCode.get(postalCode) ?? new Map<string, string>();
      entry.set(commune.code, commune.nom);
      byPostalCode.set(postalCode, entry);
    }
  }
  // One line per postal code: `postal<TAB>insee:name|insee:name…`, sorted, so diffs stay readable.
  const lines = [...byPostalCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([postalCode, entry]) => `${postalCode}\t${[...entry].sort(([a], [b]) => a.localeCompare(b)).map(([insee, nom]) => `${insee}:${nom}`).join('|')}`);
  writeFileSync(out, `# postal code\tINSEE code:commune name|… — generated from ${SOURCE} by worker/scripts/postal-communes-generate.ts\n${lines.join('\n')}\n`);
  console.log(`postal-communes.tsv: ${lines.length} postal codes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
