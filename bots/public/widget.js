// @ts-check
/**
 * Relais web chat widget: a small, accessible chat client speaking Direct Line 3.0 to the Relais
 * bots service it was loaded from. Embed with one tag:
 *   <script src="https://<relais>/widget.js" data-tunnel="montpellier" defer></script>
 * Optional: data-lang="fr|en", data-target="#css-selector", data-exit-url="https://…".
 * No cookies, no storage, no third-party request: the conversation lives in memory only.
 */
(() => {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  if (!script) return;
  const base = new URL(script.src).origin;
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

  const T = TEXTS[lang] ?? {};

  /** Leaves at once for a neutral page, replacing this entry in the history. */
  function quickExit() {
    try {
      host.remove();
    } finally {
      window.location.replace(exitUrl);
    }
  }

  const host = document.createElement('div');
  host.className = 'relais-widget';
  const target = data.target ? document.querySelector(data.target) : null;
  if (target) target.appendChild(host);
  else script.insertAdjacentElement('afterend', host);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = `${base}/widget.css`;
  root.appendChild(style);

  /**
   * @param {string} tag
   * @param {Record<string, string>} [attrs]
   * @param {string} [text]
   */
  const el = (tag, attrs = {}, text) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const panel = el('section', { class: 'panel', 'aria-labelledby': 'relais-title', lang });
  const header = el('header', { class: 'bar' });
  header.append(el('h2', { id: 'relais-title' }, T.title));
  const exit = el('button', { type: 'button', class: 'exit', 'aria-describedby': 'relais-exit-hint' }, T.exit);
  header.append(exit, el('span', { id: 'relais-exit-hint', class: 'sr-only' }, T.exitHint));
  const emergency = el('p', { class: 'emergency' }, T.emergency);
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': T.log, tabindex: '0' });
  const list = el('ol', { class: 'messages' });
  log.append(list);
  const status = el('p', { class: 'status', role: 'status' }, T.connecting);
  const choices = el('div', { class: 'choices', role: 'group', 'aria-label': T.choices });
  const form = el('form', { class: 'composer' });
  const input = /** @type {HTMLTextAreaElement} */ (
    el('textarea', { id: 'relais-input', rows: '2', maxlength: '20000', autocomplete: 'off', 'aria-label': T.input })
  );
  const send = el('button', { type: 'submit', class: 'send' }, T.send);
  form.append(input, send);
  panel.append(header, emergency, log, status, choices, form);
  root.appendChild(panel);

  exit.addEventListener('click', quickExit);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') quickExit();
  });

  /** @type {{ token: string, conversationId: string, watermark: string | undefined, userId: string } | undefined} */
  let session;
  const seen = new Set();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let refreshTimer;
  let refreshDue = Infinity;
  /** @type {Promise<void> | undefined} */
  let refreshing;
  let posted = 0;

  /** @param {any} activity */
  function render(activity) {
    if (seen.has(activity.id)) return;
    if (activity.type === 'event' && activity.name === 'relais.clear') {
      // "Delete the conversation": the server has erased it; nothing of it stays on screen.
      seen.add(activity.id);
      list.replaceChildren();
      choices.replaceChildren();
      return;
    }
    if (activity.type !== 'message') return;
    seen.add(activity.id);
    const mine = activity.from?.role === 'user';
    const item = el('li', { class: mine ? 'msg mine' : 'msg bot' });
    item.append(
      el('span', { class: 'sr-only' }, `${mine ? T.you : T.bot} : `),
      el('span', { class: 'text' }, activity.text || ''),
    );
    list.append(item);
    // A long answer is read from its start; one's own message just needs to be in view.
    item.scrollIntoView({ block: mine ? 'end' : 'start' });
    if (!mine) {
      choices.replaceChildren();
      const actions = activity.suggestedActions?.actions || [];
      for (const action of actions) {
        const button = el('button', { type: 'button', class: 'choice' }, String(action.title));
        // messageBack: the person sees the label, the bot reads the value; imBack sends the value.
        const value = action.type === 'messageBack' ? action.value : undefined;
        const text =
          action.type === 'messageBack'
            ? String(action.displayText ?? action.title)
            : String(action.value ?? action.title);
        button.addEventListener('click', () => post(text, value));
        choices.append(button);
      }
    }
  }

  /**
   * Calls the endpoint with the current token. A 403 TokenExpired gets one token refresh and one
   * more try; errors carry the HTTP status (none when the network failed).
   * @param {string} path @param {RequestInit} [init] @param {boolean} [retried]
   * @returns {Promise<any>}
   */
  async function call(path, init = {}, retried = false) {
    const response = await fetch(`${base}/v3/directline${path}`, {
      ...init,
      credentials: 'omit',
      headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
    });
    if (response.ok) return response.json();
    const body = await response.json().catch(() => ({}));
    if (
      response.status === 403 &&
      body.error?.code === 'TokenExpired' &&
      session &&
      !retried &&
      path !== '/tokens/refresh'
    ) {
      await refresh(true);
      return call(path, init, true);
    }
    throw Object.assign(new Error(`Direct Line ${response.status}`), { status: response.status });
  }

  /** Remembers a token's lifetime and schedules its refresh at half-life (drafts outlive tokens). @param {number} expiresIn */
  function keep(expiresIn) {
    const inMs = Math.max(1, Number(expiresIn) || 3600) * 500;
    refreshDue = Date.now() + inMs;
    window.clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refresh().catch(() => undefined), inMs);
  }

  /** Exchanges the token for a fresh one (once at a time); `after403` reports failure as expiry. @param {boolean} [after403] */
  function refresh(after403) {
    refreshing ??= call('/tokens/refresh', { method: 'POST' })
      .then((granted) => {
        if (session) session.token = granted.token;
        keep(granted.expires_in);
      })
      .catch((error) => {
        if (after403 || error.status === 403) status.textContent = T.expired;
        throw error;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  }

  // Timers sleep with the device: coming back to the page refreshes a token due meanwhile.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && session && Date.now() >= refreshDue)
      void refresh().catch(() => undefined);
  });

  async function poll() {
    if (!session) return;
    const query = session.watermark ? `?watermark=${encodeURIComponent(session.watermark)}` : '';
    const page = await call(`/conversations/${session.conversationId}/activities${query}`);
    session.watermark = page.watermark;
    page.activities.forEach(render);
  }

  /** @param {string} streamUrl */
  function stream(streamUrl) {
    let socket;
    try {
      socket = new WebSocket(streamUrl);
    } catch {
      return false;
    }
    socket.addEventListener('message', (event) => {
      if (!event.data) return;
      const page = JSON.parse(String(event.data));
      if (session && page.watermark) session.watermark = page.watermark;
      (page.activities || []).forEach(render);
    });
    socket.addEventListener('close', () => setTimeout(() => poll().catch(() => undefined), 500));
    return true;
  }

  /** What to tell the person when a message could not be sent (what they typed stays). @param {number | undefined} code */
  const failure = (code) =>
    code === 400 || code === 413 ? T.invalid : code === 429 ? T.slowDown : code === 403 ? T.expired : T.offline;

  /** @param {string} text @param {unknown} [value] */
  async function post(text, value) {
    if (!session || !text.trim()) return;
    send.setAttribute('disabled', '');
    // The same id on every try: if an answer was lost, the server recognises the retry.
    const clientActivityID = `${session.userId}-${Date.now().toString(36)}-${++posted}`;
    const body = JSON.stringify({
      type: 'message',
      from: { id: session.userId },
      text,
      locale: lang,
      channelData: { clientActivityID },
      ...(value === undefined ? {} : { value }),
    });
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          await call(`/conversations/${session.conversationId}/activities`, { method: 'POST', body });
          break;
        } catch (error) {
          if (/** @type {{ status?: number }} */ (error).status !== undefined || attempt >= 2) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1000 * (attempt + 1)));
        }
      }
      if (input.value === text) input.value = '';
      status.textContent = '';
      await poll();
    } catch (error) {
      status.textContent = failure(/** @type {{ status?: number }} */ (error).status);
    } finally {
      send.removeAttribute('disabled');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void post(input.value);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void post(input.value);
    }
  });

  async function start() {
    const granted = await call('/tokens/generate', {
      method: 'POST',
      body: JSON.stringify({ locale: lang, ...(tunnel ? { tunnel } : {}) }),
    });
    const userId = `web_${Math.random().toString(36).slice(2, 12)}`;
    session = { token: granted.token, conversationId: granted.conversationId, watermark: undefined, userId };
    const started = await call('/conversations', { method: 'POST', body: JSON.stringify({ locale: lang }) });
    session.token = started.token;
    keep(started.expires_in);
    status.textContent = '';
    if (!stream(started.streamUrl)) await poll();
    setInterval(() => poll().catch(() => undefined), 5_000);
  }

  start().catch(() => {
    status.textContent = T.offline;
  });
})();
