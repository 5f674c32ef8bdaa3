import type { Lang } from '@relais/core';

/** What the worker itself writes to a reporter (never the association's words, which come sealed). */
interface OutboundTexts {
  /** The inline button under each association message on Telegram. */
  readonly replyButton: string;
  readonly mailSubject: string;
  /** The re-contact e-mail: no report content, only where to read; `{url}` is the follow-up page. */
  readonly mailText: string;
  readonly mailLink: string;
}

/**
 * The worker's reporter-facing texts, French and English (the worker cannot import the bots'
 * catalogs: no app imports another app). Typed by `Lang`, so a new language fails typecheck here.
 */
export const OUTBOUND_TEXTS: Readonly<Record<Lang, OutboundTexts>> = {
  fr: {
    replyButton: 'Répondre à l’association',
    mailSubject: 'Vous avez un message de l’association',
    mailText:
      'Bonjour,\n\nVous avez un message de l’association : ouvrez {url}\n\n' +
      'Entrez la référence et la phrase secrète données à la fin de votre signalement pour le lire et répondre. ' +
      'Ce message ne contient rien de votre signalement. N’y répondez pas : cette adresse n’est pas lue.\n\n' +
      'En danger : appelez le 17 ou le 112, ou envoyez un SMS au 114.',
    mailLink: 'Lire le message',
  },
  en: {
    replyButton: 'Reply to the association',
    mailSubject: 'You have a message from the association',
    mailText:
      'Hello,\n\nYou have a message from the association: open {url}\n\n' +
      'Enter the reference and the secret phrase given at the end of your report to read it and answer. ' +
      'This e-mail holds nothing of your report. Do not reply to it: this address is not read.\n\n' +
      'In danger: call 17 or 112, or text 114.',
    mailLink: 'Read the message',
  },
};
