import type { FastifyRequest } from 'fastify';
import { DIGEST_DIMENSIONS, type DigestContent, type DigestDimension, type DigestReport } from '@relais/core';
import type { PartnerDigest } from '@relais/db';
import { html } from './html.js';
import { actLabel, when } from './labels.js';
import { chartFigure } from './chart-figure.js';
import { DIGEST_DIMENSION_LABELS } from './dimension-labels.js';
import { layout } from './layout.js';

/** How a digest's e-mail went, in words (`not_configured`: no relay, or no address: not mailed). */
function deliveryLabel(d: Pick<PartnerDigest, 'email_status' | 'emailed_at'>): string {
  switch (d.email_status) {
    case 'sent':
      return `Envoyée par e-mail le ${when(d.emailed_at)}`;
    case 'not_configured':
      return 'Non envoyée par e-mail (consultable ici seulement)';
    case 'failed':
      return 'Envoi par e-mail en échec, nouvel essai prévu';
    default:
      return 'Envoi par e-mail en cours';
  }
}

/** The archive of a partner's weekly digests. */
export function digestArchivePage(request: FastifyRequest, digests: readonly PartnerDigest[]) {
  const rows = digests.map((d) => {
    const content = d.content as unknown as DigestContent;
    return html`<tr><td><a href="/partner/digests/${d.iso_week}">${d.iso_week}</a></td><td>${content.period.from} – ${content.period.to}</td><td>${content.week.total}</td><td>${when(d.created_at)}</td><td>${deliveryLabel(d)}</td></tr>`;
  });
  return layout(
    request,
    'Synthèses hebdomadaires',
    html`<table><caption>Une synthèse par semaine, le lundi à 8 h</caption><thead><tr><th scope="col">Semaine</th><th scope="col">Période</th><th scope="col">Signalements publiés</th><th scope="col">Établie le (UTC)</th><th scope="col">E-mail</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="5">Aucune synthèse pour l’instant.</td></tr>`}</tbody></table>`,
  );
}

/**
 * One weekly digest as the partner sees it in the UI: its stored aggregates, and the week's
 * reports as they are now (`reports`, read live: flagged or erased ones are gone).
 */
export function digestPage(request: FastifyRequest, digest: PartnerDigest, reports: readonly DigestReport[]) {
  const c = digest.content as unknown as DigestContent;
  const breakdown = (d: DigestDimension) => {
    const { title, label } = DIGEST_DIMENSION_LABELS[d];
    const cells = Object.entries(c.week.by[d]).sort((a, b) => b[1] - a[1]);
    return html`<table><caption>${title}</caption><thead><tr><th scope="col">Valeur</th><th scope="col">Cette semaine</th><th scope="col">12 semaines précédentes</th></tr></thead>
<tbody>${cells.map(([k, n]) => html`<tr><td>${label(k)}</td><td>${n}</td><td>${c.previous12Weeks.by[d][k] ?? 0}</td></tr>`)}</tbody></table>`;
  };
  return layout(
    request,
    `Synthèse ${c.isoWeek}`,
    html`<p>Du ${c.period.from} au ${c.period.to} : <strong>${c.week.total}</strong> signalement(s) publiés ; ${c.previous12Weeks.total} au cours des 12 semaines précédentes.</p>
<p id="delivery">${deliveryLabel(digest)}.</p>
<p><a href="/api/partner/digests/${c.isoWeek}.csv">Exporter les chiffres en CSV (petits effectifs masqués, journalisé)</a></p>
${chartFigure({ title: 'Évolution : signalements publiés par semaine', labels: c.trend.map((w) => w.isoWeek), values: c.trend.map((w) => w.total), kind: 'line' }, ['Semaine', 'Signalements'])}
${DIGEST_DIMENSIONS.map(breakdown)}
<h2>Signalements publiés cette semaine</h2>
<p class="muted">Tels qu’ils sont visibles aujourd’hui : un signalement signalé à l’association ou effacé depuis n’apparaît plus.</p>
<ul class="digest-reports">${reports.length ? reports.map((r) => html`<li><strong>${r.reference}</strong> · ${r.postalCode ?? '—'} · ${r.categories.map(actLabel).join(', ')}<div class="text">${r.anonymisedText ?? ''}</div></li>`) : html`<li>Aucun signalement visible.</li>`}</ul>
<p><a href="/partner/digests">Toutes les synthèses</a></p>`,
    { charts: true },
  );
}
