// @ts-check
/**
 * Relais web chat widget, the one-line embed of a partner page:
 *   <script src="https://<relais>/widget.js" data-tunnel="montpellier" defer></script>
 * Optional: data-lang="fr|en", data-target="#css-selector", data-exit-url="https://…".
 * It only opens the chat in an iframe of the Relais origin (`/widget/chat`): what the person types,
 * the token and the receipt live in that frame, out of reach of the partner page's scripts. This
 * file keeps the quick exit working from the host page (button in the frame, Escape, Shift three
 * times) and gives the frame a fixed height: the chat scrolls inside, never the host page.
 * No cookie, no storage, no third-party request.
 */
(() => {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  if (!script) return;
  // The bots service's PUBLIC_URL origin, written in by the service when it serves this file.
  const origin = String(/* relais:public-url */ '') || new URL(script.src).origin;
  const data = script.dataset;
  // The widget's texts by language, from the bots' catalogs (bots/src/i18n, section `widget`),
  // written in here by the bots service when it serves this file; languages in LANGS order.
  const TEXTS = /** @type {Record<string, Record<string, string>>} */ (/* relais:widget-texts */ {});
  const langs = Object.keys(TEXTS);
  const wanted = data.lang ?? '';
  const lang = Object.hasOwn(TEXTS, wanted)
    ? wanted
    : (langs.find((l) => navigator.language.toLowerCase().startsWith(l)) ?? langs[0] ?? 'fr');
  const exitUrl =
    data.exitUrl && /^https:\/\//.test(data.exitUrl) ? data.exitUrl : 'https://www.google.com/search?q=m%C3%A9t%C3%A9o';
  const tunnel = data.tunnel && /^[A-Za-z0-9_-]{1,64}$/.test(data.tunnel) ? data.tunnel : undefined;

  const frame = document.createElement('iframe');
  const query = new URLSearchParams({ lang, ...(tunnel ? { tunnel } : {}) });
  frame.src = `${origin}/widget/chat?${query}`;
  frame.title = TEXTS[lang]?.frame ?? 'Relais';
  frame.lang = lang;
  frame.className = 'relais-widget';
  frame.allow = 'clipboard-write';
  frame.referrerPolicy = 'no-referrer';
  // CSSOM, not a style attribute: allowed under a host page's strict CSP. A fixed height: the chat
  // scrolls inside the frame and never grows or scrolls the host page.
  frame.style.cssText =
    'display:block;box-sizing:border-box;width:100%;max-width:40rem;height:min(40rem,88vh);min-height:18rem;border:0;border-radius:0.75rem;background:#fff;';
  const target = data.target ? document.querySelector(data.target) : null;
  if (target) target.appendChild(frame);
  else script.insertAdjacentElement('afterend', frame);

  let ready = false;
  /** Leaves at once for a neutral page, replacing this entry in the history. */
  function quickExit() {
    try {
      frame.remove();
    } finally {
      window.location.replace(exitUrl);
    }
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    const message = /** @type {{ relais?: string, lang?: string }} */ (event.data ?? {});
    if (message.relais === 'ready') ready = true;
    else if (message.relais === 'exit') quickExit();
    else if (message.relais === 'lang' && message.lang && Object.hasOwn(TEXTS, message.lang)) {
      frame.lang = message.lang;
      frame.title = TEXTS[message.lang]?.frame ?? frame.title;
    }
  });

  // The same shortcuts as inside the frame, when the focus is on the host page. Escape lets the
  // frame decide (it asks first when its text area holds text); without the frame, leave at once.
  let shifts = /** @type {number[]} */ ([]);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      if (ready) frame.contentWindow?.postMessage({ relais: 'escape' }, origin);
      else quickExit();
    } else if (event.key === 'Shift' && !event.repeat) {
      const now = Date.now();
      shifts = [...shifts.filter((t) => now - t < 1500), now];
      if (shifts.length < 3) return;
      // The frame forgets the conversation, then asks to leave; leave anyway if it cannot answer.
      if (ready) frame.contentWindow?.postMessage({ relais: 'leave' }, origin);
      setTimeout(quickExit, ready ? 400 : 0);
    } else shifts = [];
  });
})();
