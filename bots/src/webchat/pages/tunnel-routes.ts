import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LANGS, RelaisError, detectLang, tunnelSlug, type Lang } from '@relais/core';
import { CATALOGS } from '../../i18n/catalog.js';
import { REPORT_CSS } from './page-styles.js';
import { tunnelPage, unknownTunnelPage } from './tunnel-page.js';

const publicDir = fileURLToPath(new URL('../../../public/', import.meta.url));

/** What the tunnel pages need: whether a tunnel belongs to some partner scope. */
export interface TunnelRoutesDeps {
  isKnownTunnel(tunnel: string): Promise<boolean>;
  /** `PUBLIC_URL`: the CSP allows its WebSocket origin (never the request's `Host`); without it, 'self' only. */
  readonly publicUrl?: string;
}

/** Where `widget.js` takes its texts: replaced, when the file is served, by the catalogs' `widget` sections. */
const WIDGET_TEXTS_MARKER = '/* relais:widget-texts */ {}';

/** `widget.js` with the `widget` texts of every language of `LANGS` written in (the file itself holds none). */
export function widgetScript(source: string): string {
  if (!source.includes(WIDGET_TEXTS_MARKER))
    throw new RelaisError(
      'WIDGET_TEXTS',
      `widget.js must contain ${WIDGET_TEXTS_MARKER} where its texts go; put it back in bots/public/widget.js`,
    );
  const texts = Object.fromEntries(LANGS.map((lang) => [lang, CATALOGS[lang].widget]));
  return source.replace(WIDGET_TEXTS_MARKER, () => JSON.stringify(texts));
}

const langOf = (request: FastifyRequest): Lang =>
  detectLang({ chosen: (request.query as { lang?: string }).lang, tag: request.headers['accept-language'] });

function pageHeaders(reply: FastifyReply, publicUrl: string | undefined): FastifyReply {
  const ws = publicUrl ? ` ${new URL(publicUrl).origin.replace(/^http/, 'ws')}` : '';
  return reply
    .header(
      'content-security-policy',
      `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'${ws}; ` +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    )
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8');
}

/**
 * The web reporting tunnels: `GET /report`, `GET /report/partner/:tunnel` (an unknown tunnel gets
 * a plain 404 page that still shows the emergency numbers), and the embeddable `GET /widget.js`
 * (with its stylesheet), served to any origin so partners embed it with one script tag.
 */
export function tunnelRoutes(app: FastifyInstance, deps: TunnelRoutesDeps): void {
  const widget = widgetScript(readFileSync(`${publicDir}widget.js`, 'utf8'));
  const widgetCss = readFileSync(`${publicDir}widget.css`, 'utf8');
  const asset = (reply: FastifyReply, type: string, body: string) =>
    reply
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300')
      .type(type)
      .send(body);

  app.get('/widget.js', (_request, reply) => asset(reply, 'text/javascript; charset=utf-8', widget));
  app.get('/widget.css', (_request, reply) => asset(reply, 'text/css; charset=utf-8', widgetCss));
  app.get('/report.css', (_request, reply) => asset(reply, 'text/css; charset=utf-8', REPORT_CSS));
  app.get('/report', (request, reply) => pageHeaders(reply, deps.publicUrl).send(tunnelPage(langOf(request), null)));
  app.get<{ Params: { tunnel: string } }>('/report/partner/:tunnel', async (request, reply) => {
    const lang = langOf(request);
    const tunnel = request.params.tunnel;
    if (!tunnelSlug.safeParse(tunnel).success || !(await deps.isKnownTunnel(tunnel))) {
      return pageHeaders(reply, deps.publicUrl).code(404).send(unknownTunnelPage(lang));
    }
    return pageHeaders(reply, deps.publicUrl).send(tunnelPage(lang, tunnel));
  });
}
