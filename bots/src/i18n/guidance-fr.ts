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
    'Le caractère anti-LGBT+ (homophobe, lesbophobe, biphobe, transphobe…) est une circonstance aggravante : mentionnez-le.',
  nextPreComplaint: '• Pré-plainte en ligne pour gagner du temps : https://www.pre-plainte-en-ligne.gouv.fr',
  nextHelpToFile:
    '• Vous souhaitez être aidé·e : l’association vous accompagnera si vous avez laissé un moyen de vous recontacter.',
  nextOnlineEvidence:
    '• Faites des captures d’écran (avec la date, l’adresse de la page et le nom du compte) avant que les contenus ou messages disparaissent.',
  next3018:
    '• Cyberharcèlement : 3018, gratuit, anonyme et confidentiel, 7 j/7 de 9 h à 23 h (appel, tchat sur https://3018.fr, application 3018) ; il peut faire supprimer des contenus ou des comptes rapidement.',
  nextWitness:
    '• Vous êtes témoin : vous pouvez témoigner (au commissariat, à la gendarmerie, ou par une attestation écrite que la victime joindra à sa plainte), ' +
    'soutenir la victime si vous la connaissez (l’écouter, lui transmettre ces contacts, l’accompagner si elle le souhaite), ' +
    'et garder les preuves : notez au plus tôt la date, l’heure, le lieu et ce que vous avez vu et entendu ; gardez photos, vidéos ou captures d’écran.',
  nextDefenseurDroits:
    '• Discrimination (service refusé, logement, travail…) : le Défenseur des droits vous écoute et peut agir, gratuitement : 39 28, ou https://www.defenseurdesdroits.fr ' +
    '(formulaire en ligne, tchat sur https://www.antidiscriminations.fr, ou un·e délégué·e près de chez vous).',
  nextIgpn:
    '• Manquement d’un·e policier·e : signalez-le à l’IGPN (plateforme de signalement en ligne de l’Inspection générale de la police nationale, sur https://www.masecurite.interieur.gouv.fr) ' +
    'ou au Défenseur des droits (39 28), qui contrôle la déontologie des forces de sécurité. Une plainte reste possible, auprès de n’importe quel service ou du procureur.',
  nextIggn:
    '• Manquement d’un·e gendarme : signalez-le à l’IGGN (plateforme de signalement en ligne de l’Inspection générale de la gendarmerie nationale, sur https://www.masecurite.interieur.gouv.fr) ' +
    'ou au Défenseur des droits (39 28). Une plainte reste possible, auprès de n’importe quel service ou du procureur.',
  nextLgbtLiaison:
    '• Dans certaines grandes villes (Paris, Marseille, Bordeaux…), un·e officier·e de liaison LGBT+ de la police reçoit les victimes et suit leur plainte ; ' +
    'ailleurs, chaque commissariat et groupement de gendarmerie a un·e référent·e LGBT+ que les enquêteurs consultent. ' +
    'L’association FLAG! (agents LGBT+ de l’Intérieur et de la Justice) accompagne et oriente les victimes : https://www.flagasso.com',
  nextPharos:
    '• Contenus haineux publics en ligne : signalez-les sur Pharos, https://www.internet-signalement.gouv.fr (Pharos ne traite que les contenus publics, pas les messages privés).',
  nextMedical: '• Faites constater vos blessures par un médecin (certificat médical), même légères.',
  nextSexualViolence:
    '• Violences sexuelles : Viols Femmes Informations, 0 800 05 95 95, gratuit et anonyme, du lundi au vendredi de 10 h à 19 h, pour toute personne qui en a subi.',
  next3919:
    '• Violences dans le couple, même après une séparation : 3919, Violences Femmes Info, gratuit et anonyme, 24 h/24 et 7 j/7 ; il écoute aussi les proches.',
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
