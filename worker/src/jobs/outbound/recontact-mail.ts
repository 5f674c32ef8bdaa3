import type { Lang } from '@relais/core';
import type { DigestMail } from '../digest/digest-mail.js';
import { OUTBOUND_TEXTS } from './outbound-texts.js';

/** The address of the follow-up page in the reporter's language, from `PUBLIC_URL` (never from a request). */
export function followUpUrl(publicUrl: string, lang: Lang): string {
  return `${publicUrl.replace(/\/+$/, '')}/report/follow?lang=${lang}`;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The e-mail that tells a reporter who asked to be re-contacted by e-mail that the association wrote:
 * a fixed text and the follow-up page's address, nothing of the report or of the message (e-mail is
 * read on shared devices and kept by providers); the message itself is read on the page.
 */
export function recontactMail(lang: Lang, url: string): DigestMail {
  const t = OUTBOUND_TEXTS[lang];
  const text = t.mailText.replace('{url}', url);
  const paragraphs = t.mailText
    .split('\n\n')
    .map((p) =>
      p.includes('{url}')
        ? `<p>${escape(p.slice(0, p.indexOf('{url}')))}<a href="${escape(url)}">${escape(url)}</a>${escape(p.slice(p.indexOf('{url}') + 5))}</p>`
        : `<p>${escape(p)}</p>`,
    )
    .join('\n');
  return {
    subject: t.mailSubject,
    text,
    html: `<!doctype html><html lang="${lang}"><body>${paragraphs}<p><a href="${escape(url)}">${escape(t.mailLink)}</a></p></body></html>`,
  };
}
