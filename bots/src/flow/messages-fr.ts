/** French texts of the conversation (the reference catalog: every key starts here). */
export const fr = {
  welcome:
    "Bonjour. Je suis l'assistant automatisé de l'association : je vous aide à signaler un acte anti-LGBT+. " +
    'Une personne de l’association lit chaque signalement ; les partenaires n’en voient qu’une version anonymisée. ' +
    "Ce n'est pas un service d'urgence : en danger, appelez le 17 ou le 112, ou envoyez un SMS au 114.",
  askActType: "Que s'est-il passé ?",
  askPostalCode: 'Dans quelle commune ? Écrivez le code postal (5 chiffres, par exemple 34000).',
  badPostalCode: "Ce n'est pas un code postal français à 5 chiffres. Écrivez par exemple 34000.",
  askDescription: 'Décrivez ce qui s’est passé, avec vos mots. Vous pouvez écrire plusieurs lignes.',
  emptyDescription: 'Écrivez quelques mots pour décrire ce qui s’est passé.',
  confirm: 'Voici votre signalement :\n{summary}\nL’envoyer à l’association ?',
  confirmYes: 'Envoyer',
  confirmNo: 'Annuler',
  received: 'Votre signalement est bien reçu. Votre référence : {reference}. Gardez-la pour suivre votre signalement.',
  cancelled: 'Signalement annulé. Rien n’a été envoyé. Tapez /start pour recommencer.',
  expectChoice: 'Choisissez une des réponses proposées avec les boutons ci-dessous.',
  expectText: 'J’attends un message écrit.',
  notStarted: 'Tapez /start pour faire un signalement.',
  submitFailed: "L'envoi n'a pas abouti. Votre signalement est gardé : appuyez de nouveau sur « Envoyer » dans un instant.",
  summaryActs: 'Faits : {value}',
  summaryPlace: 'Code postal : {value}',
  summaryDescription: 'Description : {value}',
} as const;

/** A key of the message catalogs. */
export type MessageKey = keyof typeof fr;
