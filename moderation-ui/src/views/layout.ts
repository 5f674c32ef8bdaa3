import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from './html.js';
import { STYLES } from './styles.js';

/**
 * A full page: `<head>` with the nonce'd style and script (and Chart.js with `charts`), navigation
 * for the signed-in role, `main`.
 */
export function layout(request: FastifyRequest, title: string, main: SafeHtml, options: { charts?: boolean } = {}): SafeHtml {
  const auth = request.auth;
  const nonce = request.cspNonce;
  const links: Array<[string, string]> = [];
  if (auth?.role === 'moderator' || auth?.role === 'admin') links.push(['/staff', 'File de modération']);
  if (auth?.role === 'admin') {
    links.push(['/admin/partners', 'Partenaires'], ['/admin/accounts', 'Comptes'], ['/admin/safe-places', 'Lieux sûrs'], ['/admin/audit', 'Journal d’audit']);
  }
  if (auth?.role === 'partner') links.push(['/partner', 'Signalements'], ['/partner/stats', 'Statistiques'], ['/partner/digests', 'Synthèses']);
  if (auth) links.push(['/account', 'Mon compte']);
  return html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · Relais</title>
<style nonce="${nonce}">${STYLES}</style>
<script nonce="${nonce}" src="/assets/app.js" defer></script>
${options.charts ? html`<script nonce="${nonce}" src="/assets/chart.umd.min.js" defer></script><script nonce="${nonce}" src="/assets/charts.js" defer></script>` : null}
</head>
<body>
<a class="skip" href="#main">Aller au contenu</a>
<header>
<nav aria-label="Navigation principale">
<span class="brand">Relais</span>
<ul>${links.map(([href, label]) => html`<li><a href="${href}">${label}</a></li>`)}</ul>
${auth
  ? html`<form method="post" action="/api/auth/logout" class="inline"><input type="hidden" name="_csrf" value="${auth.session.csrf}"><button type="submit">Se déconnecter (${auth.displayName})</button></form>`
  : null}
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
