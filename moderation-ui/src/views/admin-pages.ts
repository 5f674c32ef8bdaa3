import type { FastifyRequest } from 'fastify';
import type { PartnerScope } from '@relais/core';
import type { AccountRow, AuditEventRow, PartnerRow, SafePlaceRow } from '@relais/db';
import { html, type SafeHtml } from './html.js';
import { when } from './labels.js';
import { csrfField, layout } from './layout.js';

function post(request: FastifyRequest, action: string, back: string, fields: SafeHtml, label: string, secondary = false): SafeHtml {
  return html`<form method="post" action="${action}" class="inline">${csrfField(request)}<input type="hidden" name="_return" value="${back}">${fields}<button type="submit"${secondary ? html` class="secondary"` : null}>${label}</button></form>`;
}

/** The postal codes and tunnels of a scope, as the admin forms write them (either matches). */
function scopeLists(scope: PartnerScope): { postalCodes: string[]; tunnels: string[] } {
  return {
    postalCodes: [...new Set(scope.flatMap((r) => r.postalCodes))].sort(),
    tunnels: [...new Set(scope.flatMap((r) => r.tunnels))].sort(),
  };
}

/** Partners: scope (with an edit form each), status, suspend/restore, and a creation form. */
export function partnersPage(request: FastifyRequest, partners: PartnerRow[], scopes: ReadonlyMap<string, PartnerScope> = new Map()) {
  const rows = partners.map((p) => {
    const { postalCodes, tunnels } = scopeLists(scopes.get(p.id) ?? []);
    const edit = html`<details><summary>Modifier le périmètre de ${p.name}</summary>
<form method="post" action="/api/admin/partners/${p.id}/scope">${csrfField(request)}<input type="hidden" name="_return" value="/admin/partners">
<label for="cp-${p.id}">Codes postaux</label><input id="cp-${p.id}" name="postalCodes" value="${postalCodes.join(', ')}">
<label for="tu-${p.id}">Tunnels</label><input id="tu-${p.id}" name="tunnels" value="${tunnels.join(', ')}">
<label for="ml-${p.id}">E-mails des synthèses</label><input id="ml-${p.id}" name="digestEmails" value="${p.digest_emails.join(', ')}">
<p><button type="submit">Enregistrer le périmètre</button></p></form></details>`;
    return html`<tr><td>${p.name}</td><td>${p.slug}</td><td>${p.status === 'active' ? 'actif' : 'suspendu'}</td>
<td>${postalCodes.join(', ') || '—'}</td><td>${tunnels.join(', ') || '—'}</td><td>${p.digest_emails.join(', ')}</td>
<td>${post(request, `/api/admin/partners/${p.id}/status`, '/admin/partners', html`<input type="hidden" name="status" value="${p.status === 'active' ? 'suspended' : 'active'}">`, p.status === 'active' ? `Suspendre ${p.name}` : `Rétablir ${p.name}`, true)}${edit}</td></tr>`;
  });
  return layout(
    request,
    'Partenaires',
    html`<table><caption>Partenaires, périmètres et accès (un signalement est dans le périmètre s'il a l'un des codes postaux ou vient de l'un des tunnels)</caption><thead><tr><th scope="col">Nom</th><th scope="col">Identifiant</th><th scope="col">Accès</th><th scope="col">Codes postaux</th><th scope="col">Tunnels</th><th scope="col">Destinataires des synthèses</th><th scope="col">Actions</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Ajouter un partenaire</h2>
<form method="post" action="/api/admin/partners">${csrfField(request)}<input type="hidden" name="_return" value="/admin/partners">
<label for="p-name">Nom</label><input id="p-name" name="name" required>
<label for="p-slug">Identifiant (et tunnel)</label><input id="p-slug" name="slug" required pattern="[A-Za-z0-9_-]{1,64}">
<label for="p-cp">Codes postaux (séparés par des virgules)</label><input id="p-cp" name="postalCodes">
<label for="p-tunnels">Tunnels</label><input id="p-tunnels" name="tunnels">
<label for="p-mails">E-mails des synthèses</label><input id="p-mails" name="digestEmails">
<p><button type="submit">Ajouter</button></p></form>`,
  );
}

