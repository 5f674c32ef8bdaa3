import { KIND_PRIORITY } from './merge-findings.js';
import type { PiiFinding, PiiKind } from './pii-finding.js';

/**
 * Replaces every finding's span with `[KIND]` (e.g. "appelle [PERSON] au [PHONE]"). Findings may
 * come in any order and may overlap: overlapping spans are replaced once, as a whole, by the
 * highest-priority kind among them, so the result does not depend on the order of `findings`.
 * Offsets outside the text are clamped.
 */
export function redact(text: string, findings: readonly PiiFinding[]): string {
  const spans = findings
    .map((f) => ({
      kind: f.kind,
      start: Math.max(0, Math.min(text.length, f.start)),
      end: Math.max(0, Math.min(text.length, f.end)),
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let result = '';
  let cursor = 0;
  let i = 0;
  while (i < spans.length) {
    const first = spans[i];
    if (first === undefined) break;
    let end = first.end;
    let kind: PiiKind = first.kind;
    for (i++; i < spans.length; i++) {
      const s = spans[i];
      if (s === undefined || s.start >= end) break;
      end = Math.max(end, s.end);
      if (KIND_PRIORITY[s.kind] > KIND_PRIORITY[kind]) kind = s.kind;
    }
    result += `${text.slice(cursor, first.start)}[${kind}]`;
    cursor = end;
  }
  return result + text.slice(cursor);
}
