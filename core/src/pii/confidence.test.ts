import { describe, expect, it } from 'vitest';
import { isHighConfidence } from './confidence.js';

describe('isHighConfidence', () => {
  it('treats every structural finding as high-confidence and names by their score', () => {
    expect(isHighConfidence({ kind: 'NIR', confidence: 0.6 })).toBe(true);
    expect(isHighConfidence({ kind: 'PERSON', confidence: 0.85 })).toBe(true);
    expect(isHighConfidence({ kind: 'PERSON', confidence: 0.65 })).toBe(false);
  });
});
