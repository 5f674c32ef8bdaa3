import { otherLang, type Lang } from '@relais/core';
import { CATALOGS } from '../../i18n/catalog.js';
import { DATE_LOCALES } from '../../i18n/format-dates.js';
import { escapeHtml as escape, pageHead } from '../pages/page-head.js';

/** JSON that is safe inside a `<script type="application/json">` element. */
const inertJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The follow-up page (`GET /report/follow`): sign in with reference and secret phrase, then status,
 * messages, answer and erasure, all driven by `/follow.js` (texts and date locale handed over as inert JSON, so
 * the page needs no inline script under its CSP). Every text from the server is rendered as text.
 */
export function followUpPage(lang: Lang): string {
  const t = CATALOGS[lang].followUpPage;
  const other = otherLang(lang);
  return `${pageHead(lang, t.title, ['/report.css', '/follow.css'])}
<body>
<header class="top"><button type="button" id="exit" class="exit" aria-describedby="exit-hint">${escape(t.exit)}</button><span id="exit-hint" class="sr-only">${escape(t.exitHint)}</span></header>
<main>
<h1>${escape(t.title)}</h1>
<aside class="emergency" aria-labelledby="emergency-title"><h2 id="emergency-title">${escape(t.emergencyTitle)}</h2><p>${escape(t.emergency)}</p></aside>
<p id="notice" class="notice" role="status" aria-live="polite"></p>
<noscript><p class="notice">${escape(t.noScript)}</p></noscript>
<form id="sign-in" method="post" action="/report/follow/session" class="card">
<p>${escape(t.intro)}</p>
<label for="reference">${escape(t.referenceLabel)}</label>
<input id="reference" name="reference" required maxlength="20" autocomplete="off" autocapitalize="characters" spellcheck="false">
<label for="phrase">${escape(t.phraseLabel)}</label>
<input id="phrase" name="phrase" required maxlength="200" autocomplete="off" autocapitalize="none" spellcheck="false">
<button type="submit" class="primary">${escape(t.signIn)}</button>
</form>
<section id="report" class="card" hidden aria-labelledby="report-title">
<h2 id="report-title" tabindex="-1"></h2>
<p id="report-sent"></p>
<p><strong>${escape(t.statusLabel)}</strong> <span id="report-status"></span></p>
<h3>${escape(t.messagesTitle)}</h3>
<p id="no-answers" hidden>${escape(t.noAnswersExpected)}</p>
<ol id="messages" class="thread"></ol>
<form id="answer">
<p id="answer-danger" class="emergency" role="alert" hidden></p>
<label for="answer-text">${escape(t.answerLabel)}</label>
<p id="answer-hint" class="hint">${escape(t.answerHint)}</p>
<textarea id="answer-text" name="text" rows="4" maxlength="4000" aria-describedby="answer-hint"></textarea>
<button type="submit" class="primary">${escape(t.send)}</button>
</form>
<section id="erase-section" aria-labelledby="erase-title">
<h3 id="erase-title">${escape(t.eraseTitle)}</h3>
<p>${escape(t.eraseText)}</p>
<button type="button" id="erase" class="danger">${escape(t.erase)}</button>
<div id="erase-ask" hidden><p id="erase-question" tabindex="-1">${escape(t.eraseAsk)}</p><button type="button" id="erase-yes" class="danger">${escape(t.eraseConfirm)}</button> <button type="button" id="erase-no">${escape(t.eraseCancel)}</button></div>
</section>
<p><button type="button" id="sign-out">${escape(t.signOut)}</button></p>
</section>
<p class="privacy">${escape(t.privacy)}</p>
<p class="lang"><a href="?lang=${other}" hreflang="${other}">${escape(t.otherLang)}</a> · <a href="/report?lang=${lang}">${escape(t.report)}</a></p>
</main>
<script type="application/json" id="follow-texts">${inertJson({ lang, locale: DATE_LOCALES[lang], ...t })}</script>
<script src="/follow.js" defer></script>
</body>
</html>`;
}
