import { describe, expect, it } from 'vitest';
import { tunnelPage, unknownTunnelPage } from './tunnel-page.js';

describe('tunnel pages', () => {
  it('offer the other language by its own name, and keep the language in their links', () => {
    const fr = tunnelPage('fr', 'montpellier');
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('<h1>Signaler un acte anti-LGBT+</h1>');
    expect(fr).toContain('<p class="lang"><a href="?lang=en" hreflang="en">English</a></p>');
    expect(fr).toContain('data-lang="fr" data-tunnel="montpellier"');
    const en = tunnelPage('en', null);
    expect(en).toContain('<h1>Report an anti-LGBT+ act</h1>');
    expect(en).toContain('<p class="lang"><a href="?lang=fr" hreflang="fr">Français</a></p>');
    expect(en).toContain(
      '<a href="/report/follow?lang=en">Follow my report (with its reference and secret phrase)</a>',
    );
  });

  it('show the emergency numbers on the page of an unknown tunnel', () => {
    expect(unknownTunnelPage('fr')).toContain('Appelez le 17 (police) ou le 112, ou envoyez un SMS au 114.');
    expect(unknownTunnelPage('en')).toContain('<a href="/report?lang=en">Make a report</a>');
  });
});
