import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.js';

describe('editDistance', () => {
  it('counts the letters to insert, delete or change', () => {
    expect(editDistance('temoin', 'temoin', 2)).toBe(0);
    expect(editDistance('temoins', 'temoin', 2)).toBe(1);
    expect(editDistance('monpelier', 'montpellier', 2)).toBe(2);
  });

  it('stops at max + 1 when the strings are further apart', () => {
    expect(editDistance('victime', 'witness', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });
});
