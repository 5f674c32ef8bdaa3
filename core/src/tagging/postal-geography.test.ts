import { describe, expect, it } from 'vitest';
import { departementOf } from './postal-geography.js';

describe('departementOf', () => {
  it('reads metropolitan, Corsican and overseas départements', () => {
    expect(departementOf('34000')).toBe('34');
    expect(departementOf('01000')).toBe('01');
    expect(departementOf('20000')).toBe('2A');
    expect(departementOf('20200')).toBe('2B');
    expect(departementOf('97400')).toBe('974');
  });
  it('refuses what is no postal code', () => {
    expect(departementOf('00123')).toBeUndefined();
    expect(departementOf('3400')).toBeUndefined();
  });
});
