import type { FastifyRequest } from 'fastify';
import { ACT_TYPES, REPORT_STATUSES } from '@relais/core';
import type { StaffQueueItem } from '@relais/db';
import { html } from './html.js';
import { PRIORITY_LABELS, STATUS_LABELS, actLabel, when } from './labels.js';
import { layout } from './layout.js';
import { pageLink } from './page-link.js';

interface QueueQuery {
  status?: string[] | undefined;
  tunnel?: string | undefined;
  postalCode?: string | undefined;
  actType?: string | undefined;
  reference?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** The staff queue: counts per status, filters, and one row per report (no text). */
export function staffQueuePage(request: FastifyRequest, q: QueueQuery, items: StaffQueueItem[], counts: Record<string, number>) {
  const me = request.auth?.accountId;
  const rows = items.map((r) => {
    const claimLive = r.claimedUntil && r.claimedUntil.getTime() > Date.now();
    return html`<tr>
<td><a href="/staff/reports/${r.id}">${r.reference}</a></td>
<td>${r.flagged ? html`<span class="badge flag">${STATUS_LABELS.flagged}</span>` : STATUS_LABELS[r.status] ?? r.status}${r.inDanger ? html` <span class="badge flag">en danger</span>` : null}</td>
<td>${PRIORITY_LABELS[r.priority] ?? r.priority}</td>
<td>${r.actTypes.map(actLabel).join(', ')}</td>
<td>${r.postalCode ?? '—'}</td><td>${r.tunnel ?? '—'}</td><td>${when(r.receivedAt)}</td>
<td>${claimLive ? (r.claimedBy === me ? 'vous' : html`pris par ${r.claimedByName ?? '?'} jusqu’à ${when(r.claimedUntil)}`) : 'libre'}</td>
</tr>`;
  });
  const selected = (v: string | undefined, x: string) => (v === x ? html` selected` : null);
  return layout(
    request,
    'File de modération',
    html`<section aria-label="Nombre de signalements par statut"><ul class="counts">
${Object.entries(counts).map(([k, n]) => html`<li>${STATUS_LABELS[k] ?? k} : <strong>${n}</strong></li>`)}
</ul></section>
<form method="get" action="/staff" aria-label="Filtres">
<label for="f-status">Statut</label><select id="f-status" name="status"><option value="">À traiter</option>
${REPORT_STATUSES.map((s) => html`<option value="${s}"${selected(q.status?.join(','), s)}>${STATUS_LABELS[s]}</option>`)}</select>
<label for="f-tunnel">Tunnel</label><input id="f-tunnel" name="tunnel" value="${q.tunnel ?? ''}">
<label for="f-cp">Code postal</label><input id="f-cp" name="postalCode" value="${q.postalCode ?? ''}" inputmode="numeric">
<label for="f-act">Type d’acte</label><select id="f-act" name="actType"><option value="">Tous</option>
${ACT_TYPES.map((a) => html`<option value="${a.code}"${selected(q.actType, a.code)}>${a.labels.fr}</option>`)}</select>
<label for="f-ref">Référence</label><input id="f-ref" name="reference" value="${q.reference?.join(',') ?? ''}" autocomplete="off" spellcheck="false">
<label for="f-from">Reçu depuis le</label><input id="f-from" name="from" type="date" value="${q.from ?? ''}">
<label for="f-to">jusqu’au</label><input id="f-to" name="to" type="date" value="${q.to ?? ''}">
<p><button type="submit">Filtrer</button></p>
</form>
<table><caption>Nouveaux et signalés d’abord, puis par priorité et ancienneté</caption>
<thead><tr><th scope="col">Référence</th><th scope="col">Statut</th><th scope="col">Priorité</th><th scope="col">Actes</th><th scope="col">Code postal</th><th scope="col">Tunnel</th><th scope="col">Reçu (UTC)</th><th scope="col">Pris en charge</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="8">Aucun signalement.</td></tr>`}</tbody></table>
${items.length === q.limit ? html`<p><a href="${pageLink('/staff', { ...q }, { offset: q.offset + q.limit })}">Page suivante</a></p>` : null}`,
  );
}
