import type { FastifyRequest } from 'fastify';
import { t } from '../i18n/ui-lang.js';
import { html } from './html.js';
import { layout } from './layout.js';

/**
 * The page a form submission gets when the server refuses it: the message, and what the person had
 * typed (so an optimistic-lock conflict never loses their text).
 */
export function errorPage(
  request: FastifyRequest,
  status: number,
  code: string,
  message: string,
  returnTo: string,
  typedText?: string,
): string {
  return layout(
    request,
    t(request, status === 409 ? 'errorPage.conflict' : 'errorPage.refused'),
    html`<p class="error" role="alert">${message}</p>
<p class="muted">${t(request, 'errorPage.code', { code })}</p>
${typedText ? html`<label for="typed">${t(request, 'errorPage.typed')}</label><textarea id="typed" readonly>${typedText}</textarea>` : null}
<p><a href="${returnTo}">${t(request, 'errorPage.back')}</a></p>`,
  ).value;
}
