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
  const lang = data.lang === 'en' || data.lang === 'fr' ? data.lang : navigator.language.toLowerCase().startsWith('en') ? 'en' : 'fr';
  const exitUrl = data.exitUrl && /^https:\/\//.test(data.exitUrl) ? data.exitUrl : 'https://www.google.com/search?q=m%C3%A9t%C3%A9o';
  const tunnel = data.tunnel && /^[A-Za-z0-9_-]{1,64}$/.test(data.tunnel) ? data.tunnel : undefined;

  const T = {
    fr: {
      title: 'Signaler un acte anti-LGBT+',
      exit: 'Sortie rapide',
      exitHint: 'Quitte immédiatement cette page (touche Échap)',
      log: 'Conversation avec l’assistant de signalement',
      input: 'Votre message',
      send: 'Envoyer',
      choices: 'Réponses proposées',
      connecting: 'Connexion…',
      offline: 'La connexion est interrompue. Votre saisie est conservée ; nouvel essai…',
      slowDown: 'Vous envoyez beaucoup de messages : patientez une minute. Votre saisie est conservée.',
      you: 'Vous',
      bot: 'Assistant',
      emergency: 'En danger ? Appelez le 17 ou le 112, ou envoyez un SMS au 114.',
    },
    en: {
      title: 'Report an anti-LGBT+ act',
      exit: 'Quick exit',
      exitHint: 'Leaves this page at once (Escape key)',
      log: 'Conversation with the reporting assistant',
      input: 'Your message',
      send: 'Send',
      choices: 'Suggested answers',
      connecting: 'Connecting…',
      offline: 'The connection dropped. What you typed is kept; retrying…',
      slowDown: 'You are sending a lot of messages: please wait a minute. What you typed is kept.',
      you: 'You',
      bot: 'Assistant',
      emergency: 'In danger? Call 17 or 112, or text 114.',
    },
  }[lang];

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
  const input = /** @type {HTMLTextAreaElement} */ (el('textarea', { id: 'relais-input', rows: '2', maxlength: '20000', autocomplete: 'off', 'aria-label': T.input }));
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

  /** @param {any} activity */
  function render(activity) {
    if (activity.type !== 'message' || seen.has(activity.id)) return;
    seen.add(activity.id);
    const mine = activity.from?.role === 'user';
    const item = el('li', { class: mine ? 'msg mine' : 'msg bot' });
    item.append(el('span', { class: 'sr-only' }, `${mine ? T.you : T.bot} : `), el('span', { class: 'text' }, activity.text || ''));
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
        const text = action.type === 'messageBack' ? String(action.displayText ?? action.title) : String(action.value ?? action.title);
        button.addEventListener('click', () => post(text, value));
        choices.append(button);
      }
    }
  }

  /** @param {string} path @param {RequestInit} [init] */
  async function call(path, init = {}) {
    const response = await fetch(`${base}/v3/directline${path}`, {
      ...init,
      credentials: 'omit',
      headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
    });
    if (!response.ok) throw Object.assign(new Error(`Direct Line ${response.status}`), { status: response.status });
    return response.json();
  }

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

  /** @param {string} text @param {unknown} [value] */
  async function post(text, value) {
    if (!session || !text.trim()) return;
    send.setAttribute('disabled', '');
    try {
      await call(`/conversations/${session.conversationId}/activities`, {
        method: 'POST',
        body: JSON.stringify({ type: 'message', from: { id: session.userId }, text, locale: lang, ...(value === undefined ? {} : { value }) }),
      });
      if (input.value === text) input.value = '';
      status.textContent = '';
      await poll();
    } catch (error) {
      status.textContent = /** @type {{ status?: number }} */ (error).status === 429 ? T.slowDown : T.offline;
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
    const granted = await call('/tokens/generate', { method: 'POST', body: JSON.stringify(tunnel ? { tunnel } : {}) });
    const userId = `web_${Math.random().toString(36).slice(2, 12)}`;
    session = { token: granted.token, conversationId: granted.conversationId, watermark: undefined, userId };
    const started = await call('/conversations', { method: 'POST', body: JSON.stringify({ locale: lang }) });
    session.token = started.token;
    status.textContent = '';
    if (!stream(started.streamUrl)) await poll();
    setInterval(() => poll().catch(() => undefined), 5_000);
  }

  start().catch(() => {
    status.textContent = T.offline;
  });
})();
