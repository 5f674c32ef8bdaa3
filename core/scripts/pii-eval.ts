/**
 * `npm run pii:eval`: scores `detectPii` on the labelled corpus (tuning, held-out, hand-written,
 * batch A and batch B parts) and prints, per kind, recall and precision in the lenient reading (the one the targets are
 * asserted on) next to the strict one (IoU >= 0.5), then overall precision and the report-level leak
 * rate (share of texts with at least one labelled span left uncovered). Exits with 1 if a target is
 * missed on any part.
 *
 * `--part <name>` scores one part only (`--heldout-only` is `--part heldout`); `--verbose` also lists
 * every miss and false positive of the parts scored.
 */
import { detectPii } from '../src/pii/detect-pii.js';
import { CORPUS_PARTS, loadCorpus, type CorpusPart } from './pii-corpus.js';
import { scorePii, STRICT_IOU, type PiiScore } from './pii-score.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const chosen = args.includes('--heldout-only') ? 'heldout' : args[args.indexOf('--part') + 1];
const parts =
  args.includes('--part') || args.includes('--heldout-only') ? CORPUS_PARTS.filter((p) => p === chosen) : CORPUS_PARTS;
if (parts.length === 0) throw new Error(`unknown part ${String(chosen)}; use one of ${CORPUS_PARTS.join(', ')}`);

const f3 = (n: number): string => n.toFixed(3);
const context = (text: string, start: number, end: number): string =>
  text.slice(Math.max(0, start - 40), end + 40).replace(/\n/g, ' ');

function print(part: CorpusPart, score: PiiScore): void {
  console.log(`\n== ${part}: ${score.texts} texts`);
  console.log(`                              lenient            strict (IoU >= ${STRICT_IOU})`);
  console.log('kind       labelled  found  recall  precision  recall  precision');
  for (const k of score.perKind) {
    if (k.labelled === 0 && k.found === 0) continue;
    console.log(
      `${k.kind.padEnd(10)} ${String(k.labelled).padStart(8)} ${String(k.found).padStart(6)}  ${f3(k.recall)}   ${f3(k.precision)}      ${f3(k.strictRecall)}   ${f3(k.strictPrecision)}`,
    );
  }
  console.log(`overall precision ${f3(score.precision)} (strict ${f3(score.strictPrecision)})`);
  console.log(`leak rate         ${f3(score.leakRate)} (texts with at least one missed span)`);
  if (verbose) {
    for (const m of score.misses)
      console.log(`MISS ${m.span.kind} «${m.value}» in: ${context(m.text, m.span.start, m.span.end)}`);
    for (const f of score.falsePositives)
      console.log(`FP ${f.finding.kind} «${f.finding.text}» in: ${context(f.text, f.finding.start, f.finding.end)}`);
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
