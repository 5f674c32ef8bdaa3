import { describe, expect, it } from 'vitest';
import { CORPUS_PARTS, loadCorpus } from '../../scripts/pii-corpus.js';
import { scorePii } from '../../scripts/pii-score.js';
import { detectPii } from './detect-pii.js';
import { ibanValid } from './iban.js';
import { luhnValid } from './luhn.js';
import { nirKeyValid } from './nir.js';

describe('PII detector on the labelled corpus', () => {
  it.each(CORPUS_PARTS)('meets the recall and precision targets of issue 3 on the %s part', (part) => {
    const corpus = loadCorpus(part);
    expect(corpus.length).toBeGreaterThan(100);
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

  it('writes only IBANs, cards and NIRs with valid checksums in the hand-written part', () => {
    const compact = (s: string): string => s.replace(/[\s.-]/g, '').toUpperCase();
    for (const { text, spans } of loadCorpus('handwritten')) {
      for (const span of spans) {
        const value = compact(text.slice(span.start, span.end));
        if (span.kind === 'IBAN') expect(ibanValid(value), value).toBe(true);
        if (span.kind === 'CARD') expect(luhnValid(value), value).toBe(true);
        if (span.kind === 'NIR') expect(value.length === 13 || nirKeyValid(value), value).toBe(true);
      }
    }
  });
});
