import { describe, expect, it } from 'vitest';
import { communeKey, communesNamed } from './commune-lookup.js';

describe('communesNamed', () => {
  it('finds a commune and every postal code that serves it, however its name is typed', () => {
    for (const typed of ['Montpellier', 'montpellier', ' MONTPELLIER ', 'Monpellier'])
      expect(communesNamed(typed), typed).toEqual([
        { insee: '34172', name: 'Montpellier', departement: '34', postalCodes: ['34000', '34070', '34080', '34090'] },
      ]);
    expect(communesNamed('Montpelier').map((c) => c.name)).toEqual(['Montpellier', 'Montélier']);
    expect(communesNamed('Monpellier', false)).toEqual([]);
    expect(communesNamed('st etienne').map((c) => c.insee)).toEqual(['42218']);
    expect(communesNamed('Sète')[0]?.postalCodes).toEqual(['34200']);
  });

  it('returns every commune that bears a shared name', () => {
    const saintDenis = communesNamed('Saint-Denis');
    expect(saintDenis.length).toBeGreaterThan(2);
    expect(saintDenis.map((c) => c.departement)).toEqual(expect.arrayContaining(['93', '974']));
  });

  it('finds nothing for a place that is not a commune, or a too short word', () => {
    expect(communesNamed('Corum')).toEqual([]);
    expect(communesNamed('xx')).toEqual([]);
    expect(communesNamed('')).toEqual([]);
  });

  it('reads St and Ste as Saint and Sainte', () => {
    expect(communeKey('St-Jean-de-Luz')).toBe('saint jean de luz');
    expect(communeKey('Ste-Foy')).toBe('sainte foy');
  });
});
