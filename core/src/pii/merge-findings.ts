import type { PiiFinding, PiiKind } from './pii-finding.js';

/**
 * Which kind wins when two findings overlap: the more specific structure first (a checksummed
 * number over a phone-shaped run of digits, an e-mail over the name inside it, an address over the
 * street's namesake).
 */
export const KIND_PRIORITY: Readonly<Record<PiiKind, number>> = {
  IBAN: 12,
  CARD: 11,
  NIR: 10,
  EMAIL: 9,
  URL: 8,
  HANDLE: 7,
  IP: 6,
  PHONE: 5,
  PLATE: 4,
  BIRTHDATE: 3,
  ADDRESS: 2,
  PERSON: 1,
};

function better(a: PiiFinding, b: PiiFinding): number {
  return (
    KIND_PRIORITY[b.kind] - KIND_PRIORITY[a.kind] ||
    b.confidence - a.confidence ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start
  );
}

/** Drops every finding lying inside another one (the digits inside a link, the name in an e-mail). */
function dropContained(findings: PiiFinding[]): PiiFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end || better(a, b));
  const outer: PiiFinding[] = [];
  let reach = -1;
  for (const f of sorted) {
    if (f.end <= reach) continue;
    outer.push(f);
    reach = f.end;
  }
  return outer;
}

/**
 * Resolves overlaps: a finding inside another one disappears (a NIR-shaped number inside a link, a
 * name inside an e-mail or an address); among partly overlapping findings, the higher-priority kind
 * wins (then the higher confidence, then the longer span). Returns findings sorted by start.
 */
export function mergeFindings(findings: PiiFinding[]): PiiFinding[] {
  if (findings.length <= 1) return findings;
  const kept: PiiFinding[] = []; // sorted by start, non-overlapping
  for (const f of dropContained(findings)) {
    let last = kept[kept.length - 1];
    if (last === undefined || last.end <= f.start) {
      kept.push(f);
      continue;
    }
    if (better(f, last) >= 0) continue; // the kept one is better
    // f wins over the last kept finding; it may also overlap the one before.
    kept.pop();
    last = kept[kept.length - 1];
    if (last !== undefined && last.end > f.start && better(f, last) >= 0) continue;
    if (last !== undefined && last.end > f.start) kept.pop();
    kept.push(f);
  }
  return kept;
}
