import type { PiiFinding, PiiKind } from './pii-finding.js';

/**
 * Kinds whose findings are always treated as high-confidence, whatever their score: they are found
 * by structure (a checksum, an `@`, a numbering plan), so even a weak match is very likely real and
 * very identifying (a NIR without its key is still a NIR).
 */
const HIGH_CONFIDENCE_PII_KINDS: ReadonlySet<PiiKind> = new Set<PiiKind>([
  'EMAIL',
  'PHONE',
  'IBAN',
  'CARD',
  'NIR',
  'IP',
]);

/** Score from which a finding of any kind is high-confidence (default 0.8). */
const HIGH_CONFIDENCE_THRESHOLD = 0.8;

/**
 * Whether a finding is high-confidence: the moderation UI refuses to release a report while such a
 * finding remains in its anonymised text. True for every finding of a {@link HIGH_CONFIDENCE_PII_KINDS}
 * kind, and for any finding scoring at least {@link HIGH_CONFIDENCE_THRESHOLD}.
 */
export function isHighConfidence(f: Pick<PiiFinding, 'kind' | 'confidence'>): boolean {
  return HIGH_CONFIDENCE_PII_KINDS.has(f.kind) || f.confidence >= HIGH_CONFIDENCE_THRESHOLD;
}
