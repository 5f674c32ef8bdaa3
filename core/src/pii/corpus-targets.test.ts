import { describe, expect, it } from 'vitest';
import { CORPUS_PARTS, loadCorpus, type CorpusPart } from '../../scripts/pii-corpus.js';
import { scorePii } from '../../scripts/pii-score.js';
import { detectPii } from './detect-pii.js';
import { ibanValid } from './iban.js';
import { luhnValid } from './luhn.js';
import { nirKeyValid } from './nir.js';

/** Texts each part holds at least: batch A (120) and batch B (80) were written as fixed batches. */
const MIN_TEXTS: Readonly<Record<CorpusPart, number>> = {
  tuning: 300,
  heldout: 150,
  handwritten: 300,
  'batch-a': 120,
  'batch-b': 80,
};

describe('PII detector on the labelled corpus', () => {
  it.each(CORPUS_PARTS)('meets the recall and precision targets of issue 3 on the %s part', (part) => {
    const corpus = loadCorpus(part);
    expect(corpus.length).toBeGreaterThanOrEqual(MIN_TEXTS[part]);
    const score = scorePii(corpus, detectPii);
    expect(score.failures).toEqual([]);
  });

  it('holds at least 300 texts, some without any identifying detail', () => {
    const corpus = [...loadCorpus('tuning'), ...loadCorpus('heldout')];
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(corpus.filter((t) => t.spans.length === 0).length).toBeGreaterThan(30);
  });

  it('has a hand-written part of at least 150 texts, 30 of them without any identifying detail', () => {
    const corpus = loadCorpus('handwritten');
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(corpus.filter((t) => t.spans.length === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('has batches A and B written after the hand-written part, with texts without any person', () => {
    const withoutPerson = (part: CorpusPart): number =>
      loadCorpus(part).filter((t) => !t.spans.some((s) => s.kind === 'PERSON')).length;
    expect(withoutPerson('batch-a')).toBeGreaterThanOrEqual(20);
    expect(withoutPerson('batch-b')).toBeGreaterThanOrEqual(12);
  });

  it('writes only IBANs, cards and NIRs with valid checksums in the hand-written parts', () => {
    const compact = (s: string): string => s.replace(/[\s.-]/g, '').toUpperCase();
    for (const { text, spans } of [...loadCorpus('handwritten'), ...loadCorpus('batch-a'), ...loadCorpus('batch-b')]) {
      for (const span of spans) {
        const value = compact(text.slice(span.start, span.end));
        if (span.kind === 'IBAN') expect(ibanValid(value), value).toBe(true);
        if (span.kind === 'CARD') expect(luhnValid(value), value).toBe(true);
        if (span.kind === 'NIR') expect(value.length === 13 || nirKeyValid(value), value).toBe(true);
      }
    }
  });
});
