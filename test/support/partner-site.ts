import { createServer, type Server } from 'node:http';

/** A partner's web page on its own origin, embedding the Relais widget with the one-line script tag. */
export interface PartnerSite {
  /** The page's address (another origin than the bots service's). */
  readonly url: string;
  close(): Promise<void>;
}

/** What the partner page embeds: the widget's `data-*` attributes. */
export interface PartnerEmbed {
  readonly tunnel?: string;
  readonly lang?: string;
}

/**
 * Serves, on another loopback port, a long city page (so that any scrolling of the host page
 * shows) with the widget embedded in the middle by one `<script src="…/widget.js">` tag, under a
 * strict CSP of its own, as a careful partner would have. The page has a link before and after the
 * widget, so keyboard tests can tab into it and out of it; the heading just above it (`#signaler`)
 * takes the focus, as a skip link would bring a person there.
 */
export async function startPartnerSite(botsUrl: string, embed: PartnerEmbed = {}): Promise<PartnerSite> {
  const attrs = [
    embed.tunnel ? ` data-tunnel="${embed.tunnel}"` : '',
    embed.lang ? ` data-lang="${embed.lang}"` : '',
  ].join('');
  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => `<p>Actualité municipale n° ${i + 1} : travaux, marchés, culture.</p>`).join(
      '',
    );
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Ville partenaire</title></head>
<body><main><h1>Ville partenaire : signaler un acte anti-LGBT+</h1><p><a href="/avant">Avant le signalement</a></p>${filler(30)}
<h2 id="signaler" tabindex="-1">Signaler</h2>
<script src="${botsUrl}/widget.js"${attrs} defer></script>
<p><a href="/apres">Après le signalement</a></p>${filler(30)}</main></body></html>`;
  const server: Server = createServer((_request, response) => {
    response
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'none'; script-src ${botsUrl}; frame-src ${botsUrl}`,
      })
      .end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
