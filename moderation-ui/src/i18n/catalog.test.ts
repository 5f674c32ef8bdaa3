import { describe, expect, it } from 'vitest';
import { LANGS } from '@relais/core';
import { SafeHtml } from '../views/html.js';
import { UI_CATALOGS, isUiKey, translate, translateHtml } from './catalog.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('moderation UI catalogs', () => {
  it('every language has every French key, with the same placeholders', () => {
    const fr = UI_CATALOGS.fr;
    for (const lang of LANGS) {
      const catalog = UI_CATALOGS[lang];
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(fr).sort());
      for (const [key, text] of Object.entries(fr))
        expect(placeholders(catalog[key as keyof typeof fr]), `${lang} ${key}`).toEqual(placeholders(text));
    }
  });

  it('no language leaves a message empty', () => {
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(UI_CATALOGS[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('renders a message as markup: its text escaped, markup params kept', () => {
    const summary = translateHtml('fr', 'digest.summary', {
      from: '2026-11-16',
      to: '2026-11-22',
      total: new SafeHtml('<strong>3</strong>'),
      previous: '<b>',
    });
    expect(summary.value).toBe(
      'Du 2026-11-16 au 2026-11-22 : <strong>3</strong> signalement(s) publiés ; &lt;b&gt; au cours des 12 semaines précédentes.',
    );
    expect(translateHtml('fr', 'partners.caption', {}).value).toContain('s&#39;il a l&#39;un des codes postaux');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('fr', 'error.loginThrottled', { minutes: 3 })).toBe(
      'Trop de tentatives de connexion échouées. Attendez 3 minute(s) et réessayez.',
    );
    expect(translate('en', 'error.badWeek', {})).toBe('{week} is not an ISO week (e.g. 2026-W47).');
  });

  it('tells catalog keys from other strings', () => {
    expect(isUiKey('validation.giveReason')).toBe(true);
    expect(isUiKey('Required')).toBe(false);
  });
});
