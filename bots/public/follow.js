// @ts-check
/**
 * Relais follow-up page script (/report/follow): signs in with the receipt reference and secret
 * phrase, shows the status and the association's messages, sends answers and erases the report.
 * The session token lives in this closure only: no cookie, no storage; leaving the page or the
 * quick exit forgets it. Everything from the server is rendered with textContent (never as HTML).
 */
(() => {
  const textsElement = document.getElementById('follow-texts');
  /** @type {Record<string, string>} */
  const T = JSON.parse(textsElement?.textContent ?? '{}');
  const EXIT_URL = 'https://www.google.com/search?q=m%C3%A9t%C3%A9o';
  /** @type {string | undefined} */
  let token;

  /** @param {string} id */
  const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  /** @param {string} key @param {Record<string, string>} [params] */
  /**
   * A text with its emergency numbers as links to call (17, 112) or to text (114).
   * @param {string} text
   */
  const withCallLinks = (text) => {
    const out = document.createDocumentFragment();
    let at = 0;
    for (const match of text.matchAll(/\b(17|112|114)\b/g)) {
      out.append(text.slice(at, match.index));
      const number = match[1] ?? '';
      const link = document.createElement('a');
      link.href = `${number === '114' ? 'sms' : 'tel'}:${number}`;
      link.textContent = number;
      out.append(link);
      at = (match.index ?? 0) + number.length;
    }
    out.append(text.slice(at));
    return out;
  };
  const t = (key, params = {}) => (T[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => params[name] ?? whole);
  /** @param {string} text */
  const notify = (text) => {
    $('notice').textContent = text;
  };
  /** @param {string | null} header */
  const minutes = (header) => String(Math.max(1, Math.ceil(Number(header ?? '60') / 60)));

  /** Leaves at once for a neutral page, replacing this entry in the history. */
  function quickExit() {
    token = undefined;
    try {
      document.body.replaceChildren();
    } finally {
      window.location.replace(EXIT_URL);
    }
  }
  $('exit').addEventListener('click', quickExit);
  // Escape, or Shift pressed three times within 1.5 s (as in the chat widget), leaves at once.
  let shifts = /** @type {number[]} */ ([]);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') quickExit();
    else if (event.key === 'Shift' && !event.repeat) {
      const now = Date.now();
      shifts = [...shifts.filter((t) => now - t < 1500), now];
      if (shifts.length >= 3) quickExit();
    } else shifts = [];
  });

  /**
   * @param {string} method @param {string} path @param {unknown} [body]
   * @returns {Promise<Response>}
   */
  function api(method, path, body) {
    /** @type {Record<string, string>} */
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  }

  /** Back to the sign-in form, with a notice. @param {string} text */
  function signedOut(text) {
    token = undefined;
    $('report').hidden = true;
    $('messages').replaceChildren();
    $('answer-danger').hidden = true;
    $('sign-in').hidden = false;
    notify(text);
    $('reference').focus();
  }

  /**
   * @typedef {{ from: 'association' | 'you', text: string, at: string }} Message
   * @typedef {{ reference: string, status: string, submittedAt: string, answersExpected: boolean, open: boolean, messages: Message[] }} View
   */

  /** @param {string} iso */
  const when = (iso) => new Date(iso).toLocaleString(T.locale, { dateStyle: 'long', timeStyle: 'short' });

  /** @param {View} view */
  function render(view) {
    $('report-title').textContent = t('reportTitle', { reference: view.reference });
    $('report-sent').textContent = t('sentOn', {
      date: new Date(view.submittedAt).toLocaleDateString(T.locale, { dateStyle: 'long' }),
    });
    $('report-status').textContent = t(`status_${view.status}`);
    $('no-answers').hidden = view.answersExpected || !view.open;
    const list = $('messages');
    list.replaceChildren(
      ...view.messages.map((m) => {
        const item = document.createElement('li');
        item.className = m.from === 'association' ? 'association' : 'you';
        const who = document.createElement('span');
        who.className = 'who';
        who.textContent = `${m.from === 'association' ? t('fromAssociation') : t('fromYou')}, ${when(m.at)}`;
        const text = document.createElement('span');
        text.textContent = m.text;
        item.append(who, text);
        return item;
      }),
    );
    if (view.messages.length === 0) {
      const empty = document.createElement('li');
      empty.textContent = t('noMessages');
      list.append(empty);
    }
    $('answer').hidden = !view.open;
    $('erase-section').hidden = !view.open;
  }

  /** Loads and shows the report; false when the session is over. */
  async function refresh() {
    const response = await api('GET', '/report/follow/report');
    if (response.status === 401) {
      signedOut(t('expired'));
      return false;
    }
    if (!response.ok) {
      notify(t('unavailable'));
      return false;
    }
    render(/** @type {View} */ (await response.json()));
    return true;
  }

  $('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    const reference = /** @type {HTMLInputElement} */ ($('reference'));
    const phrase = /** @type {HTMLInputElement} */ ($('phrase'));
    notify('');
    try {
      const response = await api('POST', '/report/follow/session', {
        reference: reference.value,
        phrase: phrase.value,
      });
      if (response.status === 429)
        return notify(t('throttled', { minutes: minutes(response.headers.get('retry-after')) }));
      if (response.status === 401 || response.status === 400) {
        notify(t('refused'));
        phrase.focus();
        return;
      }
      if (!response.ok) return notify(t('unavailable'));
      token = /** @type {{ token: string }} */ (await response.json()).token;
      phrase.value = '';
      if (!(await refresh())) return;
      $('sign-in').hidden = true;
      $('report').hidden = false;
      $('report-title').focus();
    } catch {
      notify(t('unavailable'));
    }
  });

  $('answer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const field = /** @type {HTMLTextAreaElement} */ ($('answer-text'));
    if (!field.value.trim()) {
      notify(t('answerEmpty'));
      field.focus();
      return;
    }
    try {
      const response = await api('POST', '/report/follow/messages', { text: field.value });
      if (response.status === 401) return signedOut(t('expired'));
      if (response.status === 429)
        return notify(t('answerThrottled', { minutes: minutes(response.headers.get('retry-after')) }));
      if (!response.ok) return notify(t('unavailable'));
      const sent = /** @type {{ urgent?: boolean }} */ (await response.json().catch(() => ({})));
      field.value = '';
      // Said to be in danger now: the emergency guidance first, right where the person wrote (the
      // notice at the top is off-screen on a phone), then the confirmation.
      if (sent.urgent) {
        $('answer-danger').hidden = false;
        $('answer-danger').replaceChildren(withCallLinks(t('answerDanger')));
      }
      notify(t('answerSent'));
      await refresh();
    } catch {
      notify(t('unavailable'));
    }
  });

  $('erase').addEventListener('click', () => {
    $('erase').hidden = true;
    $('erase-ask').hidden = false;
    $('erase-question').focus();
  });
  $('erase-no').addEventListener('click', () => {
    $('erase-ask').hidden = true;
    $('erase').hidden = false;
    $('erase').focus();
  });
  $('erase-yes').addEventListener('click', async () => {
    try {
      const response = await api('POST', '/report/follow/erasure');
      if (response.status === 401) return signedOut(t('expired'));
      if (!response.ok) return notify(t('unavailable'));
      $('erase-ask').hidden = true;
      $('erase').hidden = false;
      signedOut(t('erased'));
    } catch {
      notify(t('unavailable'));
    }
  });

  $('sign-out').addEventListener('click', async () => {
    const leaving = token;
    signedOut(t('signedOut'));
    if (leaving)
      await fetch('/report/follow/session', {
        method: 'DELETE',
        headers: { authorization: `Bearer ${leaving}` },
        credentials: 'omit',
      }).catch(() => undefined);
  });
})();
