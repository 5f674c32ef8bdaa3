import { describe, expect, it } from 'vitest';
import { communesOf, isKnownPostalCode } from './postal-communes.js';
import { postalCode } from '../report/report-submission.js';

describe('postal codes', () => {
  it('knows the codes of Montpellier, Paris, Corsica and overseas, and their communes', () => {
    for (const code of ['34000', '34090', '75011', '20000', '97400', '01400'])
      expect(isKnownPostalCode(code)).toBe(true);
    expect(communesOf('34000')).toEqual(['Montpellier']);
    expect(communesOf('20000')).toEqual(['Ajaccio']);
  });

  it('rejects codes that have the right shape but serve no commune', () => {
    for (const code of ['34999', '00000', '99999', '75999', '3400', 'abcde'])
      expect(isKnownPostalCode(code)).toBe(false);
    expect(communesOf('34999')).toEqual([]);
    expect(communesOf('constructor')).toEqual([]);
  });

  it('only holds codes the submission schema accepts', () => {
    expect(postalCode.safeParse('34000').success).toBe(true);
    expect(isKnownPostalCode('toString')).toBe(false);
  });
});
