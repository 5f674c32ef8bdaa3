/**
 * The labelled PII corpus (`core/data/pii-corpus/*.txt`): texts separated by a line `%%`, each
 * labelled span written inline as `[[KIND|text]]`. Loading strips the marks and records the spans.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PII_KINDS, type PiiKind } from '../src/pii/pii-finding.js';

/** A labelled span of a corpus text. */
export interface LabelledSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

/** One corpus text with its labels. */
export interface CorpusText {
  text: string;
  spans: LabelledSpan[];
}

/**
 * The corpus parts: `tuning` (generated; the detector was tuned on it), `heldout` (generated from
 * other sentence banks; only measured), `handwritten` (written text by text; only measured),
 * `batch-a` (written text by text after the hand-written part, scored once, then used to find the
 * detector's weaknesses) and `batch-b` (written after the changes made on batch A; never used for
 * fixing, the unseen figure).
 */
export type CorpusPart = 'tuning' | 'heldout' | 'handwritten' | 'batch-a' | 'batch-b';

/** Every corpus part, in the order the scorer prints them. */
export const CORPUS_PARTS: readonly CorpusPart[] = ['tuning', 'heldout', 'handwritten', 'batch-a', 'batch-b'];

const MARK = /\[\[([A-Z]+)\|([^\]]*)\]\]/g;

/** Strips the `[[KIND|text]]` marks of one text and returns the text with its spans. */
function parseMarkedText(marked: string): CorpusText {
  let text = '';
  const spans: LabelledSpan[] = [];
  let cursor = 0;
  for (const m of marked.matchAll(MARK)) {
    const kind = m[1] as PiiKind;
    if (!(PII_KINDS as readonly string[]).includes(kind)) throw new Error(`unknown kind ${kind} in corpus`);
    text += marked.slice(cursor, m.index);
    const start = text.length;
    text += m[2] ?? '';
    spans.push({ kind, start, end: text.length });
    cursor = m.index + m[0].length;
  }
  text += marked.slice(cursor);
  return { text, spans };
}

/** Reads one part of the corpus from `core/data/pii-corpus/<part>.txt`. */
export function loadCorpus(part: CorpusPart): CorpusText[] {
  const file = fileURLToPath(new URL(`../data/pii-corpus/${part}.txt`, import.meta.url));
  return readFileSync(file, 'utf8')
    .split(/\n%%\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '' && !block.startsWith('#'))
    .map(parseMarkedText);
}
