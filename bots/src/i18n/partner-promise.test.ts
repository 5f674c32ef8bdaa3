import { describe, expect, it } from 'vitest';
import { LANGS, PARTNER_FIELDS, partnerFieldsSentence } from '@relais/core';
import { en } from './en.js';
import { fr } from './fr.js';

const CATALOGS = { fr, en } as const;

describe('what the bots tell reporters partners see', () => {
  it.each(LANGS)('the privacy notice (“En savoir plus”) names every field of PARTNER_FIELDS, in %s', (lang) => {
    // Telegram's notice and the web's alike.
    for (const privacy of [CATALOGS[lang].conversation.privacy, CATALOGS[lang].conversation.privacyWeb]) {
      expect(privacy).toContain(partnerFieldsSentence(lang));
      for (const field of PARTNER_FIELDS) expect(privacy).toContain(field.labels[lang]);
    }
  });

  it.each(LANGS)('the welcome names the summary fields of PARTNER_FIELDS, in %s', (lang) => {
    const welcome = CATALOGS[lang].conversation.welcome;
    expect(welcome).toContain(partnerFieldsSentence(lang, { summary: true }));
    for (const field of PARTNER_FIELDS.filter((f) => 'inSummary' in f)) expect(welcome).toContain(field.labels[lang]);
  });

  it('promises the month of the facts, never the day, and no follow-up reference to partners', () => {
    expect(fr.conversation.privacy).toContain('mois des faits (jamais le jour)');
    expect(en.conversation.privacy).toContain('month of the acts (never the day)');
    expect(fr.conversation.privacy).toContain('(pas votre référence de suivi)');
    expect(en.conversation.welcome).toContain('Never your contact details or your follow-up reference');
  });
});
