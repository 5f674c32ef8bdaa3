import type { FastifyRequest } from 'fastify';
import { ACT_TYPES, REPORT_STATUSES } from '@relais/core';
import type { StaffQueueItem } from '@relais/db';
import { t, tHtml, uiLang } from '../i18n/ui-lang.js';
import { html } from './html.js';
import { labelsFor, when } from './labels.js';
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
export function staffQueuePage(
  request: FastifyRequest,
  q: QueueQuery,
  items: StaffQueueItem[],
  counts: Record<string, number>,
) {
  const lang = uiLang(request);
  const l = labelsFor(lang);
  const me = request.account.accountId;
  const rows = items.map((r) => {
    const claimLive = r.claimedUntil && r.claimedUntil.getTime() > Date.now();
    return html`<tr>
<td><a href="/staff/reports/${r.id}">${r.reference}</a></td>
<td>${r.flagged ? html`<span class="badge flag">${l.status('flagged')}</span>` : l.status(r.status)}${r.inDanger ? html` <span class="badge flag">${t(request, 'queue.inDanger')}</span>` : null}</td>
<td>${l.priority(r.priority)}</td>
<td>${r.actTypes.map(l.act).join(', ')}</td>
<td>${r.postalCode ?? '—'}</td><td>${r.tunnel ?? '—'}</td><td>${when(r.receivedAt)}</td>
<td>${claimLive ? (r.claimedBy === me ? t(request, 'queue.claimedByYou') : t(request, 'queue.claimedBy', { name: r.claimedByName ?? '?', until: when(r.claimedUntil) })) : t(request, 'queue.free')}</td>
</tr>`;
  });
  const selected = (v: string | undefined, x: string) => (v === x ? html` selected` : null);
  return layout(
    request,
    t(request, 'nav.queue'),
    html`<section aria-label="${t(request, 'queue.countsLabel')}"><ul class="counts">
${Object.entries(counts).map(([k, n]) => html`<li>${tHtml(request, 'queue.count', { status: l.status(k), count: html`<strong>${n}</strong>` })}</li>`)}
</ul></section>
<form method="get" action="/staff" aria-label="${t(request, 'common.filters')}">
<label for="f-status">${t(request, 'queue.status')}</label><select id="f-status" name="status"><option value="">${t(request, 'queue.toHandle')}</option>
${REPORT_STATUSES.map((s) => html`<option value="${s}"${selected(q.status?.join(','), s)}>${l.status(s)}</option>`)}</select>
<label for="f-tunnel">${t(request, 'queue.tunnel')}</label><input id="f-tunnel" name="tunnel" value="${q.tunnel ?? ''}">
<label for="f-cp">${t(request, 'queue.postalCode')}</label><input id="f-cp" name="postalCode" value="${q.postalCode ?? ''}" inputmode="numeric">
<label for="f-act">${t(request, 'queue.actType')}</label><select id="f-act" name="actType"><option value="">${t(request, 'common.all')}</option>
${ACT_TYPES.map((a) => html`<option value="${a.code}"${selected(q.actType, a.code)}>${a.labels[lang]}</option>`)}</select>
<label for="f-ref">${t(request, 'queue.reference')}</label><input id="f-ref" name="reference" value="${q.reference?.join(',') ?? ''}" autocomplete="off" spellcheck="false">
<label for="f-from">${t(request, 'queue.from')}</label><input id="f-from" name="from" type="date" value="${q.from ?? ''}">
<label for="f-to">${t(request, 'queue.to')}</label><input id="f-to" name="to" type="date" value="${q.to ?? ''}">
<p><button type="submit">${t(request, 'common.filter')}</button></p>
</form>
<table><caption>${t(request, 'queue.caption')}</caption>
<thead><tr><th scope="col">${t(request, 'queue.reference')}</th><th scope="col">${t(request, 'queue.status')}</th><th scope="col">${t(request, 'queue.priority')}</th><th scope="col">${t(request, 'queue.acts')}</th><th scope="col">${t(request, 'queue.postalCode')}</th><th scope="col">${t(request, 'queue.tunnel')}</th><th scope="col">${t(request, 'queue.received')}</th><th scope="col">${t(request, 'queue.claimed')}</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="8">${t(request, 'queue.empty')}</td></tr>`}</tbody></table>
${items.length === q.limit ? html`<p><a href="${pageLink('/staff', { ...q }, { offset: q.offset + q.limit })}">${t(request, 'common.nextPage')}</a></p>` : null}`,
  );
}
