/**
 * `npm run bench`: runs every `test/bench/*.bench.ts` (or those named on the command line), one
 * after the other, and writes the figures with the machine description to BENCHMARKS.md.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig } from '@relais/core';
import type { BenchResult } from './bench-result.js';
import { describeMachine } from './machine.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const config = loadConfig();
const machine = await describeMachine(config.databaseUrl.replace(/\/[^/]*$/, '/postgres'), config.redisUrl);
const target = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
/** Where a section was measured: a partial run keeps the other sections, measured elsewhere perhaps. */
const machineLine = `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB`;
/** The sections BENCHMARKS.md holds now, by benchmark name. */
function writtenSections(): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(target)) return found;
  for (const part of readFileSync(target, 'utf8')
    .split(/^(?=## )/m)
    .slice(1))
    found.set(part.slice(3, part.indexOf('\n')).trim(), part.trimEnd() + '\n');
  return found;
}
// The sections this run measured; a partial run (`npm run bench -- telegram`) keeps the others.
const sections = new Map<string, string>();
for (const file of files) {
  process.stdout.write(`bench: ${file}…\n`);
  const started = Date.now();
  // Other work on the machine (a test run, another bench) slows both sides of a ratio, not always alike.
  const load = loadavg()[0] ?? 0;
  const busy = `1-min load average ${load.toFixed(1)} at start${load > machine.cores ? ': the CPU was shared with other work' : ''}`;
  const bench = (await import(pathToFileURL(`${here}${file}`).href)) as { default: () => Promise<BenchResult[]> };
  const results = await bench.default();
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit} | ${r.ratio.toFixed(2)} | ${r.runs} | ${r.notes ?? ''} |`,
  );
  const name = file.replace(/\.bench\.ts$/, '');
  sections.set(
    name,
    `## ${name}\n\n| figure | value (median) | baseline, same run | ratio | runs | notes |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n\n_${((Date.now() - started) / 1000).toFixed(0)} s, ${new Date().toISOString().slice(0, 10)}, on ${machineLine}, ${busy}_\n`,
  );
  for (const r of results)
    process.stdout.write(
      `  ${r.name}: ${fmt(r.value)} ${r.unit} (baseline ${fmt(r.baseline.value)}, ratio ${r.ratio.toFixed(2)})\n`,
    );
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}

const header = `# Benchmarks

Written by \`npm run bench\`. Every figure is the median of several runs, next to a bare baseline
doing the least possible version of the same work in the same run, and their ratio. Each section
ends with how long it took, when and on which machine it was measured, and how busy the machine
already was (a partial run, such as \`npm run bench -- intake\`, rewrites only its own sections);
compare ratios, not absolute figures, across machines.

Last written on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.kernel};
Node ${machine.node}; PostgreSQL ${machine.postgres}; Redis ${machine.redis}.
`;
// Read again just before writing: another partial run may have written meanwhile (a load run lasts minutes).
const merged = only.length > 0 ? new Map([...writtenSections(), ...sections]) : sections;
writeFileSync(
  target,
  `${header}\n${[...merged.keys()]
    .sort()
    .map((k) => merged.get(k))
    .join('\n')}`,
);
process.stdout.write('bench: BENCHMARKS.md written\n');
process.exit(0);
