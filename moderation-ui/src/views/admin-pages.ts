import type { FastifyRequest } from 'fastify';
import type { PartnerScope } from '@relais/core';
import type { AccountRow, AuditEventRow, PartnerRow, SafePlaceRow } from '@relais/db';
import { t } from '../i18n/ui-lang.js';
import { html, type SafeHtml } from './html.js';
import { when } from './labels.js';
import { csrfField, layout } from './layout.js';

function post(
  request: FastifyRequest,
  action: string,
  back: string,
  fields: SafeHtml,
  label: string,
  secondary = false,
): SafeHtml {
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
export function partnersPage(
  request: FastifyRequest,
  partners: PartnerRow[],
  scopes: ReadonlyMap<string, PartnerScope> = new Map(),
) {
  const rows = partners.map((p) => {
    const { postalCodes, tunnels } = scopeLists(scopes.get(p.id) ?? []);
    const edit = html`<details><summary>${t(request, 'partners.editScope', { name: p.name })}</summary>
<form method="post" action="/api/admin/partners/${p.id}/scope">${csrfField(request)}<input type="hidden" name="_return" value="/admin/partners">
<label for="cp-${p.id}">${t(request, 'partners.postalCodes')}</label><input id="cp-${p.id}" name="postalCodes" value="${postalCodes.join(', ')}">
<label for="tu-${p.id}">${t(request, 'partners.tunnels')}</label><input id="tu-${p.id}" name="tunnels" value="${tunnels.join(', ')}">
<label for="ml-${p.id}">${t(request, 'partners.digestEmails')}</label><input id="ml-${p.id}" name="digestEmails" value="${p.digest_emails.join(', ')}">
<p><button type="submit">${t(request, 'partners.saveScope')}</button></p></form></details>`;
    return html`<tr><td>${p.name}</td><td>${p.slug}</td><td>${t(request, p.status === 'active' ? 'partners.active' : 'partners.suspended')}</td>
<td>${postalCodes.join(', ') || '—'}</td><td>${tunnels.join(', ') || '—'}</td><td>${p.digest_emails.join(', ')}</td>
<td>${post(request, `/api/admin/partners/${p.id}/status`, '/admin/partners', html`<input type="hidden" name="status" value="${p.status === 'active' ? 'suspended' : 'active'}">`, t(request, p.status === 'active' ? 'partners.suspend' : 'partners.restore', { name: p.name }), true)}${edit}</td></tr>`;
  });
  return layout(
    request,
    t(request, 'nav.partners'),
    html`<table><caption>${t(request, 'partners.caption')}</caption><thead><tr><th scope="col">${t(request, 'partners.name')}</th><th scope="col">${t(request, 'partners.slug')}</th><th scope="col">${t(request, 'partners.access')}</th><th scope="col">${t(request, 'partners.postalCodes')}</th><th scope="col">${t(request, 'partners.tunnels')}</th><th scope="col">${t(request, 'partners.digestRecipients')}</th><th scope="col">${t(request, 'partners.actions')}</th></tr></thead><tbody>${rows}</tbody></table>
<h2>${t(request, 'partners.add')}</h2>
<form method="post" action="/api/admin/partners">${csrfField(request)}<input type="hidden" name="_return" value="/admin/partners">
<label for="p-name">${t(request, 'partners.name')}</label><input id="p-name" name="name" required>
<label for="p-slug">${t(request, 'partners.slugField')}</label><input id="p-slug" name="slug" required pattern="[A-Za-z0-9_-]{1,64}">
<label for="p-cp">${t(request, 'partners.postalCodesField')}</label><input id="p-cp" name="postalCodes">
<label for="p-tunnels">${t(request, 'partners.tunnels')}</label><input id="p-tunnels" name="tunnels">
<label for="p-mails">${t(request, 'partners.digestEmails')}</label><input id="p-mails" name="digestEmails">
<p><button type="submit">${t(request, 'admin.add')}</button></p></form>`,
  );
}

/** Accounts, with the one-time secrets of a just-created account. */
export function accountsPage(
  request: FastifyRequest,
  accounts: AccountRow[],
  partners: PartnerRow[],
  secrets?: { initialPassword: string; totpSecret: string; otpauthUri: string },
) {
  const partnerName = new Map(partners.map((p) => [p.id, p.name]));
  const rows = accounts.map(
    (
      a,
    ) => html`<tr><td>${a.display_name}</td><td>${a.email}</td><td>${a.role}</td><td>${a.partner_id ? partnerName.get(a.partner_id) : '—'}</td><td>${a.status}</td><td>${when(a.last_login_at)}</td>
<td>${post(request, `/api/admin/accounts/${a.id}/status`, '/admin/accounts', html`<input type="hidden" name="status" value="${a.status === 'active' ? 'disabled' : 'active'}">`, t(request, a.status === 'active' ? 'accounts.disable' : 'accounts.enable', { email: a.email }), true)}</td></tr>`,
  );
  return layout(
    request,
    t(request, 'nav.accounts'),
    html`${
      secrets
        ? html`<div class="notice" role="status"><p>${t(request, 'accounts.created')}</p>
<p>${t(request, 'accounts.initialPassword')} <code>${secrets.initialPassword}</code></p><p>${t(request, 'accounts.totpSecret')} <code>${secrets.totpSecret}</code></p><p><code>${secrets.otpauthUri}</code></p></div>`
        : null
    }
<table><caption>${t(request, 'accounts.caption')}</caption><thead><tr><th scope="col">${t(request, 'accounts.name')}</th><th scope="col">${t(request, 'accounts.email')}</th><th scope="col">${t(request, 'accounts.role')}</th><th scope="col">${t(request, 'accounts.partner')}</th><th scope="col">${t(request, 'accounts.state')}</th><th scope="col">${t(request, 'accounts.lastLogin')}</th><th scope="col">${t(request, 'admin.action')}</th></tr></thead><tbody>${rows}</tbody></table>
<h2>${t(request, 'accounts.create')}</h2>
<form method="post" action="/api/admin/accounts">${csrfField(request)}<input type="hidden" name="_return" value="/admin/accounts">
<label for="a-name">${t(request, 'accounts.displayName')}</label><input id="a-name" name="displayName" required>
<label for="a-email">${t(request, 'accounts.email')}</label><input id="a-email" name="email" type="email" required>
<label for="a-role">${t(request, 'accounts.role')}</label><select id="a-role" name="role"><option value="moderator">${t(request, 'accounts.roleModerator')}</option><option value="admin">${t(request, 'accounts.roleAdmin')}</option><option value="partner">${t(request, 'accounts.rolePartner')}</option></select>
<label for="a-partner">${t(request, 'accounts.partnerField')}</label><select id="a-partner" name="partnerId"><option value="">—</option>${partners.map((p) => html`<option value="${p.id}">${p.name}</option>`)}</select>
<p><button type="submit">${t(request, 'accounts.submit')}</button></p></form>`,
  );
}

/** The "En lieu sûr" network. */
export function safePlacesPage(request: FastifyRequest, places: SafePlaceRow[]) {
  const rows = places.map(
    (
      p,
    ) => html`<tr><td>${p.name}</td><td>${p.address}, ${p.postal_code} ${p.commune}</td><td>${p.phone ?? '—'}</td><td>${p.hours ?? '—'}</td><td>${t(request, p.active ? 'safePlaces.yes' : 'safePlaces.no')}</td>
<td>${post(request, `/api/admin/safe-places/${p.id}/active`, '/admin/safe-places', html`<input type="hidden" name="active" value="${p.active ? 'false' : 'true'}">`, t(request, p.active ? 'safePlaces.withdraw' : 'safePlaces.reinstate', { name: p.name }), true)}</td></tr>`,
  );
  return layout(
    request,
    t(request, 'nav.safePlaces'),
    html`<table><caption>${t(request, 'safePlaces.caption')}</caption><thead><tr><th scope="col">${t(request, 'safePlaces.name')}</th><th scope="col">${t(request, 'safePlaces.address')}</th><th scope="col">${t(request, 'safePlaces.phone')}</th><th scope="col">${t(request, 'safePlaces.hours')}</th><th scope="col">${t(request, 'safePlaces.active')}</th><th scope="col">${t(request, 'admin.action')}</th></tr></thead><tbody>${rows}</tbody></table>
<h2>${t(request, 'safePlaces.add')}</h2>
<form method="post" action="/api/admin/safe-places">${csrfField(request)}<input type="hidden" name="_return" value="/admin/safe-places">
<label for="s-name">${t(request, 'safePlaces.name')}</label><input id="s-name" name="name" required><label for="s-address">${t(request, 'safePlaces.address')}</label><input id="s-address" name="address" required>
<label for="s-cp">${t(request, 'safePlaces.postalCode')}</label><input id="s-cp" name="postalCode" required><label for="s-commune">${t(request, 'safePlaces.commune')}</label><input id="s-commune" name="commune" required>
<label for="s-phone">${t(request, 'safePlaces.phone')}</label><input id="s-phone" name="phone"><label for="s-hours">${t(request, 'safePlaces.hours')}</label><input id="s-hours" name="hours">
<p><button type="submit">${t(request, 'admin.add')}</button></p></form>`,
  );
}

/** The audit log, filterable. */
export function auditPage(
  request: FastifyRequest,
  q: {
    action?: string | undefined;
    actorId?: string | undefined;
    targetId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
  items: AuditEventRow[],
) {
  const rows = items.map(
    (e) =>
      html`<tr><td>${when(e.at)}</td><td>${e.actor_role}</td><td>${e.actor_id ?? '—'}</td><td>${e.action}</td><td>${e.target_type ?? ''} ${e.target_id ?? ''}</td><td><code>${JSON.stringify(e.details)}</code></td></tr>`,
  );
  return layout(
    request,
    t(request, 'nav.audit'),
    html`<form method="get" action="/admin/audit" aria-label="${t(request, 'common.filters')}">
<label for="q-action">${t(request, 'audit.actionField')}</label><input id="q-action" name="action" value="${q.action ?? ''}">
<label for="q-actor">${t(request, 'audit.actorField')}</label><input id="q-actor" name="actorId" value="${q.actorId ?? ''}">
<label for="q-target">${t(request, 'audit.targetField')}</label><input id="q-target" name="targetId" value="${q.targetId ?? ''}">
<label for="q-from">${t(request, 'audit.from')}</label><input id="q-from" name="from" type="date" value="${q.from ?? ''}"><label for="q-to">${t(request, 'audit.to')}</label><input id="q-to" name="to" type="date" value="${q.to ?? ''}">
<p><button type="submit">${t(request, 'common.filter')}</button></p></form>
<table><caption>${t(request, 'audit.caption')}</caption><thead><tr><th scope="col">${t(request, 'audit.at')}</th><th scope="col">${t(request, 'accounts.role')}</th><th scope="col">${t(request, 'audit.actor')}</th><th scope="col">${t(request, 'admin.action')}</th><th scope="col">${t(request, 'audit.target')}</th><th scope="col">${t(request, 'audit.details')}</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}