/** Accounts, with the one-time secrets of a just-created account. */
export function accountsPage(request: FastifyRequest, accounts: AccountRow[], partners: PartnerRow[], secrets?: { initialPassword: string; totpSecret: string; otpauthUri: string }) {
  const partnerName = new Map(partners.map((p) => [p.id, p.name]));
  const rows = accounts.map(
    (a) => html`<tr><td>${a.display_name}</td><td>${a.email}</td><td>${a.role}</td><td>${a.partner_id ? partnerName.get(a.partner_id) : '—'}</td><td>${a.status}</td><td>${when(a.last_login_at)}</td>
<td>${post(request, `/api/admin/accounts/${a.id}/status`, '/admin/accounts', html`<input type="hidden" name="status" value="${a.status === 'active' ? 'disabled' : 'active'}">`, a.status === 'active' ? `Désactiver ${a.email}` : `Réactiver ${a.email}`, true)}</td></tr>`,
  );
  return layout(
    request,
    'Comptes',
    html`${secrets
      ? html`<div class="notice" role="status"><p>Compte créé. Transmettez ces secrets par un canal sûr : ils ne seront plus affichés.</p>
<p>Mot de passe initial : <code>${secrets.initialPassword}</code></p><p>Secret TOTP : <code>${secrets.totpSecret}</code></p><p><code>${secrets.otpauthUri}</code></p></div>`
      : null}
<table><caption>Équipe et partenaires</caption><thead><tr><th scope="col">Nom</th><th scope="col">E-mail</th><th scope="col">Rôle</th><th scope="col">Partenaire</th><th scope="col">État</th><th scope="col">Dernière connexion</th><th scope="col">Action</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Créer un compte</h2>
<form method="post" action="/api/admin/accounts">${csrfField(request)}<input type="hidden" name="_return" value="/admin/accounts">
<label for="a-name">Nom affiché</label><input id="a-name" name="displayName" required>
<label for="a-email">E-mail</label><input id="a-email" name="email" type="email" required>
<label for="a-role">Rôle</label><select id="a-role" name="role"><option value="moderator">Modération</option><option value="admin">Administration</option><option value="partner">Partenaire</option></select>
<label for="a-partner">Partenaire (comptes partenaires)</label><select id="a-partner" name="partnerId"><option value="">—</option>${partners.map((p) => html`<option value="${p.id}">${p.name}</option>`)}</select>
<p><button type="submit">Créer</button></p></form>`,
  );
}

/** The "En lieu sûr" network. */
export function safePlacesPage(request: FastifyRequest, places: SafePlaceRow[]) {
  const rows = places.map(
    (p) => html`<tr><td>${p.name}</td><td>${p.address}, ${p.postal_code} ${p.commune}</td><td>${p.phone ?? '—'}</td><td>${p.hours ?? '—'}</td><td>${p.active ? 'oui' : 'non'}</td>
<td>${post(request, `/api/admin/safe-places/${p.id}/active`, '/admin/safe-places', html`<input type="hidden" name="active" value="${p.active ? 'false' : 'true'}">`, p.active ? `Retirer ${p.name}` : `Réintégrer ${p.name}`, true)}</td></tr>`,
  );
  return layout(
    request,
    'Lieux sûrs',
    html`<table><caption>Réseau « En lieu sûr »</caption><thead><tr><th scope="col">Nom</th><th scope="col">Adresse</th><th scope="col">Téléphone</th><th scope="col">Horaires</th><th scope="col">Actif</th><th scope="col">Action</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Ajouter un lieu</h2>
<form method="post" action="/api/admin/safe-places">${csrfField(request)}<input type="hidden" name="_return" value="/admin/safe-places">
<label for="s-name">Nom</label><input id="s-name" name="name" required><label for="s-address">Adresse</label><input id="s-address" name="address" required>
<label for="s-cp">Code postal</label><input id="s-cp" name="postalCode" required><label for="s-commune">Commune</label><input id="s-commune" name="commune" required>
<label for="s-phone">Téléphone</label><input id="s-phone" name="phone"><label for="s-hours">Horaires</label><input id="s-hours" name="hours">
<p><button type="submit">Ajouter</button></p></form>`,
  );
}

/** The audit log, filterable. */
export function auditPage(request: FastifyRequest, q: { action?: string | undefined; actorId?: string | undefined; targetId?: string | undefined; from?: string | undefined; to?: string | undefined }, items: AuditEventRow[]) {
  const rows = items.map(
    (e) => html`<tr><td>${when(e.at)}</td><td>${e.actor_role}</td><td>${e.actor_id ?? '—'}</td><td>${e.action}</td><td>${e.target_type ?? ''} ${e.target_id ?? ''}</td><td><code>${JSON.stringify(e.details)}</code></td></tr>`,
  );
  return layout(
    request,
    'Journal d’audit',
    html`<form method="get" action="/admin/audit" aria-label="Filtres">
<label for="q-action">Action (préfixe, ex. report.)</label><input id="q-action" name="action" value="${q.action ?? ''}">
<label for="q-actor">Compte (id)</label><input id="q-actor" name="actorId" value="${q.actorId ?? ''}">
<label for="q-target">Cible (id)</label><input id="q-target" name="targetId" value="${q.targetId ?? ''}">
<label for="q-from">Du</label><input id="q-from" name="from" type="date" value="${q.from ?? ''}"><label for="q-to">au</label><input id="q-to" name="to" type="date" value="${q.to ?? ''}">
<p><button type="submit">Filtrer</button></p></form>
<table><caption>Qui a vu, modifié, publié, exporté ou révélé quoi, et quand</caption><thead><tr><th scope="col">Quand (UTC)</th><th scope="col">Rôle</th><th scope="col">Compte</th><th scope="col">Action</th><th scope="col">Cible</th><th scope="col">Détails</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}
