import { describe, expect, it } from 'vitest';
import { communeLabel, postalPlace } from './postal-communes.js';

describe('postalPlace', () => {
  it('finds the commune, its INSEE code and département of a postal code', () => {
    expect(postalPlace('34000')).toEqual({ communes: [{ insee: '34172', name: 'Montpellier' }], departement: '34' });
    expect(postalPlace('20090')).toMatchObject({ departement: '2A', communes: [{ insee: '2A004', name: 'Ajaccio' }] });
    expect(postalPlace('97400')).toMatchObject({ departement: '974', communes: [{ name: 'Saint-Denis' }] });
  });

  it('names every commune of a shared postal code', () => {
    const place = postalPlace('01000')!;
    expect(communeLabel(place)).toBe('Bourg-en-Bresse / Saint-Denis-lès-Bourg');
    expect(place.departement).toBe('01');
  });

  it('takes the département from the communes, not from the first digits, when they differ', () => {
    // 94390 (Orly airport) serves Paray-Vieille-Poste, in Essonne; 97133 is Saint-Barthélemy.
    expect(postalPlace('94390')?.departement).toBe('91');
    expect(postalPlace('97133')?.departement).toBe('977');
    // 05110 serves communes of both 04 and 05: the code's own digits decide.
    expect(postalPlace('05110')?.departement).toBe('05');
  });

  it('knows no commune for a code that serves none', () => {
    expect(postalPlace('99999')).toBeUndefined();
    expect(postalPlace('34999')).toBeUndefined();
  });
});
