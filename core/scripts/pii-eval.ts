/**
 * `npm run pii:eval`: scores `detectPii` on the labelled corpus (tuning and held-out parts) and
 * prints recall and precision per kind, overall precision and the report-level leak rate (share of
 * texts with at least one labelled span left uncovered). Exits with 1 if a target is missed.
 *
 * `--verbose` also lists every miss and false positive of the tuning part.
 */
import { detectPii } from '../src/pii/detect-pii.js';
import { loadCorpus, type CorpusPart } from './pii-corpus.js';
import { scorePii, type PiiScore } from './pii-score.js';

const verbose = process.argv.includes('--verbose');
const parts = process.argv.includes('--heldout-only') ? (['heldout'] as CorpusPart[]) : (['tuning', 'heldout'] as CorpusPart[]);

function print(part: CorpusPart, score: PiiScore): void {
  console.log(`\n== ${part}: ${score.texts} texts`);
  console.log('kind       labelled  found  recall  precision');
  for (const k of score.perKind) {
    if (k.labelled === 0 && k.found === 0) continue;
    console.log(`${k.kind.padEnd(10)} ${String(k.labelled).padStart(8)} ${String(k.found).padStart(6)}  ${k.recall.toFixed(3)}   ${k.precision.toFixed(3)}`);
  }
  console.log(`overall precision ${score.precision.toFixed(3)}`);
  console.log(`leak rate         ${score.leakRate.toFixed(3)} (texts with at least one missed span)`);
  if (verbose && part === 'tuning') {
    for (const m of score.misses) console.log(`MISS ${m.span.kind} «${m.value}» in: ${m.text.slice(Math.max(0, m.span.start - 40), m.span.end + 40).replace(/\n/g, ' ')}`);
    for (const f of score.falsePositives) console.log(`FP ${f.finding.kind} «${f.finding.text}» in: ${f.text.slice(Math.max(0, f.finding.start - 40), f.finding.end + 40).replace(/\n/g, ' ')}`);
  }
  for (const failure of score.failures) console.log(`TARGET MISSED: ${failure}`);
}

let failed = false;
for (const part of parts) {
  const score = scorePii(loadCorpus(part), detectPii);
  print(part, score);
  if (score.failures.length > 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
