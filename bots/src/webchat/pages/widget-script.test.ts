import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGS } from '@relais/core';
import { CATALOGS } from '../../i18n/catalog.js';
import { widgetScript } from './tunnel-routes.js';

const read = (file: string) => readFileSync(fileURLToPath(new URL(`../../../public/${file}`, import.meta.url)), 'utf8');
const source = read('widget.js');

describe('widget.js as served', () => {
  it('carries the widget texts of every language, from the catalogs', () => {
    const served = widgetScript(source, 'https://relais.example.org/');
    expect(served).not.toContain('/* relais:widget-texts */');
    const texts = JSON.parse(
      /const TEXTS = \/\*\* @type \{[^}]+\} \*\/ \((.*)\);\n/.exec(served)?.[1] ?? 'null',
    ) as unknown;
    expect(texts).toEqual(Object.fromEntries(LANGS.map((lang) => [lang, CATALOGS[lang].widget])));
    expect(Object.keys(texts as object)).toEqual([...LANGS]);
  });

  it('opens its chat frame at the configured public URL, never where the script happened to be loaded from', () => {
    const served = widgetScript(source, 'https://relais.example.org/base/');
    expect(served).toContain('String("https://relais.example.org")');
    expect(served).not.toContain('/* relais:public-url */');
  });

  it('holds no text of its own: they all live in the catalogs', () => {
    for (const lang of LANGS)
      for (const text of Object.values(CATALOGS[lang].widget))
        for (const file of [source, read('chat.js')]) expect(file).not.toContain(text);
  });

  it('refuses a widget.js that lost the place of its texts', () => {
    expect(() => widgetScript('(() => {})();', 'https://relais.example.org')).toThrow(/relais:widget-texts/);
  });
});
