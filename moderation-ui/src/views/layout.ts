import type { FastifyRequest } from 'fastify';
import { t, uiLang } from '../i18n/ui-lang.js';
import { html, type SafeHtml } from './html.js';
import { STYLES } from './styles.js';

/**
 * A full page: `<head>` with the nonce'd style and script (and Chart.js with `charts`), navigation
 * for the signed-in role, `main`.
 */
export function layout(
  request: FastifyRequest,
  title: string,
  main: SafeHtml,
  options: { charts?: boolean } = {},
): SafeHtml {
  const auth = request.auth;
  const nonce = request.cspNonce;
  const links: Array<[string, string]> = [];
  const nav = (href: string, key: Parameters<typeof t>[1]): [string, string] => [href, t(request, key)];
  if (auth?.role === 'moderator' || auth?.role === 'admin') links.push(nav('/staff', 'nav.queue'));
  if (auth?.role === 'admin') {
    links.push(
      nav('/admin/partners', 'nav.partners'),
      nav('/admin/accounts', 'nav.accounts'),
      nav('/admin/safe-places', 'nav.safePlaces'),
      nav('/admin/audit', 'nav.audit'),
    );
  }
  if (auth?.role === 'partner')
    links.push(
      nav('/partner', 'nav.reports'),
      nav('/partner/stats', 'nav.stats'),
      nav('/partner/digests', 'nav.digests'),
    );
  if (auth) links.push(nav('/account', 'nav.account'));
  const brand = t(request, 'layout.brand');
  return html`<!doctype html>
<html lang="${uiLang(request)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · ${brand}</title>
<style nonce="${nonce}">${STYLES}</style>
<script nonce="${nonce}" src="/assets/app.js" defer></script>
${options.charts ? html`<script nonce="${nonce}" src="/assets/chart.umd.min.js" defer></script><script nonce="${nonce}" src="/assets/charts.js" defer></script>` : null}
</head>
<body>
<a class="skip" href="#main">${t(request, 'layout.skip')}</a>
<header>
<nav aria-label="${t(request, 'layout.nav')}">
<span class="brand">${brand}</span>
<ul>${links.map(([href, label]) => html`<li><a href="${href}">${label}</a></li>`)}</ul>
${
  auth
    ? html`<form method="post" action="/api/auth/logout" class="inline"><input type="hidden" name="_csrf" value="${auth.session.csrf}"><button type="submit">${t(request, 'layout.signOut', { name: auth.displayName })}</button></form>`
    : null
}
</nav>
</header>
<main id="main">
<h1>${title}</h1>
${main}
</main>
</body>
</html>`;
}

/** The hidden CSRF field every form of a signed-in page carries. */
export function csrfField(request: FastifyRequest): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${request.auth?.session.csrf ?? ''}">`;
}
