import type { Lang } from '@relais/core';

/** Texts of the tunnel pages, French and English. */
export const PAGE_TEXTS: Record<Lang, Record<'title' | 'intro' | 'emergencyTitle' | 'emergency' | 'notFoundTitle' | 'notFound' | 'privacy' | 'other' | 'follow', string>> = {
  fr: {
    title: 'Signaler un acte anti-LGBT+',
    intro:
      'Victime ou témoin d’une agression, d’insultes, de harcèlement ou d’une discrimination anti-LGBT+ ? Ce service de l’association vous aide à le signaler en quelques minutes. Une personne de l’association lit chaque signalement.',
    emergencyTitle: 'En danger maintenant ?',
    emergency: 'Appelez le 17 (police) ou le 112, ou envoyez un SMS au 114. Ce service n’est pas un service d’urgence.',
    notFoundTitle: 'Page introuvable',
    notFound: 'Cette adresse de signalement n’existe pas. Vous pouvez signaler depuis la page générale.',
    privacy: 'Aucun cookie, aucun traceur. Le bouton « Sortie rapide » ou la touche Échap quittent la page immédiatement.',
    other: 'Faire un signalement',
    follow: 'Suivre mon signalement (avec la référence et la phrase secrète)',
  },
  en: {
    title: 'Report an anti-LGBT+ act',
    intro:
      'Victim of or witness to an anti-LGBT+ assault, insult, harassment or discrimination? This service of the association helps you report it in a few minutes. A person from the association reads every report.',
    emergencyTitle: 'In danger right now?',
    emergency: 'Call 17 (police) or 112, or text 114. This service is not an emergency service.',
    notFoundTitle: 'Page not found',
    notFound: 'This reporting address does not exist. You can report from the general page.',
    privacy: 'No cookies, no trackers. The “Quick exit” button or the Escape key leave the page at once.',
    other: 'Make a report',
    follow: 'Follow my report (with its reference and secret phrase)',
  },
};
