import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n/langs.js';
import { formatFactsMonth } from './facts-month.js';
import { PARTNER_FIELDS, partnerFieldsSentence, type PartnerField } from './partner-fields.js';

describe('PARTNER_FIELDS', () => {
  it('names each field once, by key and by column, with a label in every language', () => {
    expect(new Set(PARTNER_FIELDS.map((f) => f.key)).size).toBe(PARTNER_FIELDS.length);
    expect(new Set(PARTNER_FIELDS.map((f) => f.column)).size).toBe(PARTNER_FIELDS.length);
    for (const f of PARTNER_FIELDS) for (const lang of LANGS) expect(f.labels[lang].trim()).not.toBe('');
  });

  it('gives partners the month of the facts and a partner identifier, never the day or the follow-up reference', () => {
    const columns: readonly string[] = PARTNER_FIELDS.map((f) => f.column);
    expect(columns).toContain('occurred_month');
    expect(columns).toContain('partner_ref');
    for (const never of ['occurred_on', 'occurred_precision', 'reference', 'id', 'description_enc', 'contact_enc'])
      expect(columns).not.toContain(never);
  });
});

describe('partnerFieldsSentence', () => {
  it('lists every field’s label in order, in French and English', () => {
    expect(partnerFieldsSentence('fr')).toBe(PARTNER_FIELDS.map((f) => f.labels.fr).join(' ; '));
    expect(partnerFieldsSentence('en')).toBe(PARTNER_FIELDS.map((f) => f.labels.en).join('; '));
    expect(partnerFieldsSentence('fr')).toContain('mois des faits (jamais le jour)');
    expect(partnerFieldsSentence('en')).toContain('month of the acts (never the day)');
  });

  it('names only the summary fields when asked for the short version', () => {
    expect(partnerFieldsSentence('fr', { summary: true })).toBe(
      'type de faits, mois des faits (jamais le jour), code postal et texte réécrit par l’équipe sans nom ni détail identifiant',
    );
    expect(partnerFieldsSentence('en', { summary: true })).toBe(
      'kind of acts, month of the acts (never the day), postal code and text rewritten by the staff without names or identifying details',
    );
  });

  it('follows the list: a field added or removed changes the sentence', () => {
    const extra: PartnerField = { key: 'x', column: 'x', kind: 'code', labels: { fr: 'âge', en: 'age' } };
    expect(partnerFieldsSentence('en', { fields: [...PARTNER_FIELDS, extra] })).toBe(
      `${partnerFieldsSentence('en')}; age`,
    );
    expect(partnerFieldsSentence('fr', { fields: PARTNER_FIELDS.slice(1) })).not.toContain(PARTNER_FIELDS[0].labels.fr);
  });
});

describe('formatFactsMonth', () => {
  it('shows a month as a month, in French and English', () => {
    expect(formatFactsMonth('2026-11', 'fr')).toBe('novembre 2026');
    expect(formatFactsMonth('2026-11', 'en')).toBe('November 2026');
  });

  it('refuses a day, so none can be shown by mistake', () => {
    expect(() => formatFactsMonth('2026-11-01', 'fr')).toThrow(/YYYY-MM/);
    expect(() => formatFactsMonth('2026-13', 'en')).toThrow(/YYYY-MM/);
  });
});
