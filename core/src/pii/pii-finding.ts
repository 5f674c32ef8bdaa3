/**
 * Every kind of identifying detail the detector looks for, in a stable order (the order of the
 * issue). Use it to build per-kind UIs or statistics.
 */
export const PII_KINDS = [
  'PERSON',
  'PHONE',
  'EMAIL',
  'ADDRESS',
  'PLATE',
  'IBAN',
  'NIR',
  'URL',
  'HANDLE',
  'CARD',
  'IP',
  'BIRTHDATE',
] as const;

/** A kind of identifying detail: a person's name, a phone number, an IBAN… */
export type PiiKind = (typeof PII_KINDS)[number];

/**
 * One identifying detail found in a text.
 *
 * `start` and `end` are UTF-16 offsets into the analysed text (`end` exclusive), so that
 * `text.slice(start, end) === finding.text` always holds. `confidence` is in [0, 1]: checksummed
 * numbers score above 0.95, names found only through a lexicon score lower.
 */
export interface PiiFinding {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
  confidence: number;
}

/** Builds a finding from a span of `text`, so that `finding.text` always matches the offsets. */
export function finding(kind: PiiKind, text: string, start: number, end: number, confidence: number): PiiFinding {
  return { kind, start, end, text: text.slice(start, end), confidence };
}
