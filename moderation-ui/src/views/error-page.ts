import type { FastifyRequest } from 'fastify';
import { html } from './html.js';
import { layout } from './layout.js';

/**
 * The page a form submission gets when the server refuses it: the message, and what the person had
 * typed (so an optimistic-lock conflict never loses their text).
 */
export function errorPage(request: FastifyRequest, status: number, code: string, message: string, returnTo: string, typedText?: string): string {
  return layout(
    request,
    status === 409 ? 'Conflit' : 'Action refusée',
    html`<p class="error" role="alert">${message}</p>
<p class="muted">Code : ${code}</p>
${typedText ? html`<label for="typed">Votre texte (non enregistré) :</label><textarea id="typed" readonly>${typedText}</textarea>` : null}
<p><a href="${returnTo}">Revenir à la page</a></p>`,
  ).value;
}
