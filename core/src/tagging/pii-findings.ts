/** One identifying detail a detector found: kind and UTF-16 offsets (a copy of the text is ignored). */
export interface DetectedPii {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

/** Finds identifying details in a report's free text; core's `detectPii` has this shape. */
export type PiiDetector = (text: string) => readonly DetectedPii[];

/** A detector that finds nothing (benchmarks measuring the queue path alone). */
export const noPiiDetector: PiiDetector = () => [];

/**
 * The PII findings stored with a report: kind, offsets and confidence only, never the text they
 * point at (a detector's `text` field is dropped), sorted by position.
 */
export function storedPiiFindings(detect: PiiDetector, text: string): DetectedPii[] {
  if (text === '') return [];
  return detect(text)
    .map((f) => ({ kind: f.kind, start: f.start, end: f.end, confidence: f.confidence }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
