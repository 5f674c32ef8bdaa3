import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LANGS, RelaisError, detectLang, tunnelSlug, type Lang } from '@relais/core';
import { CATALOGS } from '../../i18n/catalog.js';
import { chatPage, chatPageConfig } from './chat-page.js';
import { REPORT_CSS } from './page-styles.js';
import { tunnelPage, unknownTunnelPage } from './tunnel-page.js';

const publicDir = fileURLToPath(new URL('../../../public/', import.meta.url));

/** What the tunnel pages need: whether a tunnel belongs to some partner scope, and the service's public URL. */
export interface TunnelRoutesDeps {
  isKnownTunnel(tunnel: string): Promise<boolean>;
  /** `PUBLIC_URL`, without a trailing slash: every address the pages and the widget give out starts with it. */
  readonly publicUrl: string;
}

/** Where `widget.js` takes its texts: replaced, when the file is served, by the catalogs' `widget` sections. */
const WIDGET_TEXTS_MARKER = '/* relais:widget-texts */ {}';
/** Where `widget.js` takes the address of the chat frame's service: replaced by `PUBLIC_URL`. */
const WIDGET_ORIGIN_MARKER = "/* relais:public-url */ ''";

/**
 * `widget.js` with the `widget` texts of every language of `LANGS` and the service's public URL
 * written in (the file itself holds neither).
 */
export function widgetScript(source: string, publicUrl: string): string {
  for (const marker of [WIDGET_TEXTS_MARKER, WIDGET_ORIGIN_MARKER])
    if (!source.includes(marker))
      throw new RelaisError(
        'WIDGET_TEXTS',
        `widget.js must contain ${marker} where the served values go; put it back in bots/public/widget.js`,
      );
  const texts = Object.fromEntries(LANGS.map((lang) => [lang, CATALOGS[lang].widget]));
  return source
    .replace(WIDGET_TEXTS_MARKER, () => JSON.stringify(texts))
    .replace(WIDGET_ORIGIN_MARKER, () => JSON.stringify(new URL(publicUrl).origin));
}

const langOf = (request: FastifyRequest): Lang =>
  detectLang({ chosen: (request.query as { lang?: string }).lang, tag: request.headers['accept-language'] });

/**
 * The content security policy of a reporting page, from the public URL (never from the request's
 * `Host`). The tunnel pages hold the chat frame (at the public origin, also when a page was reached
 * by another name such as localhost) and are never framed; the chat frame may be framed
 * by any https page (partners embed it; http too when the service itself runs on http, locally),
 * and talks to the Direct Line endpoint only.
 */
export function reportPagePolicy(publicUrl: string, kind: 'page' | 'chat'): string {
  const origin = new URL(publicUrl);
  const ws = `${origin.protocol === 'https:' ? 'wss' : 'ws'}://${origin.host}`;
  const common = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'";
  return kind === 'page'
    ? `${common}; connect-src 'self'; frame-src 'self' ${origin.origin}; form-action 'self'; frame-ancestors 'none'`
    : `${common}; connect-src 'self' ${ws}; form-action 'none'; frame-ancestors 'self' https:${origin.protocol === 'http:' ? ' http:' : ''}`;
}

function pageHeaders(reply: FastifyReply, policy: string): FastifyReply {
  return reply
    .header('content-security-policy', policy)
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8');
}

/**
 * The web reporting tunnels: `GET /report`, `GET /report/partner/:tunnel` (an unknown tunnel gets
 * a plain 404 page that still shows the emergency numbers), the embeddable `GET /widget.js` (served
 * to any origin so partners embed it with one script tag) and the chat frame it opens,
 * `GET /widget/chat` (with `/chat.js` and the stylesheet).
 */
export function tunnelRoutes(app: FastifyInstance, deps: TunnelRoutesDeps): void {
  const widget = widgetScript(readFileSync(`${publicDir}widget.js`, 'utf8'), deps.publicUrl);
  const chat = readFileSync(`${publicDir}chat.js`, 'utf8');
  const widgetCss = readFileSync(`${publicDir}widget.css`, 'utf8');
  const pagePolicy = reportPagePolicy(deps.publicUrl, 'page');
  const chatPolicy = reportPagePolicy(deps.publicUrl, 'chat');
  const asset = (reply: FastifyReply, type: string, body: string) =>
    reply
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300')
      .type(type)
      .send(body);

  app.get('/widget.js', (_request, reply) => asset(reply, 'text/javascript; charset=utf-8', widget));
  app.get('/chat.js', (_request, reply) => asset(reply, 'text/javascript; charset=utf-8', chat));
  app.get('/widget.css', (_request, reply) => asset(reply, 'text/css; charset=utf-8', widgetCss));
  app.get('/report.css', (_request, reply) => asset(reply, 'text/css; charset=utf-8', REPORT_CSS));
  app.get('/report', (request, reply) => pageHeaders(reply, pagePolicy).send(tunnelPage(langOf(request), null)));
  app.get<{ Params: { tunnel: string } }>('/report/partner/:tunnel', async (request, reply) => {
    const lang = langOf(request);
    const tunnel = request.params.tunnel;
    if (!tunnelSlug.safeParse(tunnel).success || !(await deps.isKnownTunnel(tunnel))) {
      return pageHeaders(reply, pagePolicy).code(404).send(unknownTunnelPage(lang));
    }
    return pageHeaders(reply, pagePolicy).send(tunnelPage(lang, tunnel));
  });
  app.get<{ Querystring: { tunnel?: string } }>('/widget/chat', (request, reply) => {
    // The Direct Line endpoint checks the tunnel again when the conversation starts.
    const tunnel = request.query.tunnel;
    const known = typeof tunnel === 'string' && tunnelSlug.safeParse(tunnel).success ? tunnel : null;
    return pageHeaders(reply, chatPolicy).send(chatPage(chatPageConfig(langOf(request), known, deps.publicUrl)));
  });
}
