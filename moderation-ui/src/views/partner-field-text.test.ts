import { describe, expect, it } from 'vitest';
import { PARTNER_FIELDS, type PartnerField } from '@relais/core';
import type { PartnerReport } from '@relais/db';
import { partnerFieldText } from './partner-field-text.js';

const report: PartnerReport = {
  partner_ref: 'P-3F2A-9C1D-77E0',
  act_types: ['insult'],
  motives: [],
  occurred_month: '2026-11',
  location_kind: 'online',
  postal_code: null,
  commune: null,
  departement: null,
  place_type: null,
  reporter_role: 'witness',
  complaint: null,
  tunnel: null,
  categories: [],
  released_at: null,
  anonymised_text: null,
};
const field = (column: string): PartnerField => PARTNER_FIELDS.find((f) => f.column === column)!;

describe('partnerFieldText', () => {
  it('shows the month of the facts as a month, in French and English', () => {
    expect(partnerFieldText(field('occurred_month'), report, 'fr')).toBe('novembre 2026');
    expect(partnerFieldText(field('occurred_month'), report, 'en')).toBe('November 2026');
    expect(partnerFieldText(field('occurred_month'), { ...report, occurred_month: null }, 'fr')).toBe('—');
  });

  it('names codes and shows a dash for what is empty', () => {
    expect(partnerFieldText(field('act_types'), report, 'fr')).toBe('Insultes, injures');
    expect(partnerFieldText(field('location_kind'), report, 'en')).toBe('Online');
    expect(partnerFieldText(field('motives'), report, 'fr')).toBe('—');
    expect(partnerFieldText(field('postal_code'), report, 'fr')).toBe('—');
    expect(partnerFieldText(field('partner_ref'), report, 'fr')).toBe('P-3F2A-9C1D-77E0');
    const tagged = { ...report, categories: ['insult', 'minor', 'in_danger'] };
    expect(partnerFieldText(field('categories'), tagged, 'fr')).toBe(
      'Insultes, injures, Victime mineure, En danger au moment du signalement',
    );
  });
});
