import type { FastifyRequest } from 'fastify';
import { ACT_TYPES, MOTIVES, PLACE_TYPES } from '@relais/core';
import type { Breakdown, PartnerReport, PartnerStats } from '@relais/db';
import type { PartnerQuery } from '../partner/partner-query.js';
import { html } from './html.js';
import { actLabel, complaintLabel, motiveLabel, placeLabel, postalCodeLabel, roleLabel, when } from './labels.js';
import { chartFigure } from './chart-figure.js';
import { csrfField, layout } from './layout.js';
import { pageLink } from './page-link.js';

function filters(q: PartnerQuery, action: string) {
  const sel = (v: string | undefined, x: string) => (v === x ? html` selected` : null);
  return html`<form method="get" action="${action}" aria-label="Filtres">
<label for="f-act">Type d’acte</label><select id="f-act" name="actType"><option value="">Tous</option>${ACT_TYPES.map((a) => html`<option value="${a.code}"${sel(q.actType, a.code)}>${a.labels.fr}</option>`)}</select>
<label for="f-motive">Motif</label><select id="f-motive" name="motive"><option value="">Tous</option>${MOTIVES.map((a) => html`<option value="${a.code}"${sel(q.motive, a.code)}>${a.labels.fr}</option>`)}</select>
<label for="f-place">Type de lieu</label><select id="f-place" name="placeType"><option value="">Tous</option>${PLACE_TYPES.map((a) => html`<option value="${a.code}"${sel(q.placeType, a.code)}>${a.labels.fr}</option>`)}</select>
<label for="f-cp">Code postal</label><input id="f-cp" name="postalCode" value="${q.postalCode ?? ''}" inputmode="numeric">
<label for="f-month">Mois des faits</label><input id="f-month" name="month" type="month" value="${q.month ?? ''}">
<p><button type="submit">Filtrer</button></p></form>`;
}

/** A partner's released reports of its scope. */
export function partnerListPage(request: FastifyRequest, q: PartnerQuery, items: PartnerReport[]) {
  const rows = items.map(
    (r) => html`<tr><td><a href="/partner/reports/${r.id}">${r.reference}</a></td><td>${r.act_types.map(actLabel).join(', ')}</td><td>${placeLabel(r.place_type)}</td><td>${r.postal_code ?? '—'}</td><td>${r.occurred_on ?? '—'}</td><td>${when(r.released_at)}</td></tr>`,
  );
  return layout(
    request,
    'Signalements de votre périmètre',
    html`<p class="muted">Signalements terminés et anonymisés par l’association. Ne cherchez jamais à identifier une personne ; signalez tout élément identifiant.</p>
${filters(q, '/partner')}
<p><a href="${pageLink('/api/partner/reports.csv', { ...q, limit: undefined, offset: undefined })}">Exporter en CSV (journalisé)</a></p>
<table><caption>Les plus récemment publiés d’abord</caption><thead><tr><th scope="col">Référence</th><th scope="col">Actes</th><th scope="col">Lieu</th><th scope="col">Code postal</th><th scope="col">Date des faits</th><th scope="col">Publié (UTC)</th></tr></thead>
<tbody id="partner-reports">${rows.length ? rows : html`<tr><td colspan="6">Aucun signalement.</td></tr>`}</tbody></table>
${items.length === q.limit ? html`<p><a href="${pageLink('/partner', q, { offset: q.offset + q.limit })}">Page suivante</a></p>` : null}`,
  );
}

/** One released report, anonymised, with the flag form. */
export function partnerReportPage(request: FastifyRequest, r: PartnerReport) {
  return layout(
    request,
    `Signalement ${r.reference}`,
    html`<dl>
<dt>Actes</dt><dd>${r.act_types.map(actLabel).join(', ')}</dd>
<dt>Motifs</dt><dd>${r.motives.map(motiveLabel).join(', ') || '—'}</dd>
<dt>Lieu</dt><dd>${placeLabel(r.place_type)} · ${r.postal_code ?? r.location_kind}${r.commune ? ` · ${r.commune}` : ''}</dd>
<dt>Date des faits</dt><dd>${r.occurred_on ?? '—'}</dd>
<dt>Publié</dt><dd>${when(r.released_at)}</dd>
</dl>
<h2>Récit anonymisé</h2>
<div class="text" id="anonymised-text">${r.anonymised_text ?? '(aucun texte)'}</div>
<form method="post" action="/api/partner/reports/${r.id}/flag">${csrfField(request)}<input type="hidden" name="_return" value="/partner">
<h2><label for="comment">Ce signalement permet-il encore d’identifier quelqu’un ?</label></h2>
<textarea id="comment" name="comment" required minlength="3" maxlength="2000"></textarea>
<p><button type="submit" id="flag">Signaler à l’association</button></p>
<p class="muted">Le signalement disparaîtra aussitôt de votre vue et de celle des autres partenaires, jusqu’à sa nouvelle anonymisation.</p>
</form>`,
  );
}

function chart(title: string, rows: Breakdown, label: (k: string) => string = (k) => k, kind: 'bar' | 'line' = 'bar') {
  return chartFigure({ title, labels: rows.map((r) => label(r.key)), values: rows.map((r) => r.count), kind });
}

/**
 * Statistics by act type, motive, place type, victim or witness, complaint, month of the facts,
 * week of release and postal code (every code of the scope, zeros included): charts over
 * accessible tables, with the filters of the list and a CSV export of the (suppressed) figures.
 */
export function partnerStatsPage(request: FastifyRequest, q: PartnerQuery, s: PartnerStats) {
  return layout(
    request,
    'Statistiques',
    html`<p>${s.total} signalement(s) publiés dans votre périmètre.</p>
${filters(q, '/partner/stats')}
<p><a href="${pageLink('/api/partner/stats.csv', { ...q, limit: undefined, offset: undefined })}">Exporter ces chiffres en CSV (petits effectifs masqués, journalisé)</a></p>
${chart('Évolution : signalements publiés par semaine (13 semaines)', s.byReleaseWeek, (k) => k, 'line')}
${chart('Par type d’acte', s.byActType, actLabel)}${chart('Par motif', s.byMotive, motiveLabel)}${chart('Par type de lieu', s.byPlaceType, placeLabel)}
${chart('Victimes et témoins', s.byReporterRole, roleLabel)}${chart('Plainte', s.byComplaint, complaintLabel)}
${chart('Par mois des faits', s.byMonth, (k) => k, 'line')}${chart('Par code postal du périmètre', s.byPostalCode, postalCodeLabel)}`,
    { charts: true },
  );
}
