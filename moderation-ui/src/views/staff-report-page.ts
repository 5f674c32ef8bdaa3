import type { FastifyRequest } from 'fastify';
import { t, uiLang } from '../i18n/ui-lang.js';
import { dangerReasonLabel } from '../staff/danger-reason-label.js';
import type { StaffReportDetail } from '../staff/report-detail.js';
import { highlight } from './highlight.js';
import { html, type SafeHtml } from './html.js';
import { labelsFor, when } from './labels.js';
import { csrfField, layout } from './layout.js';

function actionForm(
  request: FastifyRequest,
  action: string,
  returnTo: string,
  fields: SafeHtml,
  button: SafeHtml,
): SafeHtml {
  return html`<form method="post" action="${action}" class="inline">${csrfField(request)}<input type="hidden" name="_return" value="${returnTo}">${fields}${button}</form>`;
}

/**
 * The anonymisation screen: original text (automatic findings highlighted) beside the editable
 * anonymised version, the automatic suggestions to accept or dismiss (keys A / D), the decisions,
 * partner flags, and the confidential thread. Contact details appear only after an audited reveal.
 */
export function staffReportPage(request: FastifyRequest, d: StaffReportDetail, revealedContact?: unknown): SafeHtml {
  const l = labelsFor(uiLang(request));
  const r = d.row;
  const base = `/api/staff/reports/${r.id}`;
  const here = `/staff/reports/${r.id}`;
  const claimLive = r.claimed_until !== null && r.claimed_until.getTime() > Date.now();
  const mine = claimLive && r.claimed_by === request.auth?.accountId;
  const editable = mine && r.status === 'in_review';
  const version = html`<input type="hidden" name="version" value="${r.version}">`;
  const claimBox = mine
    ? html`<p>${t(request, 'report.claimedByYou', { until: when(r.claimed_until) })} ${actionForm(request, `${base}/unclaim`, '/staff', html``, html`<button type="submit" class="secondary">${t(request, 'report.unclaim')}</button>`)}</p>`
    : claimLive
      ? html`<p class="notice" role="status">${t(request, 'report.claimedByOther', { name: r.claimed_by_name ?? t(request, 'report.anotherModerator'), until: when(r.claimed_until) })}</p>`
      : r.status === 'received' || r.status === 'in_review'
        ? html`<p>${actionForm(request, `${base}/claim`, here, html``, html`<button type="submit" id="claim">${t(request, 'report.claim')}</button>`)}</p>`
        : null;
  const pending = d.suggestions.filter((s) => !s.dismissed);
  const suggestions = d.suggestions.map((s) => {
    const fields = html`${version}<input type="hidden" name="kind" value="${s.kind}"><input type="hidden" name="start" value="${s.start}"><input type="hidden" name="end" value="${s.end}">`;
    const confidence = { percent: Math.round(s.confidence * 100) };
    return html`<li class="suggestion" data-suggestion>
<span class="badge">${s.kind}</span> ${t(request, 'report.quoted', { text: s.text })} <span class="muted">(${t(request, s.high ? 'report.confidenceBlocking' : 'report.confidence', confidence)})</span>
${
  s.dismissed
    ? html` — <em>${t(request, 'report.dismissed')}</em>`
    : editable
      ? html` ${actionForm(request, `${base}/suggestions/accept`, here, fields, html`<button type="submit" data-key="a" aria-keyshortcuts="A">${t(request, 'report.accept', { kind: s.kind })}</button>`)}
${actionForm(request, `${base}/suggestions/dismiss`, here, fields, html`<button type="submit" class="secondary" data-key="d" aria-keyshortcuts="D">${t(request, 'report.dismiss')}</button>`)}`
      : null
}
</li>`;
  });
  const danger = dangerReasonLabel(uiLang(request), r);
  const facts = html`<dl>
<dt>${t(request, 'report.status')}</dt><dd>${t(request, 'report.statusVersion', { status: l.status(r.flagged_at ? 'flagged' : r.status), version: r.version })}</dd>
<dt>${t(request, 'report.acts')}</dt><dd>${r.act_types.map(l.act).join(', ')}</dd>
<dt>${t(request, 'report.motives')}</dt><dd>${r.motives.map(l.motive).join(', ') || '—'}</dd>
<dt>${t(request, 'report.place')}</dt><dd>${l.place(r.place_type)} · ${r.postal_code ?? r.location_kind} · ${t(request, 'report.tunnel', { tunnel: r.tunnel ?? '—' })}</dd>
<dt>${t(request, 'report.received')}</dt><dd>${when(r.received_at)}</dd>
<dt>${t(request, 'report.priority')}</dt><dd>${l.priority(r.priority)}</dd>
${danger ? html`<dt>${t(request, 'report.dangerReason')}</dt><dd id="danger-reason">${danger}</dd>` : null}
<dt>${t(request, 'report.tags')}</dt><dd>${r.tags.join(', ') || '—'}</dd>
${r.reject_reason ? html`<dt>${t(request, 'report.rejectReason')}</dt><dd>${r.reject_reason}</dd>` : null}
</dl>`;
  const flags = d.flags.length
    ? html`<section aria-labelledby="flags-h"><h2 id="flags-h">${t(request, 'report.flags')}</h2><ul>${d.flags.map((f) => html`<li>${t(request, 'report.flagLine', { partner: f.partnerName, at: when(f.createdAt), comment: f.comment })}${f.resolvedAt ? t(request, 'report.flagResolved') : ''}</li>`)}</ul></section>`
    : null;
  const contact = r.contact_method
    ? html`<section aria-labelledby="contact-h"><h2 id="contact-h">${t(request, 'report.contact', { method: r.contact_method })}</h2>
${
  revealedContact !== undefined
    ? html`<pre class="text" aria-label="${t(request, 'report.contactDetails')}">${JSON.stringify(revealedContact, null, 2)}</pre><p class="muted">${t(request, 'report.revealAudited')}</p>`
    : actionForm(
        request,
        `${base}/contact/reveal`,
        here,
        html``,
        html`<button type="submit" class="secondary">${t(request, 'report.reveal')}</button>`,
      )
}
<ol>${d.messages.map((m) => html`<li>${t(request, m.direction === 'to_reporter' ? 'report.fromAssociation' : 'report.fromReporter')} · ${when(m.createdAt)} · ${m.status}${m.urgent ? html` <span class="badge flag">${t(request, 'report.answerInDanger')}</span>` : null}<div class="text">${m.body}</div></li>`)}</ol>
<form method="post" action="${base}/messages">${csrfField(request)}<input type="hidden" name="_return" value="${here}">
<label for="reply">${t(request, 'report.reply')}</label><textarea id="reply" name="body" required maxlength="4000"></textarea>
<button type="submit">${t(request, 'report.send')}</button></form></section>`
    : html`<p class="muted">${t(request, 'report.noContact')}</p>`;
  const decide = editable
    ? html`<section aria-labelledby="decide-h"><h2 id="decide-h">${t(request, 'report.decide')}</h2>
${actionForm(request, `${base}/reject`, '/staff', html`${version}<label for="reason">${t(request, 'report.rejectReason')}</label><input id="reason" name="reason" required minlength="3">`, html`<button type="submit" class="secondary">${t(request, 'report.reject')}</button>`)}
${actionForm(request, `${base}/tags`, here, html`${version}<label for="tags">${t(request, 'report.tagsField')}</label><input id="tags" name="tags" value="${r.tags.join(', ')}">`, html`<button type="submit" class="secondary">${t(request, 'report.tag')}</button>`)}
${actionForm(request, `${base}/priority`, here, html`${version}<label for="priority">${t(request, 'report.priority')}</label><select id="priority" name="priority">${l.priorities.map((label, i) => html`<option value="${i}"${i === r.priority ? html` selected` : null}>${label}</option>`)}</select>`, html`<button type="submit" class="secondary">${t(request, 'report.changePriority')}</button>`)}
</section>`
    : null;
  return layout(
    request,
    t(request, 'report.title', { reference: r.reference }),
    html`${claimBox}${facts}${flags}
<div class="cols">
<section aria-labelledby="orig-h"><h2 id="orig-h">${t(request, 'report.original')}</h2>
<p class="muted">${t(request, 'report.originalNote')}</p>
<div class="text" id="original">${highlight(d.original, d.originalFindings)}</div></section>
<section aria-labelledby="anon-h"><h2 id="anon-h">${t(request, 'report.anonymised')}</h2>
<form method="post" action="${base}/draft" id="draft-form">${csrfField(request)}<input type="hidden" name="_return" value="${here}">${version}
<label for="anonymised">${t(request, 'report.anonymisedField')}</label>
<textarea id="anonymised" name="anonymisedText"${editable ? null : html` readonly`}>${d.draft}</textarea>
${
  editable
    ? html`<p><button type="submit">${t(request, 'report.saveDraft')}</button> <button type="submit" formaction="${base}/release" id="release">${t(request, 'report.release')}</button></p>`
    : null
}
</form>
<h3>${t(request, 'report.suggestions', { count: pending.length })}</h3>
<p class="muted">${t(request, 'report.suggestionsNote')}</p>
<ul id="suggestions">${suggestions}</ul>
</section></div>
${decide}${contact}`,
  );
}
