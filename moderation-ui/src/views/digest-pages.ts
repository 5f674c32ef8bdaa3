import type { FastifyRequest } from 'fastify';
import type { DigestContent, DigestDimension } from '@relais/core';
import type { PartnerDigest } from '@relais/db';
import { html } from './html.js';
import { actLabel, motiveLabel, placeLabel, when } from './labels.js';
import { chartFigure } from './chart-figure.js';
import { layout } from './layout.js';

const TITLES: Record<DigestDimension, [string, (k: string) => string]> = {
  actType: ['Par type d’acte', actLabel],
  motive: ['Par motif', motiveLabel],
  placeType: ['Par type de lieu', placeLabel],
  reporterRole: ['Victimes et témoins', (k) => (k === 'victim' ? 'Victime' : k === 'witness' ? 'Témoin' : 'Non précisé')],
  complaint: ['Plainte', (k) => k],
  postalCode: ['Par code postal', (k) => k],
};

/** The archive of a partner's weekly digests. */
export function digestArchivePage(request: FastifyRequest, digests: readonly PartnerDigest[]) {
  const rows = digests.map((d) => {
    const content = d.content as unknown as DigestContent;
    return html`<tr><td><a href="/partner/digests/${d.iso_week}">${d.iso_week}</a></td><td>${content.period.from} – ${content.period.to}</td><td>${content.week.total}</td><td>${when(d.created_at)}</td></tr>`;
  });
  return layout(
    request,
    'Synthèses hebdomadaires',
    html`<table><caption>Une synthèse par semaine, le lundi à 8 h</caption><thead><tr><th scope="col">Semaine</th><th scope="col">Période</th><th scope="col">Signalements publiés</th><th scope="col">Établie le (UTC)</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="4">Aucune synthèse pour l’instant.</td></tr>`}</tbody></table>`,
  );
}

/** One weekly digest as the partner sees it in the UI (with the week's anonymised reports). */
export function digestPage(request: FastifyRequest, digest: PartnerDigest) {
  const c = digest.content as unknown as DigestContent;
  const breakdown = (d: DigestDimension) => {
    const [title, label] = TITLES[d];
    const cells = Object.entries(c.week.by[d]).sort((a, b) => b[1] - a[1]);
    return html`<table><caption>${title}</caption><thead><tr><th scope="col">Valeur</th><th scope="col">Cette semaine</th><th scope="col">12 semaines précédentes</th></tr></thead>
<tbody>${cells.map(([k, n]) => html`<tr><td>${label(k)}</td><td>${n}</td><td>${c.previous12Weeks.by[d][k] ?? 0}</td></tr>`)}</tbody></table>`;
  };
  return layout(
    request,
    `Synthèse ${c.isoWeek}`,
    html`<p>Du ${c.period.from} au ${c.period.to} : <strong>${c.week.total}</strong> signalement(s) publiés ; ${c.previous12Weeks.total} au cours des 12 semaines précédentes.</p>
${chartFigure({ title: 'Évolution : signalements publiés par semaine', labels: c.trend.map((w) => w.isoWeek), values: c.trend.map((w) => w.total), kind: 'line' }, ['Semaine', 'Signalements'])}
${(Object.keys(TITLES) as DigestDimension[]).map(breakdown)}
<h2>Signalements publiés cette semaine</h2>
<ul class="digest-reports">${c.reports.map((r) => html`<li><strong>${r.reference}</strong> · ${r.postalCode ?? '—'} · ${r.categories.map(actLabel).join(', ')}<div class="text">${r.anonymisedText ?? ''}</div></li>`)}</ul>
<p><a href="/partner/digests">Toutes les synthèses</a></p>`,
    { charts: true },
  );
}
