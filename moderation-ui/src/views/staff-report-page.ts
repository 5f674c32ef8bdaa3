import type { FastifyRequest } from 'fastify';
import type { StaffReportDetail } from '../staff/report-detail.js';
import { highlight } from './highlight.js';
import { html, type SafeHtml } from './html.js';
import { PRIORITY_LABELS, STATUS_LABELS, actLabel, motiveLabel, placeLabel, when } from './labels.js';
import { csrfField, layout } from './layout.js';

function actionForm(request: FastifyRequest, action: string, returnTo: string, fields: SafeHtml, button: SafeHtml): SafeHtml {
  return html`<form method="post" action="${action}" class="inline">${csrfField(request)}<input type="hidden" name="_return" value="${returnTo}">${fields}${button}</form>`;
}

/**
 * The anonymisation screen: original text (automatic findings highlighted) beside the editable
 * anonymised version, the automatic suggestions to accept or dismiss (keys A / D), the decisions,
 * partner flags, and the confidential thread. Contact details appear only after an audited reveal.
 */
export function staffReportPage(request: FastifyRequest, d: StaffReportDetail, revealedContact?: unknown): SafeHtml {
  const r = d.row;
  const base = `/api/staff/reports/${r.id}`;
  const here = `/staff/reports/${r.id}`;
  const claimLive = r.claimed_until !== null && r.claimed_until.getTime() > Date.now();
  const mine = claimLive && r.claimed_by === request.auth?.accountId;
  const editable = mine && r.status === 'in_review';
  const version = html`<input type="hidden" name="version" value="${r.version}">`;
  const claimBox = mine
    ? html`<p>Vous avez pris ce signalement jusqu’à ${when(r.claimed_until)} (UTC). ${actionForm(request, `${base}/unclaim`, '/staff', html``, html`<button type="submit" class="secondary">Libérer</button>`)}</p>`
    : claimLive
      ? html`<p class="notice" role="status">Pris en charge par ${r.claimed_by_name ?? 'un·e autre modérateur·rice'} jusqu’à ${when(r.claimed_until)} (UTC) : lecture seule.</p>`
      : r.status === 'received' || r.status === 'in_review'
        ? html`<p>${actionForm(request, `${base}/claim`, here, html``, html`<button type="submit" id="claim">Prendre en charge</button>`)}</p>`
        : null;
  const pending = d.suggestions.filter((s) => !s.dismissed);
  const suggestions = d.suggestions.map((s) => {
    const fields = html`${version}<input type="hidden" name="kind" value="${s.kind}"><input type="hidden" name="start" value="${s.start}"><input type="hidden" name="end" value="${s.end}">`;
    return html`<li class="suggestion" data-suggestion>
<span class="badge">${s.kind}</span> « ${s.text} » <span class="muted">(confiance ${Math.round(s.confidence * 100)} %${s.high ? ', bloque la publication' : ''})</span>
${s.dismissed
  ? html` — <em>écartée</em>`
  : editable
    ? html` ${actionForm(request, `${base}/suggestions/accept`, here, fields, html`<button type="submit" data-key="a" aria-keyshortcuts="A">Remplacer par [${s.kind}] (A)</button>`)}
${actionForm(request, `${base}/suggestions/dismiss`, here, fields, html`<button type="submit" class="secondary" data-key="d" aria-keyshortcuts="D">Écarter (D)</button>`)}`
    : null}
</li>`;
  });
  const facts = html`<dl>
<dt>Statut</dt><dd>${r.flagged_at ? STATUS_LABELS.flagged : (STATUS_LABELS[r.status] ?? r.status)} (version ${r.version})</dd>
<dt>Actes</dt><dd>${r.act_types.map(actLabel).join(', ')}</dd>
<dt>Motifs</dt><dd>${r.motives.map(motiveLabel).join(', ') || '—'}</dd>
<dt>Lieu</dt><dd>${placeLabel(r.place_type)} · ${r.postal_code ?? r.location_kind} · tunnel ${r.tunnel ?? '—'}</dd>
<dt>Reçu</dt><dd>${when(r.received_at)}</dd>
<dt>Priorité</dt><dd>${PRIORITY_LABELS[r.priority] ?? r.priority}</dd>
<dt>Étiquettes</dt><dd>${r.tags.join(', ') || '—'}</dd>
${r.reject_reason ? html`<dt>Motif du rejet</dt><dd>${r.reject_reason}</dd>` : null}
</dl>`;
  const flags = d.flags.length
    ? html`<section aria-labelledby="flags-h"><h2 id="flags-h">Signalements de partenaires</h2><ul>${d.flags.map((f) => html`<li>${f.partnerName}, ${when(f.createdAt)} : « ${f.comment} »${f.resolvedAt ? ' (traité)' : ''}</li>`)}</ul></section>`
    : null;
  const contact = r.contact_method
    ? html`<section aria-labelledby="contact-h"><h2 id="contact-h">Recontacter la personne (${r.contact_method})</h2>
${revealedContact !== undefined
  ? html`<pre class="text" aria-label="Coordonnées">${JSON.stringify(revealedContact, null, 2)}</pre><p class="muted">Cette consultation a été enregistrée au journal d’audit.</p>`
  : actionForm(request, `${base}/contact/reveal`, here, html``, html`<button type="submit" class="secondary">Afficher les coordonnées (journalisé)</button>`)}
<ol>${d.messages.map((m) => html`<li>${m.direction === 'to_reporter' ? 'Association' : 'Personne'} · ${when(m.createdAt)} · ${m.status}<div class="text">${m.body}</div></li>`)}</ol>
<form method="post" action="${base}/messages">${csrfField(request)}<input type="hidden" name="_return" value="${here}">
<label for="reply">Réponse (envoyée par le même canal, sans révéler l’identité de la personne)</label><textarea id="reply" name="body" required maxlength="4000"></textarea>
<button type="submit">Envoyer</button></form></section>`
    : html`<p class="muted">La personne n’a pas demandé à être recontactée.</p>`;
  const decide = editable
    ? html`<section aria-labelledby="decide-h"><h2 id="decide-h">Décider</h2>
${actionForm(request, `${base}/reject`, '/staff', html`${version}<label for="reason">Motif du rejet</label><input id="reason" name="reason" required minlength="3">`, html`<button type="submit" class="secondary">Rejeter</button>`)}
${actionForm(request, `${base}/tags`, here, html`${version}<label for="tags">Étiquettes (séparées par des virgules)</label><input id="tags" name="tags" value="${r.tags.join(', ')}">`, html`<button type="submit" class="secondary">Étiqueter</button>`)}
${actionForm(request, `${base}/priority`, here, html`${version}<label for="priority">Priorité</label><select id="priority" name="priority">${PRIORITY_LABELS.map((label, i) => html`<option value="${i}"${i === r.priority ? html` selected` : null}>${label}</option>`)}</select>`, html`<button type="submit" class="secondary">Changer la priorité</button>`)}
</section>`
    : null;
  return layout(
    request,
    `Signalement ${r.reference}`,
    html`${claimBox}${facts}${flags}
<div class="cols">
<section aria-labelledby="orig-h"><h2 id="orig-h">Texte original</h2>
<p class="muted">Les passages surlignés sont des suggestions automatiques, à vérifier.</p>
<div class="text" id="original">${highlight(d.original, d.originalFindings)}</div></section>
<section aria-labelledby="anon-h"><h2 id="anon-h">Version anonymisée</h2>
<form method="post" action="${base}/draft" id="draft-form">${csrfField(request)}<input type="hidden" name="_return" value="${here}">${version}
<label for="anonymised">Texte publié aux partenaires</label>
<textarea id="anonymised" name="anonymisedText"${editable ? null : html` readonly`}>${d.draft}</textarea>
${editable
  ? html`<p><button type="submit">Enregistrer le brouillon</button> <button type="submit" formaction="${base}/release" id="release">Publier (terminé)</button></p>`
  : null}
</form>
<h3>Suggestions automatiques (${pending.length} à traiter)</h3>
<p class="muted">Détectées automatiquement : vérifiez-les. Touche A pour remplacer la suggestion active, D pour l’écarter.</p>
<ul id="suggestions">${suggestions}</ul>
</section></div>
${decide}${contact}`,
  );
}
