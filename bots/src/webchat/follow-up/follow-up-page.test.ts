import { describe, expect, it } from 'vitest';
import { followUpPage } from './follow-up-page.js';
import { CATALOGS } from '../../i18n/catalog.js';

const FOLLOW_UP_TEXTS = { fr: CATALOGS.fr.followUpPage, en: CATALOGS.en.followUpPage };

describe('follow-up page', () => {
  it('has the same texts in French and English', () => {
    expect(Object.keys(FOLLOW_UP_TEXTS.en).sort()).toEqual(Object.keys(FOLLOW_UP_TEXTS.fr).sort());
    for (const [key, text] of Object.entries(FOLLOW_UP_TEXTS.fr)) {
      expect(text.match(/\{\w+\}/g) ?? [], key).toEqual(
        FOLLOW_UP_TEXTS.en[key as keyof typeof FOLLOW_UP_TEXTS.en].match(/\{\w+\}/g) ?? [],
      );
    }
  });

  it('runs no inline script and names its inputs, in the language asked', () => {
    for (const lang of ['fr', 'en'] as const) {
      const html = followUpPage(lang);
      expect(html).toContain(`<html lang="${lang}">`);
      const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
      expect(scripts).toEqual([' type="application/json" id="follow-texts"', ' src="/follow.js" defer']);
      expect(html).not.toMatch(/\son[a-z]+=/);
      expect(html).toContain(`<label for="reference">${FOLLOW_UP_TEXTS[lang].referenceLabel}</label>`);
      expect(html).toContain('<label for="phrase">');
    }
  });

  it('keeps its texts inert inside the JSON block', () => {
    const json =
      /<script type="application\/json" id="follow-texts">(.*?)<\/script>/s.exec(followUpPage('fr'))?.[1] ?? '';
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toMatchObject({ lang: 'fr', locale: 'fr-FR', title: FOLLOW_UP_TEXTS.fr.title });
  });
});
