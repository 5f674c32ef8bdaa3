import { describe, expect, it } from 'vitest';
import { LANGS } from '@relais/core';
import { UI_CATALOGS, isUiKey, translate } from './catalog.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('moderation UI catalogs', () => {
  it('every language has every French key, with the same placeholders', () => {
    const fr = UI_CATALOGS.fr;
    for (const lang of LANGS) {
      const catalog = UI_CATALOGS[lang];
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(fr).sort());
      for (const [key, text] of Object.entries(fr)) expect(placeholders(catalog[key as keyof typeof fr]), `${lang} ${key}`).toEqual(placeholders(text));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('fr', 'error.loginThrottled', { minutes: 3 })).toBe('Trop de tentatives de connexion échouées. Attendez 3 minute(s) et réessayez.');
    expect(translate('en', 'error.badWeek', {})).toBe('{week} is not an ISO week (e.g. 2026-W47).');
  });

  it('tells catalog keys from other strings', () => {
    expect(isUiKey('validation.giveReason')).toBe(true);
    expect(isUiKey('Required')).toBe(false);
  });
});
