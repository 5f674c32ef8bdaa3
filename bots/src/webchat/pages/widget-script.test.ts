import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGS } from '@relais/core';
import { CATALOGS } from '../../i18n/catalog.js';
import { widgetScript } from './tunnel-routes.js';

const source = readFileSync(fileURLToPath(new URL('../../../public/widget.js', import.meta.url)), 'utf8');

describe('widget.js as served', () => {
  it('carries the widget texts of every language, from the catalogs', () => {
    const served = widgetScript(source);
    expect(served).not.toContain('/* relais:widget-texts */');
    const texts = JSON.parse(
      /const TEXTS = \/\*\* @type \{[^}]+\} \*\/ \((.*)\);\n/.exec(served)?.[1] ?? 'null',
    ) as unknown;
    expect(texts).toEqual(Object.fromEntries(LANGS.map((lang) => [lang, CATALOGS[lang].widget])));
    expect(Object.keys(texts as object)).toEqual([...LANGS]);
  });

  it('holds no text of its own: they all live in the catalogs', () => {
    for (const lang of LANGS)
      for (const text of Object.values(CATALOGS[lang].widget)) expect(source).not.toContain(text);
  });

  it('refuses a widget.js that lost the place of its texts', () => {
    expect(() => widgetScript('(() => {})();')).toThrow(/relais:widget-texts/);
  });
});
