import type { FastifyRequest } from 'fastify';
import { html } from './html.js';
import { csrfField, layout } from './layout.js';

/** The signed-in account's page: change password (which signs out every other session). */
export function accountPage(request: FastifyRequest) {
  return layout(
    request,
    'Mon compte',
    html`<p>Connecté·e en tant que ${request.auth?.displayName} (${request.auth?.role}).</p>
<form method="post" action="/api/auth/password">
${csrfField(request)}<input type="hidden" name="_return" value="/account">
<label for="current">Mot de passe actuel</label><input id="current" name="current" type="password" autocomplete="current-password" required>
<label for="next">Nouveau mot de passe (12 caractères au moins)</label><input id="next" name="next" type="password" autocomplete="new-password" minlength="12" required>
<p><button type="submit">Changer le mot de passe</button></p>
<p class="muted">Changer le mot de passe ferme toutes vos autres sessions.</p>
</form>`,
  );
}
