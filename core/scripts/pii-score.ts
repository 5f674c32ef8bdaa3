/**
 * Scores the PII detector on labelled texts: per-kind recall and precision, overall precision and
 * the report-level leak rate, checked against the targets of issue 3.
 *
 * Two readings of a match are computed side by side:
 * - lenient (the asserted one): a labelled span is recalled when findings of its kind cover every
 *   character of it (blanks and punctuation excepted), which is what keeps it from leaking; a finding
 *   is correct when it overlaps a labelled span of its kind, since a highlight on the right detail
 *   leads the moderator to it even when its borders are off;
 * - strict: a labelled span is recalled, and a finding correct, only when one finding and one span
 *   of the same kind have an intersection over union of at least {@link STRICT_IOU}. Labelled spans
 *   of one kind separated by blanks only ("[[PERSON|Ana]] [[PERSON|Diaz]]") count as one span there.
 */
import type { PiiFinding, PiiKind } from '../src/pii/pii-finding.js';
import { PII_KINDS } from '../src/pii/pii-finding.js';
import type { CorpusText, LabelledSpan } from './pii-corpus.js';

/** Minimum recall per kind (issue 3; IP and BIRTHDATE have no target there, we hold them to 0.95). */
const RECALL_TARGETS: Readonly<Record<PiiKind, number>> = {
  IBAN: 0.99,
  CARD: 0.99,
  NIR: 0.99,
  PHONE: 0.97,
  EMAIL: 0.97,
  PLATE: 0.97,
  URL: 0.97,
  HANDLE: 0.97,
  PERSON: 0.92,
  ADDRESS: 0.92,
  IP: 0.95,
  BIRTHDATE: 0.95,
};

/** Minimum share of findings that match a labelled span of the same kind. */
const PRECISION_TARGET = 0.9;

/** Intersection over union from which a finding and a labelled span match in the strict reading. */
export const STRICT_IOU = 0.5;

/** Counts and rates of one kind. */
export interface KindScore {
  kind: PiiKind;
  labelled: number;
  found: number;
  recalled: number;
  correct: number;
  recall: number;
  precision: number;
  /** Labelled spans with a finding of their kind at IoU >= {@link STRICT_IOU}. */
  strictRecalled: number;
  /** Findings with a labelled span of their kind at IoU >= {@link STRICT_IOU}. */
  strictCorrect: number;
  strictRecall: number;
  strictPrecision: number;
}

/** The scores of a detector on a set of texts. */
export interface PiiScore {
  texts: number;
  perKind: KindScore[];
  precision: number;
  /** Overall precision in the strict reading (IoU >= {@link STRICT_IOU}). */
  strictPrecision: number;
  leakRate: number;
  /** Spans missed (not covered by a finding of their kind), for inspection. */
  misses: { text: string; span: LabelledSpan; value: string }[];
  /** Findings that match no labelled span of their kind. */
  falsePositives: { text: string; finding: PiiFinding }[];
  /** Targets that are not met, in words; empty when all are. */
  failures: string[];
}

type Counts = Pick<KindScore, 'labelled' | 'found' | 'recalled' | 'correct' | 'strictRecalled' | 'strictCorrect'>;

/** Whether `findings` cover every character of the span (whitespace and punctuation excepted). */
function covered(text: string, span: LabelledSpan, findings: readonly PiiFinding[]): boolean {
  for (let i = span.start; i < span.end; i++) {
    if (/[\s.,'’()-]/.test(text[i] ?? '')) continue;
    if (!findings.some((f) => f.start <= i && i < f.end)) return false;
  }
  return true;
}

type Span = { start: number; end: number };

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function iou(a: Span, b: Span): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/** The labelled spans with runs of same-kind spans separated by blanks only joined into one. */
function joinAdjacent(text: string, spans: readonly LabelledSpan[]): LabelledSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const joined: LabelledSpan[] = [];
  for (const s of sorted) {
    const last = joined[joined.length - 1];
    if (last !== undefined && last.kind === s.kind && /^[^\S\n]*$/.test(text.slice(last.end, s.start))) {
      joined[joined.length - 1] = { ...last, end: s.end };
    } else {
      joined.push({ ...s });
    }
  }
  return joined;
}

/** Runs `detect` on every text and scores it. */
export function scorePii(corpus: readonly CorpusText[], detect: (text: string) => PiiFinding[]): PiiScore {
  const zero = (): Counts => ({ labelled: 0, found: 0, recalled: 0, correct: 0, strictRecalled: 0, strictCorrect: 0 });
  const counts = new Map(PII_KINDS.map((k) => [k, zero()]));
  const misses: PiiScore['misses'] = [];
  const falsePositives: PiiScore['falsePositives'] = [];
  let leaking = 0;
  for (const { text, spans } of corpus) {
    const findings = detect(text);
    const joined = joinAdjacent(text, spans);
    let leaked = false;
    for (const span of spans) {
      const c = counts.get(span.kind);
      if (c === undefined) continue;
      c.labelled++;
      if (
        covered(
          text,
          span,
          findings.filter((f) => f.kind === span.kind),
        )
      )
        c.recalled++;
      else misses.push({ text, span, value: text.slice(span.start, span.end) });
      if (!covered(text, span, findings)) leaked = true;
      const whole = joined.find((j) => j.kind === span.kind && j.start <= span.start && span.end <= j.end) ?? span;
      if (findings.some((f) => f.kind === span.kind && iou(f, whole) >= STRICT_IOU)) c.strictRecalled++;
    }
    if (leaked) leaking++;
    for (const f of findings) {
      const c = counts.get(f.kind);
      if (c === undefined) continue;
      c.found++;
      if (spans.some((s) => s.kind === f.kind && overlaps(s, f))) c.correct++;
      else falsePositives.push({ text, finding: f });
      if (joined.some((s) => s.kind === f.kind && iou(s, f) >= STRICT_IOU)) c.strictCorrect++;
    }
  }
  const rate = (n: number, d: number): number => (d === 0 ? 1 : n / d);
  const perKind = PII_KINDS.map((kind) => {
    const c = counts.get(kind) ?? zero();
    return {
      kind,
      ...c,
      recall: rate(c.recalled, c.labelled),
      precision: rate(c.correct, c.found),
      strictRecall: rate(c.strictRecalled, c.labelled),
      strictPrecision: rate(c.strictCorrect, c.found),
    };
  });
  const found = perKind.reduce((n, k) => n + k.found, 0);
  const precision = rate(
    perKind.reduce((n, k) => n + k.correct, 0),
    found,
  );
  const strictPrecision = rate(
    perKind.reduce((n, k) => n + k.strictCorrect, 0),
    found,
  );
  const failures = perKind
    .filter((k) => k.labelled > 0 && k.recall < RECALL_TARGETS[k.kind])
    .map((k) => `${k.kind} recall ${k.recall.toFixed(3)} < ${RECALL_TARGETS[k.kind]}`);
  if (precision < PRECISION_TARGET) failures.push(`overall precision ${precision.toFixed(3)} < ${PRECISION_TARGET}`);
  return {
    texts: corpus.length,
    perKind,
    precision,
    strictPrecision,
    leakRate: corpus.length === 0 ? 0 : leaking / corpus.length,
    misses,
    falsePositives,
    failures,
  };
}
