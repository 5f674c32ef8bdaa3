import type { FastifyRequest } from 'fastify';
import { MIN_PASSWORD_LENGTH } from '../auth/password.js';
import { t } from '../i18n/ui-lang.js';
import { html } from './html.js';
import { csrfField, layout } from './layout.js';

/** The signed-in account's page: change password (which signs out every other session). */
export function accountPage(request: FastifyRequest) {
  return layout(
    request,
    t(request, 'account.title'),
    html`<p>${t(request, 'account.signedInAs', { name: request.account.displayName, role: request.account.role })}</p>
<form method="post" action="/api/auth/password">
${csrfField(request)}<input type="hidden" name="_return" value="/account">
<label for="current">${t(request, 'account.current')}</label><input id="current" name="current" type="password" autocomplete="current-password" required>
<label for="next">${t(request, 'account.next', { minimum: MIN_PASSWORD_LENGTH })}</label><input id="next" name="next" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required>
<p><button type="submit">${t(request, 'account.submit')}</button></p>
<p class="muted">${t(request, 'account.note')}</p>
</form>`,
  );
}
