import { LANGS, type Lang } from '@relais/core';
import { CATALOGS } from '../../i18n/catalog.js';
import { escapeHtml, pageHead } from './page-head.js';

/** JSON that is safe inside a `<script type="application/json">` element. */
const inertJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * What the chat frame's script (`/chat.js`) is handed, as inert JSON: the widget texts of every
 * language (the conversation may switch language), the flow's language-switch confirmations and
 * web receipt templates (so it can follow the language and show the receipt as its own block), the
 * absolute follow-up address, and the language and tunnel the frame was opened with.
 */
export interface ChatPageConfig {
  readonly lang: Lang;
  readonly tunnel: string | null;
  readonly texts: Readonly<Record<Lang, Readonly<Record<string, string>>>>;
  readonly langSet: Readonly<Record<Lang, string>>;
  readonly receipt: Readonly<Record<Lang, string>>;
  readonly followUrl: string;
}

/** The {@link ChatPageConfig} of a chat frame opened in `lang` on `tunnel`, for a service at `publicUrl`. */
export function chatPageConfig(lang: Lang, tunnel: string | null, publicUrl: string): ChatPageConfig {
  const each = (pick: (l: Lang) => string) =>
    Object.fromEntries(LANGS.map((l) => [l, pick(l)])) as Record<Lang, string>;
  return {
    lang,
    tunnel,
    texts: Object.fromEntries(LANGS.map((l) => [l, CATALOGS[l].widget])) as ChatPageConfig['texts'],
    langSet: each((l) => CATALOGS[l].conversation.langSet),
    receipt: each((l) => CATALOGS[l].conversation.receivedWeb),
    followUrl: `${publicUrl}/report/follow`,
  };
}

/**
 * The chat frame (`GET /widget/chat`): the page the embed `widget.js` puts in an iframe of the
 * Relais origin, so that no script of the partner's page can read what is typed, the token or the
 * receipt. Its content is drawn by `/chat.js` from the inert JSON config (no inline script).
 */
export function chatPage(config: ChatPageConfig): string {
  const t = CATALOGS[config.lang].widget;
  return `${pageHead(config.lang, t.title, ['/widget.css'])}
<body class="frame">
<noscript><main><h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.emergency)}</p></main></noscript>
<script type="application/json" id="chat-config">${inertJson(config)}</script>
<script src="/chat.js" defer></script>
</body>
</html>`;
}
