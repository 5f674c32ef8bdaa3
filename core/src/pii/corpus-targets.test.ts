import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../scripts/pii-corpus.js';
import { scorePii } from '../../scripts/pii-score.js';
import { detectPii } from './detect-pii.js';

describe('PII detector on the labelled corpus', () => {
  it.each(['tuning', 'heldout'] as const)('meets the recall and precision targets of issue 3 on the %s part', (part) => {
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
});
