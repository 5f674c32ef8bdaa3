import type { FastifyRequest } from 'fastify';
import { t } from '../i18n/ui-lang.js';
import { html } from './html.js';
import { layout } from './layout.js';

/** The sign-in form: e-mail, password and authentication code (required for staff). */
export function loginPage(request: FastifyRequest, csrfToken: string, next: string) {
  return layout(
    request,
    t(request, 'login.title'),
    html`<form method="post" action="/api/auth/login" class="login">
<input type="hidden" name="_csrf" value="${csrfToken}">
${next ? html`<input type="hidden" name="next" value="${next}">` : null}
<label for="email">${t(request, 'login.email')}</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">${t(request, 'login.password')}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<label for="totp">${t(request, 'login.totp')}</label>
<input id="totp" name="totp" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}">
<p><button type="submit">${t(request, 'login.submit')}</button></p>
</form>`,
  );
}
