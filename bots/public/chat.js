// @ts-check
/**
 * Relais chat frame (`/widget/chat`, opened by the embed `widget.js` in an iframe of the Relais
 * origin): an accessible chat client speaking Direct Line 3.0 to this service. No cookie; for a
 * reload or a tab the phone discarded, this tab's sessionStorage keeps the conversation's id,
 * token and watermark (never a text), cleared on exit, on erasure and once the receipt is noted.
 * Everything from the server is rendered as text (links and phone numbers as safe anchors).
 */
(() => {
  const configElement = document.getElementById('chat-config');
  /**
   * @type {{ lang: string, tunnel: string | null, texts: Record<string, Record<string, string>>,
   *   langSet: Record<string, string>, receipt: Record<string, string>, followUrl: string }}
   */
  const C = JSON.parse(configElement?.textContent ?? '{}');
  const base = window.location.origin;
  const NEUTRAL_URL = 'https://www.google.com/search?q=m%C3%A9t%C3%A9o';
  const STORE_KEY = 'relais-chat';
  // The flow's "safe places near me" choice (bots/src/flow/guidance.ts).
  const SAFE_PLACES_CHOICE = 'g:urg-places';
  /** The header's emergency button (the flow marks the report in danger, via a button, for staff) and back. */
  const URGENCE_CHOICE = 'g:urgence';
  const BACK_CHOICE = 'g:urg-back';
  const embedded = window.parent !== window;
  let lang = C.lang;
  let T = C.texts[lang] ?? {};

  /** @param {unknown} message */
  const toHost = (message) => {
    // Only these signals cross to the partner page: never a text, token or receipt.
    if (embedded) window.parent.postMessage(message, '*');
  };

  /**
   * @param {string} tag @param {Record<string, string>} [attrs] @param {string} [text]
   * @returns {HTMLElement}
   */
  const el = (tag, attrs = {}, text) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  /** Chrome texts, redrawn when the conversation changes language: [element, key, attribute?]. */
  const chrome = /** @type {[HTMLElement, string, string?][]} */ ([]);
  /** @param {HTMLElement} node @param {string} key @param {string} [attr] */
  const said = (node, key, attr) => {
    chrome.push([node, key, attr]);
    if (attr) node.setAttribute(attr, T[key] ?? '');
    else node.textContent = T[key] ?? '';
    return node;
  };

  const SHORT_NUMBER =
    /(?<![\d/.,:])(?:116 ?006|3018|3919|119|115|114|112|17)(?!\d|[/.:]\d|\s?h\b|\s(?:janv|f[ée]v|mars|avr|mai|juin|juil|ao[uû]|sept|oct|nov|d[ée]c|jan|feb|mar|apr|may|jun|jul|aug|sep)\w*)/;
  const LINKABLE = new RegExp(
    `(https://[^\\s<>"]*[^\\s<>".,;:!?)»])|((?<!\\d)(?:\\+33 ?|0)[1-9](?:[ .]?\\d{2}){4}(?!\\d))|(${SHORT_NUMBER.source})`,
    'giu',
  );
  /** Text with its https links and phone numbers as anchors (`tel:`, `sms:` after "SMS"/"text"). @param {string} text */
  function richText(text) {
    const out = document.createDocumentFragment();
    let at = 0;
    for (const match of text.matchAll(LINKABLE)) {
      const index = match.index ?? 0;
      out.append(text.slice(at, index));
      const found = match[0];
      const byText = /(?:sms|text)(?: au| to)?\s*$/i.test(text.slice(Math.max(0, index - 12), index));
      const href = match[1] ? found : `${byText ? 'sms' : 'tel'}:${found.replace(/[ .]/g, '')}`;
      const link = el('a', { href }, found);
      if (match[1]) {
        link.setAttribute('target', '_blank');
        link.setAttribute('rel', 'noopener noreferrer');
      }
      out.append(link);
      at = index + found.length;
    }
    out.append(text.slice(at));
    return out;
  }

  // The frame: header, emergency line, emergency panel, log, receipt, status, choices, composer.
  const panel = el('main', { class: 'panel', lang });
  const header = el('header', { class: 'bar' });
  const title = said(el('h1', { id: 'relais-title' }), 'title');
  const tools = el('div', { class: 'tools' });
  const urgent = said(
    el('button', { type: 'button', class: 'urgent', 'aria-expanded': 'false', 'aria-controls': 'relais-help' }),
    'urgent',
  );
  const exit = said(el('button', { type: 'button', class: 'exit', 'aria-describedby': 'relais-exit-hint' }), 'exit');
  tools.append(urgent, exit);
  header.append(title, tools, said(el('span', { id: 'relais-exit-hint', class: 'sr-only' }), 'exitKeys'));
  const emergency = el('p', { class: 'emergency' });
  const drawLine = () => emergency.replaceChildren(richText(T.emergency ?? ''));
  drawLine();

  const help = el('section', { id: 'relais-help', class: 'help', 'aria-labelledby': 'relais-help-title', hidden: '' });
  const helpTitle = said(el('h2', { id: 'relais-help-title', tabindex: '-1' }), 'urgentTitle');
  const calls = el('ul', { class: 'calls' });
  for (const [key, href] of [
    ['urgentCall17', 'tel:17'],
    ['urgentCall112', 'tel:112'],
    ['urgentSms114', 'sms:114'],
  ]) {
    const item = el('li');
    item.append(said(el('a', { href: String(href), class: 'call' }), String(key)));
    calls.append(item);
  }
  const places = said(el('button', { type: 'button', class: 'choice' }), 'urgentPlaces');
  const closeHelp = said(el('button', { type: 'button', class: 'choice' }), 'urgentClose');
  help.append(helpTitle, calls, said(el('p'), 'urgentPlacesText'), said(el('p'), 'urgentKept'), places, closeHelp);

  const log = el('section', { class: 'log', tabindex: '0' });
  said(log, 'log', 'aria-label');
  const list = el('ol', { class: 'messages' });
  log.append(list);

  const receipt = el('section', { class: 'receipt', 'aria-labelledby': 'relais-receipt-title', hidden: '' });
  const receiptTitle = said(el('h2', { id: 'relais-receipt-title', tabindex: '-1' }), 'receiptTitle');
  const codes = el('dl', { class: 'codes' });
  const referenceCode = el('code', { class: 'code', id: 'relais-reference' });
  const phraseCode = el('code', { class: 'code', id: 'relais-phrase' });
  const refDd = el('dd');
  refDd.append(referenceCode);
  const phraseDd = el('dd');
  phraseDd.append(phraseCode);
  codes.append(said(el('dt'), 'receiptReference'), refDd, said(el('dt'), 'receiptPhrase'), phraseDd);
  const copy = said(el('button', { type: 'button', class: 'copy' }), 'copy');
  const copyStatus = el('span', { class: 'copy-status', role: 'status' });
  const copyRow = el('p', { class: 'copy-row' });
  const followLink = el('a', { class: 'follow', target: '_blank', rel: 'noopener noreferrer' });
  const followText = said(el('p', { class: 'follow-text' }), 'receiptFollow');
  const followRow = el('p');
  followRow.append(followLink);
  const noted = said(el('button', { type: 'button', class: 'noted' }), 'noted');
  // The copy and noted buttons side by side under the codes: on screen at once, even at 320 px.
  copyRow.append(copy, noted, copyStatus);
  receipt.append(
    receiptTitle,
    codes,
    copyRow,
    said(el('p', { class: 'receipt-hint' }), 'receiptHint'),
    followText,
    followRow,
  );

  const status = el('p', { class: 'status', role: 'status' });
  const leaveAsk = el('div', { class: 'leave', role: 'group', 'aria-labelledby': 'relais-leave-ask', hidden: '' });
  const leaveYes = said(el('button', { type: 'button', class: 'exit' }), 'leaveYes');
  const leaveNo = said(el('button', { type: 'button', class: 'choice' }), 'leaveNo');
  leaveAsk.append(said(el('p', { id: 'relais-leave-ask' }), 'leaveAsk'), leaveYes, leaveNo);
  const choices = el('div', { class: 'choices', role: 'group' });
  said(choices, 'choices', 'aria-label');
  const form = el('form', { class: 'composer' });
  const input = /** @type {HTMLTextAreaElement} */ (
    el('textarea', { id: 'relais-input', rows: '2', maxlength: '20000', autocomplete: 'off' })
  );
  said(input, 'input', 'aria-label');
  said(input, 'placeholder', 'placeholder');
  const send = said(el('button', { type: 'submit', class: 'send' }), 'send');
  form.append(input, send);
  // One announcement per bot turn: the log itself is not live; this region gets the turn's text once.
  const live = el('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
  panel.append(header, emergency, help, log, receipt, status, leaveAsk, choices, form, live);
  document.body.append(panel);

  /** Switches the chrome, `lang` and the frame's title to `next` (the conversation switched language). @param {string} next */
  function applyLang(next) {
    if (!C.texts[next] || next === lang) return;
    lang = next;
    T = C.texts[next];
    document.documentElement.lang = next;
    panel.lang = next;
    document.title = T.title ?? document.title;
    for (const [node, key, attr] of chrome)
      if (attr) node.setAttribute(attr, T[key] ?? '');
      else node.textContent = T[key] ?? '';
    drawLine();
    followLink.textContent = followLink.href = `${C.followUrl}?lang=${lang}`;
    toHost({ relais: 'lang', lang });
  }

  /** @typedef {{ token: string, conversationId: string, watermark: string | undefined, userId: string }} Session */
  /** @type {Session | undefined} */
  let session;
  /** Keeps the conversation's keys for this tab only (no text). */
  // Until the report is sent and its receipt noted, or the conversation erased: after that, a
  // reload starts a new conversation.
  let resumable = true;
  const remember = () => {
    try {
      if (session && resumable) sessionStorage.setItem(STORE_KEY, JSON.stringify(session));
    } catch {
      // Storage refused (private mode, quota): a reload then starts a new conversation.
    }
  };
  const forget = () => {
    resumable = false;
    try {
      sessionStorage.removeItem(STORE_KEY);
    } catch {
      // Nothing was kept.
    }
  };

  /** Leaves at once: forgets the conversation, then the host page (or this page) goes to a neutral site. */
  function quickExit() {
    forget();
    session = undefined;
    input.value = '';
    panel.replaceChildren();
    if (embedded) toHost({ relais: 'exit' });
    else window.location.replace(NEUTRAL_URL);
  }
  /** Escape: asks first when the text area holds text; a second Escape, or the leave button, leaves. */
  function escapeKey() {
    if (!leaveAsk.hidden || !input.value.trim()) return quickExit();
    leaveAsk.hidden = false;
    leaveYes.focus({ preventScroll: true });
  }
  exit.addEventListener('click', quickExit);
  leaveYes.addEventListener('click', quickExit);
  leaveNo.addEventListener('click', () => {
    leaveAsk.hidden = true;
    input.focus({ preventScroll: true });
  });
  let shifts = /** @type {number[]} */ ([]);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      escapeKey();
    } else if (event.key === 'Shift' && !event.repeat) {
      const now = Date.now();
      shifts = [...shifts.filter((t) => now - t < 1500), now];
      if (shifts.length >= 3) quickExit();
    } else shifts = [];
  });
  window.addEventListener('message', (event) => {
    if (!embedded || event.source !== window.parent) return;
    const message = /** @type {{ relais?: string }} */ (event.data ?? {});
    if (message.relais === 'escape') escapeKey();
    else if (message.relais === 'leave') quickExit();
  });

  /** Opens or closes the emergency guidance (it takes the log's place while open). @param {boolean} open */
  const showHelp = (open) => {
    help.hidden = !open;
    panel.classList.toggle('helping', open);
    urgent.setAttribute('aria-expanded', String(open));
  };
  urgent.addEventListener('click', () => {
    const open = help.hidden;
    showHelp(open);
    if (!open) return;
    helpTitle.focus({ preventScroll: true });
    // The guidance is shown at once, without a round trip; the conversation is told too, so that
    // staff know the report was marked in danger from this button (and at which question).
    void post(T.urgent ?? '', { choice: URGENCE_CHOICE });
  });
  closeHelp.addEventListener('click', () => {
    showHelp(false);
    urgent.focus({ preventScroll: true });
    // The flow asks its current question again, below the guidance it sent.
    void post(T.urgentClose ?? '', { choice: BACK_CHOICE });
    requestAnimationFrame(reveal);
  });
  places.addEventListener('click', () => {
    showHelp(false);
    focusNext = true;
    void post(T.urgentPlaces ?? '', { choice: SAFE_PLACES_CHOICE });
  });

  // The receipt, as its own moment: nothing else is offered before "J'ai noté ma référence".
  const receiptPatterns = Object.entries(C.receipt).map(([l, template]) => {
    const parts = template.split(/\{(reference|phrase)\}/);
    const source = parts
      .map((part, i) => (i % 2 ? `(?<${part}>[^\\n]+?)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return /** @type {[string, RegExp]} */ ([l, new RegExp(`^${source}$`)]);
  });
  let receiptOpen = false;
  /** @param {string} text */
  function showReceipt(text) {
    for (const [, pattern] of receiptPatterns) {
      const found = pattern.exec(text)?.groups;
      if (!found?.reference || !found.phrase) continue;
      referenceCode.textContent = found.reference;
      phraseCode.textContent = found.phrase;
      followLink.textContent = followLink.href = `${C.followUrl}?lang=${lang}`;
      copyStatus.textContent = '';
      receipt.classList.remove('done');
      receipt.hidden = false;
      receipt.scrollTop = 0;
      receiptOpen = true;
      // Its own moment: the receipt takes the log's place until it is noted.
      panel.classList.add('receipting');
      choices.hidden = true;
      form.hidden = true;
      focusNext = false;
      receiptTitle.focus({ preventScroll: true });
      return true;
    }
    return false;
  }
  copy.addEventListener('click', () => {
    const text = `${T.receiptReference} : ${referenceCode.textContent}\n${T.receiptPhrase} : ${phraseCode.textContent}\n${followLink.href}`;
    navigator.clipboard.writeText(text).then(
      () => (copyStatus.textContent = T.copied ?? ''),
      () => (copyStatus.textContent = T.copyFailed ?? ''),
    );
  });
  noted.addEventListener('click', () => {
    receiptOpen = false;
    panel.classList.remove('receipting');
    receipt.classList.add('done');
    receipt.scrollTop = 0;
    choices.hidden = false;
    form.hidden = false;
    // The report is sent: a reload now starts afresh (the receipt is noted, nothing to resume).
    forget();
    const first = choices.querySelector('button');
    (first ?? input).focus({ preventScroll: true });
  });

  const seen = new Set();
  /** The choice values of the options of the multiple-choice question shown, if any. @type {Set<unknown>} */
  let toggles = new Set();
  /** Texts of the bot's current turn, announced once when it ends. @type {string[]} */
  let turn = [];
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let turnTimer;
  /** After a single choice: focus goes to the new question's first control. */
  let focusNext = false;
  /** @type {HTMLElement | undefined} */
  let lastBot;
  let quiet = false;

  /** Shows the current question above its choices, scrolling the log only (never the host page). */
  function reveal() {
    const question = lastBot;
    if (!question) return;
    const top = question.getBoundingClientRect().top - log.getBoundingClientRect().top + log.scrollTop - 8;
    const bottom = top + question.offsetHeight + 16;
    log.scrollTop = question.offsetHeight + 16 > log.clientHeight ? top : bottom - log.clientHeight;
  }
  function endOfTurn() {
    clearTimeout(turnTimer);
    turnTimer = undefined;
    if (turn.length && !quiet) live.textContent = turn.join('\n');
    turn = [];
    if (focusNext && !receiptOpen) {
      focusNext = false;
      const first = choices.querySelector('button:not([aria-disabled="true"])');
      (first ?? input).focus({ preventScroll: true });
    }
  }

  /** @param {any} action */
  function choiceButton(action) {
    const pressed = action.channelData?.pressed;
    const toggle = typeof pressed === 'boolean';
    const label = String(toggle ? (action.displayText ?? action.title) : action.title);
    const button = el('button', { type: 'button', class: 'choice' }, label);
    if (toggle) button.setAttribute('aria-pressed', String(pressed));
    // messageBack: the person sees the label, the bot reads the value; imBack sends the value.
    const value = action.type === 'messageBack' ? action.value : undefined;
    const text =
      action.type === 'messageBack' ? String(action.displayText ?? action.title) : String(action.value ?? action.title);
    button.dataset.value = JSON.stringify(value ?? text);
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') === 'true') return;
      if (!toggle) {
        focusNext = true;
        for (const other of choices.querySelectorAll('button')) other.setAttribute('aria-disabled', 'true');
      }
      void post(text, value);
    });
    return button;
  }

  /** Updates the shown toggles in place (same question, options ticked anew); false if it is another question. @param {any[]} actions */
  function updateInPlace(actions) {
    const buttons = [...choices.querySelectorAll('button')];
    if (buttons.length !== actions.length) return false;
    const fresh = actions.map(choiceButton);
    if (fresh.some((b, i) => b.dataset.value !== buttons[i]?.dataset.value)) return false;
    fresh.forEach((b, i) => {
      const old = /** @type {HTMLElement} */ (buttons[i]);
      old.textContent = b.textContent;
      const pressed = b.getAttribute('aria-pressed');
      if (pressed === null) old.removeAttribute('aria-pressed');
      else old.setAttribute('aria-pressed', pressed);
    });
    return true;
  }

  /** @param {any[]} actions */
  function showChoices(actions) {
    toggles = new Set(actions.filter((a) => typeof a.channelData?.pressed === 'boolean').map((a) => a.value?.choice));
    const hadFocus = choices.contains(document.activeElement);
    choices.replaceChildren(...actions.map(choiceButton));
    if (hadFocus || focusNext) {
      const first = choices.querySelector('button');
      if (first && !receiptOpen) first.focus({ preventScroll: true });
      else if (!receiptOpen) input.focus({ preventScroll: true });
    }
  }

  /** @param {any} activity */
  function render(activity) {
    if (seen.has(activity.id)) return;
    if (activity.type === 'event' && activity.name === 'relais.clear') {
      // "Delete the conversation": the server has erased it; nothing of it stays on screen or in the tab.
      seen.add(activity.id);
      list.replaceChildren();
      choices.replaceChildren();
      receipt.hidden = true;
      receiptOpen = false;
      panel.classList.remove('receipting');
      choices.hidden = false;
      form.hidden = false;
      lastBot = undefined;
      forget();
      return;
    }
    if (activity.type !== 'message') return;
    seen.add(activity.id);
    const mine = activity.from?.role === 'user';
    // A tick of a multiple-choice option shows as its button's state, not as a message.
    if (mine && toggles.has(activity.value?.choice)) return;
    const text = String(activity.text || '');
    const actions = activity.suggestedActions?.actions || [];
    if (!mine && activity.channelData?.replace && lastBot && updateInPlace(actions)) {
      const shown = lastBot.querySelector('.text');
      if (shown) shown.replaceChildren(richText(text));
      if (activity.channelData.turnEnd && turn.length) endOfTurn();
      return;
    }
    const item = el('li', { class: mine ? 'msg mine' : 'msg bot' });
    const body = el('span', { class: 'text' });
    body.append(mine ? text : richText(text));
    item.append(el('span', { class: 'sr-only' }, `${mine ? T.you : T.bot} : `), body);
    list.append(item);
    if (mine) {
      log.scrollTop = log.scrollHeight;
      return;
    }
    const switched = Object.entries(C.langSet).find(([, confirm]) => confirm === text)?.[0];
    if (switched) applyLang(switched);
    lastBot = item;
    turn.push(text);
    showChoices(actions);
    if (!showReceipt(text) && receiptOpen) choices.hidden = true;
    requestAnimationFrame(reveal);
    clearTimeout(turnTimer);
    // The bot marks its turn's last message; without the mark (another server), a pause ends it.
    if (activity.channelData?.turnEnd) endOfTurn();
    else turnTimer = setTimeout(endOfTurn, 1500);
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

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let refreshTimer;
  let refreshDue = Infinity;
  /** @type {Promise<void> | undefined} */
  let refreshing;
  let posted = 0;

  /** Remembers a token's lifetime and schedules its refresh at half-life (drafts outlive tokens). @param {number} expiresIn */
  function keep(expiresIn) {
    const inMs = Math.max(1, Number(expiresIn) || 3600) * 500;
    refreshDue = Date.now() + inMs;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refresh().catch(() => undefined), inMs);
  }

  /** Exchanges the token for a fresh one (once at a time); `after403` reports failure as expiry. @param {boolean} [after403] */
  function refresh(after403) {
    refreshing ??= call('/tokens/refresh', { method: 'POST' })
      .then((granted) => {
        if (session) session.token = granted.token;
        remember();
        keep(granted.expires_in);
      })
      .catch((error) => {
        if (after403 || error.status === 403) status.textContent = T.expired ?? '';
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

  /** @param {{ activities?: any[], watermark?: string }} page */
  function take(page) {
    if (session && page.watermark) session.watermark = page.watermark;
    (page.activities || []).forEach(render);
    remember();
  }

  async function poll() {
    if (!session) return;
    const query = session.watermark ? `?watermark=${encodeURIComponent(session.watermark)}` : '';
    take(await call(`/conversations/${session.conversationId}/activities${query}`));
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
      if (event.data) take(JSON.parse(String(event.data)));
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
      status.textContent = failure(/** @type {{ status?: number }} */ (error).status) ?? '';
      for (const button of choices.querySelectorAll('button')) button.removeAttribute('aria-disabled');
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

  /** Takes the conversation this tab had up again (after a reload or a discarded tab); false if none. */
  async function resume() {
    /** @type {Session | undefined} */
    let kept;
    try {
      kept = JSON.parse(sessionStorage.getItem(STORE_KEY) ?? 'null') ?? undefined;
    } catch {
      kept = undefined;
    }
    if (!kept?.conversationId || !kept.token) return false;
    session = { ...kept };
    try {
      const again = await call(`/conversations/${encodeURIComponent(kept.conversationId)}`);
      session.token = again.token;
      keep(again.expires_in);
      // The transcript is drawn again from the server, silently: only new turns are announced.
      session.watermark = undefined;
      quiet = true;
      take(await call(`/conversations/${session.conversationId}/activities`));
      clearTimeout(turnTimer);
      endOfTurn();
      quiet = false;
      status.textContent = T.resumed ?? '';
      if (!stream(again.streamUrl)) await poll();
      return true;
    } catch {
      session = undefined;
      forget();
      resumable = true; // the new conversation that starts instead is kept for this tab
      list.replaceChildren();
      return false;
    }
  }

  async function start() {
    if (await resume()) return;
    const granted = await call('/tokens/generate', {
      method: 'POST',
      body: JSON.stringify({ locale: lang, ...(C.tunnel ? { tunnel: C.tunnel } : {}) }),
    });
    const userId = `web_${Math.random().toString(36).slice(2, 12)}`;
    session = { token: granted.token, conversationId: granted.conversationId, watermark: undefined, userId };
    const started = await call('/conversations', { method: 'POST', body: JSON.stringify({ locale: lang }) });
    session.token = started.token;
    remember();
    keep(started.expires_in);
    status.textContent = '';
    if (!stream(started.streamUrl)) await poll();
  }

  status.textContent = T.connecting ?? '';
  toHost({ relais: 'ready' });
  start()
    .then(() => setInterval(() => poll().catch(() => undefined), 5_000))
    .catch(() => {
      status.textContent = T.offline ?? '';
    });
})();
