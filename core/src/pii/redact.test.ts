import { describe, expect, it } from 'vitest';
import { detectPii } from './detect-pii.js';
import type { PiiFinding } from './pii-finding.js';
import { redact } from './redact.js';

const f = (kind: PiiFinding['kind'], start: number, end: number, text = ''): PiiFinding => ({
  kind,
  start,
  end,
  text,
  confidence: 1,
});

describe('redact', () => {
  it('replaces each finding with its kind', () => {
    const text = 'Kevin au 06 12 34 56 78';
    expect(redact(text, detectPii(text))).toBe('[PERSON] au [PHONE]');
  });

  it('is stable when findings overlap, whatever their order', () => {
    const text = 'abcdefghij';
    const findings = [f('PERSON', 0, 4), f('EMAIL', 2, 6), f('PHONE', 8, 10)];
    const expected = '[EMAIL]gh[PHONE]';
    expect(redact(text, findings)).toBe(expected);
    expect(redact(text, [...findings].reverse())).toBe(expected);
  });

  it('clamps offsets outside the text and ignores empty spans', () => {
    expect(redact('abc', [f('URL', -5, 1), f('IP', 2, 2), f('NIR', 2, 99)])).toBe('[URL]b[NIR]');
  });
});
