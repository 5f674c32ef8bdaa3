import { describe, expect, it } from 'vitest';
import { parsePlace } from './commune-answer.js';

const montpellier = ['34000', '34070', '34080', '34090'].map((postalCode) => ({
  postalCode,
  insee: '34172',
  name: 'Montpellier',
  departement: '34',
}));

describe('parsePlace', () => {
  it('reads a postal code as before', () => {
    expect(parsePlace('34 000')).toEqual({ kind: 'code', postalCode: '34000' });
    expect(parsePlace('34000 Montpellier')).toEqual({ kind: 'code', postalCode: '34000' });
    expect(parsePlace('34999')).toEqual({ kind: 'unknownCode', postalCode: '34999' });
  });

  it('finds a commune by its name, with every code to choose from', () => {
    for (const typed of [
      'Montpellier',
      'montpellier',
      'à Montpellier',
      'Montpellier 34',
      'au Corum à Montpellier',
      'Corum, Montpellier',
      'Monpellier',
    ])
      expect(parsePlace(typed), typed).toEqual({ kind: 'communes', codes: montpellier });
    expect(parsePlace('Sète')).toEqual({
      kind: 'communes',
      codes: [{ postalCode: '34200', insee: '34301', name: 'Sète', departement: '34' }],
    });
  });

  it('narrows a shared name by its département', () => {
    const answer = parsePlace('Saint-Denis (93)');
    expect(answer.kind).toBe('communes');
    if (answer.kind === 'communes') expect(new Set(answer.codes.map((c) => c.insee))).toEqual(new Set(['93066']));
  });

  it('accepts "je ne sais pas", in French or English', () => {
    for (const typed of ['je ne sais pas', 'Je sais pas', "I don't know", 'idk'])
      expect(parsePlace(typed), typed).toEqual({ kind: 'dontKnow' });
  });

  it('says when a place is not a commune', () => {
    for (const typed of ['Corum', 'près du tram', '', 'x'.repeat(120)])
      expect(parsePlace(typed), typed).toEqual({ kind: 'notFound' });
  });
});
