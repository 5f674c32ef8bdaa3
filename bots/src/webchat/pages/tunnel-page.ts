import { otherLang, type Lang } from '@relais/core';
import { CATALOGS } from '../../i18n/catalog.js';
import { escapeHtml as escape, pageHead } from './page-head.js';

/**
 * The reporting page: the chat widget (tagged with `tunnel`, if any) right under the title, so that
 * its first question and its emergency line are on the first screen of a phone (the frame carries
 * the emergency numbers itself), then the intro and the emergency numbers again for a browser that
 * cannot run the chat.
 */
export function tunnelPage(lang: Lang, tunnel: string | null): string {
  const t = CATALOGS[lang].tunnelPage;
  const other = otherLang(lang);
  const tunnelAttr = tunnel ? ` data-tunnel="${escape(tunnel)}"` : '';
  return `${pageHead(lang, t.title, ['/report.css'])}
<body>
<main>
<h1>${escape(t.title)}</h1>
<div id="chat"></div>
<p>${escape(t.intro)}</p>
<aside class="emergency" aria-labelledby="emergency-title"><h2 id="emergency-title">${escape(t.emergencyTitle)}</h2><p>${escape(t.emergency)}</p></aside>
<p class="follow"><a href="/report/follow?lang=${lang}">${escape(t.follow)}</a></p>
<p class="privacy">${escape(t.privacy)}</p>
<p class="lang"><a href="?lang=${other}" hreflang="${other}">${escape(t.otherLang)}</a></p>
</main>
<script src="/widget.js" data-target="#chat" data-lang="${lang}"${tunnelAttr} defer></script>
</body>
</html>`;
}

/** The 404 page of an unknown tunnel: plain, and it still shows the emergency numbers. */
export function unknownTunnelPage(lang: Lang): string {
  const t = CATALOGS[lang].tunnelPage;
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.notFoundTitle)}</title><link rel="stylesheet" href="/report.css"></head>
<body><main>
<h1>${escape(t.notFoundTitle)}</h1>
<p>${escape(t.notFound)} <a href="/report?lang=${lang}">${escape(t.other)}</a></p>
<aside class="emergency" aria-labelledby="emergency-title"><h2 id="emergency-title">${escape(t.emergencyTitle)}</h2><p>${escape(t.emergency)}</p></aside>
</main></body>
</html>`;
}
