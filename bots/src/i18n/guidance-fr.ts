/**
 * French texts of the help the conversation gives: emergency guidance, safe places, next steps
 * after a report, the command list: the `guidance` section of `fr.ts`, kept apart for its length.
 * Same keys in `guidance-en.ts`.
 */
export const guidanceFr = {
  emergency:
    '⚠️ Si vous êtes en danger maintenant :\n• appelez le 17 (police secours) ou le 112 ;\n• si vous ne pouvez pas parler, envoyez un SMS au 114.\n' +
    'Les lieux du réseau « En lieu sûr » (commerces, services publics…) peuvent vous accueillir et appeler les secours pour vous.',
  emergencyDraftKept: 'Votre signalement en cours est gardé : vous pourrez le reprendre quand vous serez en sécurité.',
  safePlacesButton: 'Lieux sûrs près de moi',
  backToReport: 'Revenir à mon signalement',
  askSafePlacesCode:
    'Écrivez le code postal où vous êtes (par exemple 34000) pour voir les lieux sûrs les plus proches.',
  safePlacesTitle: 'Lieux « En lieu sûr » près de {postalCode} :',
  safePlaceLine: '• {name} : {address}, {postalCode} {commune}',
  safePlacePhone: ' (tél. {phone})',
  safePlaceHours: ' ; {hours}',
  safePlacesFooter: 'Sur place, dites que vous avez besoin d’aide : l’équipe appellera le 17 pour vous.',
  noSafePlaces:
    'Aucun lieu du réseau n’est encore répertorié près de {postalCode}. En danger : 17, 112, ou SMS au 114.',
  safePlacesFailed: 'Je n’ai pas pu chercher les lieux sûrs. En danger : 17, 112, ou SMS au 114.',
  nextStepsTitle: 'Ce que vous pouvez faire maintenant :',
  nextFiled: '• Gardez le récépissé de votre plainte ; l’association peut vous aider à la suivre.',
  nextHowToFile:
    '• Porter plainte : dans n’importe quel commissariat ou gendarmerie, qui doit l’enregistrer, ou par courrier au procureur de la République. ' +
    'Le caractère homophobe ou transphobe est une circonstance aggravante : mentionnez-le.',
  nextPreComplaint: '• Pré-plainte en ligne pour gagner du temps : https://www.pre-plainte-en-ligne.gouv.fr',
  nextHelpToFile:
    '• Vous souhaitez être aidé·e : l’association vous accompagnera si vous avez laissé un moyen de vous recontacter.',
  nextPharos:
    '• Contenus haineux en ligne : signalez-les sur Pharos, https://www.internet-signalement.gouv.fr ; faites des captures d’écran avant qu’ils disparaissent.',
  nextMedical: '• Faites constater vos blessures par un médecin (certificat médical), même légères.',
  next3919: '• Violences sexuelles ou au sein de la famille : 3919, gratuit et anonyme, 24 h/24.',
  next119: '• Pour un·e mineur·e : 119, Allô enfance en danger, gratuit, 24 h/24.',
  nextLgbtLines:
    '• Écoute LGBT+ : SOS homophobie, 01 48 06 42 41 ; jeunes LGBT+ rejeté·es par leur famille : Le Refuge, 06 31 59 69 50 (24 h/24).',
  nextVictimSupport: '• Aide aux victimes, gratuite : France Victimes, 116 006 (7 j/7).',
  nextContactLater: '• L’association vous recontactera comme vous l’avez demandé.',
  helpText:
    'Je vous aide à signaler un acte anti-LGBT+ à l’association. Commandes :\n' +
    '/start : faire un signalement\n/annuler : annuler le signalement en cours\n/langue : changer de langue\n' +
    '/urgence : que faire en danger, lieux sûrs proches\n/suivi : où en sont mes signalements\n/supprimer : effacer mes signalements\n' +
    'En danger : 17, 112, ou SMS au 114.',
} as const;
