import { describe, expect, it } from 'vitest';
import { detectLang } from './detect-lang.js';
import { DEFAULT_LANG, LANGS, langCode, otherLang } from './langs.js';

describe('detectLang', () => {
  it('takes an explicit choice when it is exactly a language Relais speaks', () => {
    expect(detectLang({ chosen: 'en', tag: 'fr-FR' })).toBe('en');
    expect(detectLang({ chosen: 'fr', tag: 'en-GB' })).toBe('fr');
    expect(detectLang({ chosen: 'english', tag: 'fr' })).toBe('fr');
    expect(detectLang({ chosen: 'EN' })).toBe('fr');
  });

  it('reads the start of a client tag, case-insensitively, and falls back to French', () => {
    expect(detectLang({ tag: 'en-GB,en;q=0.9' })).toBe('en');
    expect(detectLang({ tag: 'EN' })).toBe('en');
    expect(detectLang({ tag: 'fr-CA' })).toBe('fr');
    expect(detectLang({ tag: 'de-DE,en;q=0.5' })).toBe('fr');
    expect(detectLang({ tag: '' })).toBe('fr');
    expect(detectLang({})).toBe('fr');
  });

  it('recognises every language of LANGS, by choice and by tag', () => {
    for (const lang of LANGS) {
      expect(detectLang({ chosen: lang })).toBe(lang);
      expect(detectLang({ tag: `${lang}-XX` })).toBe(lang);
    }
  });
});

describe('LANGS', () => {
  it('starts with French, the default, and the schema accepts exactly its languages', () => {
    expect(DEFAULT_LANG).toBe('fr');
    for (const lang of LANGS) expect(langCode.parse(lang)).toBe(lang);
    expect(langCode.safeParse('de').success).toBe(false);
  });

  it('offers the other language from each one', () => {
    expect(otherLang('fr')).toBe('en');
    expect(otherLang('en')).toBe('fr');
  });
});
