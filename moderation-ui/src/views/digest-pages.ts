import type { FastifyRequest } from 'fastify';
import { DIGEST_DIMENSIONS, type DigestContent, type DigestDimension, type DigestReport } from '@relais/core';
import type { PartnerDigest } from '@relais/db';
import { t, tHtml, uiLang } from '../i18n/ui-lang.js';
import { html } from './html.js';
import { labelsFor, when } from './labels.js';
import { chartFigure } from './chart-figure.js';
import { digestDimensionLabels } from './dimension-labels.js';
import { layout } from './layout.js';

/** How a digest's e-mail went, in words (`not_configured`: no relay, or no address: not mailed). */
export function deliveryLabel(request: FastifyRequest, d: Pick<PartnerDigest, 'email_status' | 'emailed_at'>): string {
  switch (d.email_status) {
    case 'sent':
      return t(request, 'digest.sent', { at: when(d.emailed_at) });
    case 'not_configured':
      return t(request, 'digest.notMailed');
    case 'failed':
      return t(request, 'digest.mailFailed');
    default:
      return t(request, 'digest.mailPending');
  }
}

/** The archive of a partner's weekly digests. */
export function digestArchivePage(request: FastifyRequest, digests: readonly PartnerDigest[]) {
  const rows = digests.map((d) => {
    const content = d.content as unknown as DigestContent;
    return html`<tr><td><a href="/partner/digests/${d.iso_week}">${d.iso_week}</a></td><td>${content.period.from} – ${content.period.to}</td><td>${content.week.total}</td><td>${when(d.created_at)}</td><td>${deliveryLabel(request, d)}</td></tr>`;
  });
  return layout(
    request,
    t(request, 'digest.archiveTitle'),
    html`<table><caption>${t(request, 'digest.archiveCaption')}</caption><thead><tr><th scope="col">${t(request, 'digest.week')}</th><th scope="col">${t(request, 'digest.period')}</th><th scope="col">${t(request, 'digest.published')}</th><th scope="col">${t(request, 'digest.createdAt')}</th><th scope="col">${t(request, 'digest.email')}</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="5">${t(request, 'digest.none')}</td></tr>`}</tbody></table>`,
  );
}

/**
 * One weekly digest as the partner sees it in the UI: its stored aggregates, and the week's
 * reports as they are now (`reports`, read live: flagged or erased ones are gone).
 */
export function digestPage(request: FastifyRequest, digest: PartnerDigest, reports: readonly DigestReport[]) {
  const lang = uiLang(request);
  const l = labelsFor(lang);
  const dimensions = digestDimensionLabels(lang);
  const c = digest.content as unknown as DigestContent;
  const breakdown = (d: DigestDimension) => {
    const { title, label } = dimensions[d];
    const cells = Object.entries(c.week.by[d]).sort((a, b) => b[1] - a[1]);
    return html`<table><caption>${title}</caption><thead><tr><th scope="col">${t(request, 'chart.value')}</th><th scope="col">${t(request, 'digest.thisWeek')}</th><th scope="col">${t(request, 'digest.previous12')}</th></tr></thead>
<tbody>${cells.map(([k, n]) => html`<tr><td>${label(k)}</td><td>${n}</td><td>${c.previous12Weeks.by[d][k] ?? 0}</td></tr>`)}</tbody></table>`;
  };
  return layout(
    request,
    t(request, 'digest.title', { week: c.isoWeek }),
    html`<p>${tHtml(request, 'digest.summary', { from: c.period.from, to: c.period.to, total: html`<strong>${c.week.total}</strong>`, previous: c.previous12Weeks.total })}</p>
<p id="delivery">${deliveryLabel(request, digest)}.</p>
<p><a href="/api/partner/digests/${c.isoWeek}.csv">${t(request, 'digest.export')}</a></p>
${chartFigure({ title: t(request, 'dimension.releaseWeek'), labels: c.trend.map((w) => w.isoWeek), values: c.trend.map((w) => w.total), kind: 'line' }, [t(request, 'digest.week'), t(request, 'digest.reports')])}
${DIGEST_DIMENSIONS.map(breakdown)}
<h2>${t(request, 'digest.reportsTitle')}</h2>
<p class="muted">${t(request, 'digest.reportsNote')}</p>
<ul class="digest-reports">${reports.length ? reports.map((r) => html`<li><strong>${r.partnerRef}</strong> · ${r.postalCode ?? '—'} · ${r.categories.map(l.act).join(', ')}<div class="text">${r.anonymisedText ?? ''}</div></li>`) : html`<li>${t(request, 'digest.noReports')}</li>`}</ul>
<p><a href="/partner/digests">${t(request, 'digest.all')}</a></p>`,
    { charts: true },
  );
}
