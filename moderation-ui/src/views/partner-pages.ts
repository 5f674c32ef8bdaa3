import type { FastifyRequest } from 'fastify';
import { ACT_TYPES, formatFactsMonth, MOTIVES, PARTNER_FIELDS, PLACE_TYPES, type TaxonomyEntry } from '@relais/core';
import type { Breakdown, PartnerReport, PartnerStats } from '@relais/db';
import { t, uiLang } from '../i18n/ui-lang.js';
import type { PartnerQuery } from '../partner/partner-query.js';
import { html } from './html.js';
import { labelsFor, when } from './labels.js';
import { chartFigure } from './chart-figure.js';
import { csrfField, layout } from './layout.js';
import { pageLink } from './page-link.js';
import { partnerFieldText } from './partner-field-text.js';

function filters(request: FastifyRequest, q: PartnerQuery, action: string) {
  const lang = uiLang(request);
  const sel = (v: string | undefined, x: string) => (v === x ? html` selected` : null);
  const options = (entries: readonly TaxonomyEntry[], value: string | undefined) =>
    html`<option value="">${t(request, 'common.all')}</option>${entries.map((a) => html`<option value="${a.code}"${sel(value, a.code)}>${a.labels[lang]}</option>`)}`;
  return html`<form method="get" action="${action}" aria-label="${t(request, 'common.filters')}">
<label for="f-act">${t(request, 'partner.actType')}</label><select id="f-act" name="actType">${options(ACT_TYPES, q.actType)}</select>
<label for="f-motive">${t(request, 'partner.motive')}</label><select id="f-motive" name="motive">${options(MOTIVES, q.motive)}</select>
<label for="f-place">${t(request, 'partner.placeType')}</label><select id="f-place" name="placeType">${options(PLACE_TYPES, q.placeType)}</select>
<label for="f-cp">${t(request, 'partner.postalCode')}</label><input id="f-cp" name="postalCode" value="${q.postalCode ?? ''}" inputmode="numeric">
<label for="f-month">${t(request, 'partner.month')}</label><input id="f-month" name="month" type="month" value="${q.month ?? ''}">
<p><button type="submit">${t(request, 'common.filter')}</button></p></form>`;
}

/** A partner's released reports of its scope. */
export function partnerListPage(request: FastifyRequest, q: PartnerQuery, items: PartnerReport[]) {
  const lang = uiLang(request);
  const l = labelsFor(lang);
  const rows = items.map(
    (r) =>
      html`<tr><td><a href="/partner/reports/${r.partner_ref}">${r.partner_ref}</a></td><td>${r.act_types.map(l.act).join(', ')}</td><td>${l.place(r.place_type)}</td><td>${r.postal_code ?? '—'}</td><td>${r.occurred_month ? formatFactsMonth(r.occurred_month, lang) : '—'}</td><td>${when(r.released_at)}</td></tr>`,
  );
  return layout(
    request,
    t(request, 'partner.listTitle'),
    html`<p class="muted">${t(request, 'partner.listNote')}</p>
${filters(request, q, '/partner')}
<p><a href="${pageLink('/api/partner/reports.csv', { ...q, limit: undefined, offset: undefined })}">${t(request, 'partner.exportReports')}</a></p>
<table><caption>${t(request, 'partner.listCaption')}</caption><thead><tr><th scope="col">${t(request, 'partner.field.partnerRef')}</th><th scope="col">${t(request, 'partner.acts')}</th><th scope="col">${t(request, 'partner.place')}</th><th scope="col">${t(request, 'partner.postalCode')}</th><th scope="col">${t(request, 'partner.field.occurredMonth')}</th><th scope="col">${t(request, 'partner.releasedUtc')}</th></tr></thead>
<tbody id="partner-reports">${rows.length ? rows : html`<tr><td colspan="6">${t(request, 'partner.empty')}</td></tr>`}</tbody></table>
${items.length === q.limit ? html`<p><a href="${pageLink('/partner', q, { offset: q.offset + q.limit })}">${t(request, 'common.nextPage')}</a></p>` : null}`,
  );
}

/**
 * One released report, anonymised, with the flag form: every field of core's `PARTNER_FIELDS`
 * (the anonymised text under its own heading), nothing else.
 */
export function partnerReportPage(request: FastifyRequest, r: PartnerReport) {
  const lang = uiLang(request);
  const listed = PARTNER_FIELDS.filter((f) => f.kind !== 'text' && f.kind !== 'id');
  return layout(
    request,
    t(request, 'partner.reportTitle', { reference: r.partner_ref }),
    html`<dl id="partner-fields">
${listed.map((f) => html`<dt>${t(request, `partner.field.${f.key}`)}</dt><dd data-field="${f.key}">${partnerFieldText(f, r, lang)}</dd>`)}
</dl>
<h2>${t(request, 'partner.narrative')}</h2>
<div class="text" id="anonymised-text">${r.anonymised_text ?? t(request, 'partner.noText')}</div>
<form method="post" action="/api/partner/reports/${r.partner_ref}/flag">${csrfField(request)}<input type="hidden" name="_return" value="/partner">
<h2><label for="comment">${t(request, 'partner.flagQuestion')}</label></h2>
<textarea id="comment" name="comment" required minlength="3" maxlength="2000"></textarea>
<p><button type="submit" id="flag">${t(request, 'partner.flag')}</button></p>
<p class="muted">${t(request, 'partner.flagNote')}</p>
</form>`,
  );
}

function chart(
  request: FastifyRequest,
  title: string,
  rows: Breakdown,
  label: (k: string) => string = (k) => k,
  kind: 'bar' | 'line' = 'bar',
) {
  return chartFigure({ title, labels: rows.map((r) => label(r.key)), values: rows.map((r) => r.count), kind }, [
    t(request, 'chart.value'),
    t(request, 'chart.count'),
  ]);
}

/**
 * Statistics by act type, motive, place type, victim or witness, complaint, month of the facts,
 * week of release and postal code (every code of the scope, zeros included): charts over
 * accessible tables, with the filters of the list and a CSV export of the (suppressed) figures.
 */
export function partnerStatsPage(request: FastifyRequest, q: PartnerQuery, s: PartnerStats) {
  const l = labelsFor(uiLang(request));
  const c = (key: Parameters<typeof t>[1], rows: Breakdown, label?: (k: string) => string, kind?: 'bar' | 'line') =>
    chart(request, t(request, key), rows, label, kind);
  return layout(
    request,
    t(request, 'nav.stats'),
    html`<p>${t(request, 'partner.statsTotal', { total: s.total })}</p>
${filters(request, q, '/partner/stats')}
<p><a href="${pageLink('/api/partner/stats.csv', { ...q, limit: undefined, offset: undefined })}">${t(request, 'partner.exportStats')}</a></p>
${c('partner.chartReleaseWeeks', s.byReleaseWeek, (k) => k, 'line')}
${c('dimension.actType', s.byActType, l.act)}${c('dimension.motive', s.byMotive, l.motive)}${c('dimension.placeType', s.byPlaceType, l.place)}
${c('dimension.reporterRole', s.byReporterRole, l.role)}${c('dimension.complaint', s.byComplaint, l.complaint)}
${c('dimension.month', s.byMonth, (k) => k, 'line')}${c('partner.chartPostalCodes', s.byPostalCode, l.postalCode)}`,
    { charts: true },
  );
}
