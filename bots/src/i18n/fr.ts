import { partnerFieldsSentence } from '@relais/core';
import { guidanceFr } from './guidance-fr.js';

/**
 * The French catalog of the bots: every text a reporter reads, in one place with `en.ts` (the
 * reference: every key starts here; the English catalog has the same keys and placeholders, a test
 * checks it). `{name}` marks a placeholder. Sections by where the text is shown.
 */
export const fr = {
  /** The report conversation, on Telegram and in the web chat (`translate`). */
  conversation: {
    welcome:
      'Bonjour. Je suis l’assistant automatisé de l’association : un programme, pas une personne, et aucune IA ne décide de rien. ' +
      'Je vous aide à signaler un acte anti-LGBT+ dont vous avez été victime ou témoin, en quelques minutes.\n\n' +
      '• Ce que je demande : ce qui s’est passé, quand, où (code postal), votre récit, et si vous le souhaitez un moyen de vous recontacter.\n' +
      '• Qui le lit : une personne de l’association lit chaque signalement. Les partenaires (villes, services publics) n’en voient qu’une version anonymisée : ' +
      partnerFieldsSentence('fr', { summary: true }) +
      '. Jamais vos coordonnées ni votre référence de suivi ; le détail est dans « En savoir plus ».\n' +
      '• Combien de temps : votre récit et vos coordonnées sont effacés au plus tard un an après le traitement ; vous pouvez tout effacer avant avec /supprimer.\n\n' +
      'Ce n’est pas un service d’urgence : en danger, appelez le 17 ou le 112, ou envoyez un SMS au 114.',
    privacy:
      'En détail :\n• Le brouillon de votre signalement est chiffré et effacé après 24 heures sans réponse.\n' +
      '• Une fois envoyé, votre récit et vos coordonnées sont chiffrés ; seule l’équipe de l’association peut les lire.\n' +
      '• Les partenaires ne voient que les signalements traités, anonymisés par l’équipe, et seulement ceci : ' +
      partnerFieldsSentence('fr') +
      '.\n' +
      '• Votre nom et votre identifiant Telegram ne sont jamais enregistrés avec le signalement.\n' +
      '• /suivi montre où en sont vos signalements, /supprimer les efface.',
    privacyWeb:
      'En détail :\n• Le brouillon de votre signalement est chiffré et effacé après 24 heures sans réponse.\n' +
      '• Une fois envoyé, votre récit et vos coordonnées sont chiffrés ; seule l’équipe de l’association peut les lire.\n' +
      '• Les partenaires ne voient que les signalements traités, anonymisés par l’équipe, et seulement ceci : ' +
      partnerFieldsSentence('fr') +
      '.\n' +
      '• Votre nom n’est jamais demandé ; cette page ne pose ni cookie ni traceur. Pour qu’un rechargement ne perde pas votre brouillon, cet onglet garde seulement de quoi reprendre la conversation, jamais votre texte ; « Sortie rapide » l’efface.\n' +
      '• Après l’envoi, le lien « Suivre mon signalement », avec votre référence et votre phrase secrète, montre où il en est et permet de l’effacer.',
    askConsent:
      'Voulez-vous commencer ? Cela prend environ 5 minutes, et vous pouvez arrêter à tout moment avec /annuler.',
    consentGo: 'Commencer',
    consentPrivacy: 'En savoir plus',
    otherLang: 'English',
    askRole: 'Êtes-vous la victime, ou témoin ?',
    askMinorVictim: 'Aviez-vous moins de 18 ans au moment des faits ?',
    askMinorWitness: 'La victime avait-elle moins de 18 ans ?',
    yes: 'Oui',
    no: 'Non',
    dontKnow: 'Je ne sais pas',
    preferNotToSay: 'Je préfère ne pas le dire',
    askActs: 'Que s’est-il passé ? Choisissez tout ce qui s’applique, puis « Valider ».',
    askMotives: 'Selon vous, pour quelle raison ? Choisissez tout ce qui s’applique, puis « Valider ».',
    validate: 'Valider ✔',
    chooseAtLeastOne: 'Choisissez au moins une réponse (ou « Je ne sais pas »), puis « Valider ».',
    askWhen:
      'Quand cela s’est-il passé ? Choisissez, ou écrivez la date (par exemple 12/03/2025, 12 mars, samedi dernier, hier soir vers 22 h).',
    whenToday: 'Aujourd’hui',
    whenYesterday: 'Hier',
    whenApprox: 'Je ne connais que le mois',
    whenDontRemember: 'Je ne me souviens pas',
    askMonth: 'Écrivez le mois et l’année (par exemple 03/2025 ou mars 2025), ou choisissez :',
    badDate: 'Je n’ai pas compris cette date. Écrivez par exemple 12/03/2025, 12 mars 2025 ou « hier ».',
    badMonth: 'Je n’ai pas compris ce mois. Écrivez par exemple 03/2025 ou mars 2025.',
    futureDate: 'Cette date est dans le futur. Vérifiez-la, ou choisissez une réponse.',
    timeOnly: 'Quel jour ? Écrivez la date avec l’heure, par exemple « hier vers 22 h » ou « 12/03 vers 22 h ».',
    noted: 'Noté : {value}.',
    notedDay: 'le {day}',
    whenAtValue: '{day} vers {time}',
    timeValue: '{hour} h{meridiem}',
    timeMinutesValue: '{hour} h {minutes}{meridiem}',
    timeMidnight: 'minuit',
    timeNoon: 'midi',
    askWhere:
      'Où cela s’est-il passé ? Écrivez le code postal ou le nom de la commune (par exemple 34000 ou Montpellier), ou choisissez :',
    whereOnline: 'En ligne (internet, réseaux sociaux)',
    whereAbroad: 'Hors de France',
    badPostalCode:
      'Un code postal français a 5 chiffres, par exemple 34000. Écrivez-le de nouveau, ou choisissez une réponse.',
    unknownPostalCode: 'Je ne connais pas le code postal {postalCode}. Vérifiez-le, ou choisissez une réponse.',
    askCommuneCode: '{commune} a plusieurs codes postaux. Lequel ? Choisissez, ou écrivez-le.',
    askCommuneCodeTyped: '{commune} a {count} codes postaux, de {first} à {last}. Écrivez le vôtre.',
    askWhichCommune: 'Plusieurs communes correspondent : laquelle ? Choisissez, ou écrivez son code postal.',
    communeDontKnow: 'Je ne sais pas lequel',
    tooManyCommunes:
      'Beaucoup de communes s’appellent {commune}. Écrivez son code postal, ou son nom suivi du département (par exemple {commune} 34).',
    notACommune:
      'Je ne trouve pas cette commune. Écrivez le nom de la commune (par exemple Montpellier) ou son code postal (par exemple 34000) : pour un lieu précis, une salle ou une rue, la commune suffit.',
    placeDontKnow:
      'Ce n’est pas grave : le nom de la commune suffit, sans le code postal (par exemple Montpellier), ou celui de la commune la plus proche. Sinon, choisissez une réponse.',
    askPlace: 'Dans quel type de lieu ?',
    askAuthor:
      'Qui était l’auteur·e des faits ? Cela sert seulement à vous orienter : ce n’est pas envoyé avec le signalement.',
    authorPolice: 'Un·e policier·e',
    authorGendarmerie: 'Un·e gendarme',
    authorPartner: 'Mon ou ma partenaire, ou ex',
    authorOther: 'Quelqu’un d’autre',
    askOnlineReach:
      'Était-ce en public (publication, commentaire, vidéo visibles par d’autres) ou en messages privés ?',
    onlinePublic: 'En public',
    onlinePrivate: 'En messages privés',
    askStory:
      'Racontez ce qui s’est passé, avec vos mots. Vous pouvez écrire en plusieurs messages : rien n’est envoyé avant la fin. ' +
      'Seule l’équipe de l’association lira ce texte.',
    askStoryMore: 'C’est noté. Vous pouvez ajouter un autre message, ou continuer.',
    askStoryEdit: 'Votre description est gardée. Écrivez un message pour la compléter, ou touchez « Tout réécrire ».',
    storyDone: 'C’est tout, continuer',
    storyRewrite: 'Tout réécrire',
    storyCleared: 'Description effacée. Écrivez-la de nouveau.',
    emptyStory: 'Écrivez quelques mots pour décrire ce qui s’est passé.',
    storyTooLong:
      'Votre description a atteint la longueur maximale : ce dernier message n’a pas été ajouté. Ce que vous aviez écrit avant est gardé.',
    askComplaint: 'Avez-vous porté plainte ?',
    askContact:
      'Souhaitez-vous que l’association vous recontacte ? Vos coordonnées sont chiffrées et seule l’équipe de l’association les voit, jamais les partenaires.',
    contactNo: 'Non, merci',
    askContactHow: 'Comment souhaitez-vous être recontacté·e ?',
    contactChat: 'Par cette conversation',
    contactEmail: 'Par e-mail',
    contactPhone: 'Par téléphone',
    otherContactMethod: 'Un autre moyen',
    askEmail: 'Écrivez votre adresse e-mail.',
    badEmail: 'Cette adresse e-mail ne semble pas valide. Écrivez-la sous la forme nom@exemple.fr.',
    askPhone: 'Écrivez votre numéro de téléphone (par exemple 06 12 34 56 78 ou +33 6 12 34 56 78).',
    badPhone:
      'Ce numéro ne semble pas valide. Écrivez par exemple 06 12 34 56 78, ou +32 470 12 34 56 pour un numéro étranger.',
    summary: 'Voici votre signalement :\n\n{summary}\n\nL’envoyer à l’association ?',
    send: 'Envoyer le signalement',
    editAnswer: 'Modifier une réponse',
    cancelReport: 'Annuler le signalement',
    askEdit: 'Quelle réponse voulez-vous modifier ?',
    editRole: 'Victime ou témoin',
    editActs: 'Les faits',
    editMotives: 'Le motif',
    editWhen: 'La date',
    editWhere: 'Le lieu',
    editStory: 'La description',
    editComplaint: 'La plainte',
    editContact: 'Le recontact',
    editBack: 'Retour au résumé',
    sumRole: 'Votre situation : {value}',
    sumMinor: 'Victime mineure : {value}',
    sumActs: 'Faits : {value}',
    sumMotives: 'Motif : {value}',
    sumWhen: 'Quand : {value}',
    sumWhere: 'Où : {value}',
    sumPlace: 'Lieu : {value}',
    sumStory: 'Description : {value}',
    sumComplaint: 'Plainte : {value}',
    sumContact: 'Recontact : {value}',
    notSaid: 'non précisé',
    whenMonthValue: '{month} (environ)',
    whereAbroadValue: 'hors de France',
    whereOnlineValue: 'en ligne',
    contactEmailValue: 'par e-mail ({value})',
    contactPhoneValue: 'par téléphone ({value})',
    received:
      'Votre signalement est bien reçu. Merci de votre confiance.\nVotre référence : {reference}\nGardez-la : elle permet de suivre votre signalement (/suivi).',
    receivedWeb:
      'Votre signalement est bien reçu. Merci de votre confiance.\nVotre référence : {reference}\nVotre phrase secrète : {phrase}\n' +
      'Notez-les maintenant, à l’abri : la phrase n’est affichée qu’une fois et personne ne peut la retrouver. ' +
      'Avec elles, le lien « Suivre mon signalement » de cette page montre où en est votre signalement et les réponses de l’association ; vous pourrez y répondre, ou tout effacer.',
    receivedMailFollowUp:
      'Votre signalement est bien reçu. Merci de votre confiance.\nVotre référence : {reference}\nVotre phrase secrète : {phrase}\n' +
      'Notez-les maintenant, à l’abri : la phrase n’est affichée qu’une fois et personne ne peut la retrouver.\n' +
      'Si l’association vous écrit, un e-mail sans contenu vous le dira. Pour lire son message et lui répondre, ouvrez alors :\n{url}\n' +
      'et entrez-y la référence et la phrase.\nIci, /suivi montre où en est votre signalement.',
    askDeleteConversation:
      'Si quelqu’un peut regarder votre téléphone, je peux effacer toute cette conversation, mes messages et les vôtres. ' +
      'Notez d’abord votre référence. Vous pourrez ensuite retirer la conversation de votre liste de discussions.',
    askDeleteConversationPhrase:
      'Si quelqu’un peut regarder votre téléphone, je peux effacer toute cette conversation, mes messages et les vôtres. ' +
      'Notez d’abord votre référence et votre phrase secrète. Vous pourrez ensuite retirer la conversation de votre liste de discussions.',
    askDeleteConversationWeb:
      'Si quelqu’un peut regarder votre écran, je peux effacer toute cette conversation de la page. ' +
      'Notez d’abord votre référence et votre phrase secrète.',
    commandOnWeb: '« {word} »',
    deleteYes: 'Effacer la conversation',
    deleteNo: 'Garder',
    deleted: 'Conversation effacée.',
    kept: 'D’accord. Prenez soin de vous. Pour un nouveau signalement : /start.',
    submitFailed:
      'L’envoi n’a pas abouti. Rien n’est perdu : touchez de nouveau « Envoyer le signalement » dans un instant.',
    cancelConfirm: 'Annuler ce signalement ? Ce que vous avez écrit sera effacé.',
    cancelYes: 'Oui, annuler',
    cancelNo: 'Non, continuer',
    cancelled: 'Signalement annulé. Rien n’a été envoyé. Tapez /start pour recommencer.',
    nothingToCancel: 'Aucun signalement en cours. Tapez /start pour en commencer un.',
    restartConfirm: 'Vous avez un signalement en cours. Voulez-vous le continuer, ou recommencer depuis le début ?',
    restartContinue: 'Continuer',
    restartNew: 'Recommencer',
    expectChoice: 'Choisissez une des réponses avec les boutons ci-dessous.',
    expectText: 'J’attends un message écrit.',
    expectChoiceOrText: 'Choisissez une réponse avec les boutons, ou écrivez-la.',
    expectChoiceTyped: 'Je n’ai pas compris. Choisissez une des réponses proposées, ou écrivez-la en quelques mots.',
    whichOne: 'Laquelle voulez-vous dire : {options} ? Choisissez-la, ou écrivez-la.',
    orWord: 'ou',
    notedSeveral: 'Noté : {value}. Ajoutez-en, ou choisissez « Valider » pour continuer.',
    staleChoice: 'Ce bouton correspond à une question précédente. Voici la question en cours :',
    editedIgnored:
      'Je ne peux pas prendre en compte un message modifié. Vous pourrez changer vos réponses au résumé, avant l’envoi.',
    unsupportedMedia:
      'Je ne lis que le texte et les boutons : les photos, vocaux, fichiers et autocollants ne sont pas enregistrés. ' +
      'Gardez-les : l’association pourra vous les demander.',
    captionKept: 'J’ai gardé le texte qui accompagnait votre envoi.',
    notStarted:
      'Aucun signalement en cours (un brouillon est effacé après 24 heures sans réponse). Tapez /start pour commencer.',
    startReport: 'Faire un signalement',
    keptYourText: 'J’ai gardé ce que vous avez écrit : ce sera le début de votre description.',
    unknownCommand: 'Je ne connais pas cette commande. /aide liste ce que je sais faire.',
    chooseLang: 'Choisissez votre langue / Choose your language:',
    langFr: 'Français',
    langEn: 'English',
    langSet: 'D’accord, je continue en français.',
    eraseConfirm:
      'Effacer tous les signalements envoyés depuis cette conversation, et le brouillon en cours ? ' +
      'L’association ne pourra plus les suivre ni vous répondre. C’est définitif.',
    eraseYes: 'Oui, tout effacer',
    eraseNo: 'Non',
    eraseRequested:
      'C’est demandé : vos signalements seront effacés dans les minutes qui viennent. Il n’en restera qu’une trace vide, sans contenu.',
    eraseFailed: 'La demande d’effacement n’a pas abouti. Réessayez dans un instant avec /supprimer.',
    eraseCancelled: 'Rien n’a été effacé.',
    myReportsTitle: 'Vos signalements :',
    myReportLine: '• {reference}, envoyé le {date} : {status}',
    noReports:
      'Aucun signalement trouvé pour cette conversation. Un signalement tout juste envoyé peut mettre une minute à apparaître.',
    myReportsFailed: 'Je n’ai pas pu consulter vos signalements. Réessayez dans un instant.',
    statusReceived: 'reçu, bientôt lu par l’équipe',
    statusInReview: 'en cours de traitement',
    statusDone: 'traité',
    statusRejected: 'clos',
    statusErased: 'effacé',
    menuStart: 'Faire un signalement',
    menuHelp: 'Aide et commandes',
    menuCancel: 'Annuler le signalement en cours',
    menuLang: 'Changer de langue',
    menuUrgence: 'En danger : que faire, lieux sûrs proches',
    menuSuivi: 'Où en sont mes signalements',
    menuSupprimer: 'Effacer mes signalements',
    internalError:
      'Un problème technique m’a empêché de lire votre dernier message. Votre signalement en cours est gardé : renvoyez ce message dans un instant.',
    tooManyMessages:
      'Vous envoyez beaucoup de messages en peu de temps : je mets la conversation en pause pendant {seconds} secondes. Votre signalement en cours est gardé ; renvoyez ensuite votre dernier message.',
    submitThrottled:
      'Vous avez envoyé plusieurs signalements en peu de temps. Pour protéger le service, celui-ci attendra : il est gardé tel quel, touchez « Envoyer le signalement » dans {minutes} min. En danger ? Appelez le 17 ou le 112, ou envoyez un SMS au 114.',
  },
  /** Emergency guidance, safe places, next steps, the command list (long prose: `guidance-fr.ts`). */
  guidance: guidanceFr,
  /** Answering the association on Telegram (the reply button under its messages; see `telegram-replies.ts`). */
  telegramReply: {
    button: 'Répondre à l’association',
    prompt:
      'Écrivez votre réponse à l’association (signalement {reference}) dans votre prochain message. Seule l’équipe de l’association la lira.',
    cancelButton: 'Annuler',
    cancelled: 'D’accord : rien n’a été envoyé.',
    sent: 'Votre réponse a été transmise à l’association (signalement {reference}).',
    draftKept: 'Votre signalement en cours est gardé : reprenez-le quand vous voulez.',
    textOnly: 'Seul du texte peut être transmis à l’association : écrivez votre réponse dans un message.',
    unavailable:
      'Ce message de l’association ne peut plus recevoir de réponse : le signalement a été effacé. Pour un nouveau signalement, envoyez /start.',
    askAnswerOrNew:
      'L’association vous a écrit au sujet de votre signalement {reference}. Ce message est-il une réponse à l’association, ou le début d’un nouveau signalement ?',
    isAnswer: 'C’est une réponse à l’association',
    isNew: 'C’est un nouveau signalement',
    expired: 'Je n’ai plus ce message (plus d’une heure a passé) : renvoyez-le, s’il vous plaît.',
    throttled:
      'Vous avez envoyé beaucoup de réponses en peu de temps : attendez {minutes} min, puis renvoyez ce message. En danger : 17, 112, ou SMS au 114.',
  },
  /** The reporting pages: `/report` and `/report/partner/:tunnel`, and their 404 page. */
  tunnelPage: {
    title: 'Signaler un acte anti-LGBT+',
    intro:
      'Victime ou témoin d’une agression, d’insultes, de harcèlement ou d’une discrimination anti-LGBT+ ? Ce service de l’association vous aide à le signaler en quelques minutes. Une personne de l’association lit chaque signalement.',
    emergencyTitle: 'En danger maintenant ?',
    emergency: 'Appelez le 17 (police) ou le 112, ou envoyez un SMS au 114. Ce service n’est pas un service d’urgence.',
    notFoundTitle: 'Page introuvable',
    notFound: 'Cette adresse de signalement n’existe pas. Vous pouvez signaler depuis la page générale.',
    privacy:
      'Aucun cookie, aucun traceur. Le bouton « Sortie rapide » ou la touche Échap quittent la page immédiatement.',
    other: 'Faire un signalement',
    follow: 'Suivre mon signalement (avec la référence et la phrase secrète)',
    otherLang: 'English',
  },
  /** The follow-up page (`/report/follow`) and its script, which receives this section as JSON. */
  followUpPage: {
    title: 'Suivre mon signalement',
    intro: 'Entrez la référence et la phrase secrète données à la fin de votre signalement.',
    exit: 'Sortie rapide',
    exitHint: 'Quitte immédiatement cette page (touche Échap)',
    emergencyTitle: 'En danger maintenant ?',
    emergency: 'Appelez le 17 (police) ou le 112, ou envoyez un SMS au 114. Ce service n’est pas un service d’urgence.',
    referenceLabel: 'Référence (par exemple K7QF-M3XA)',
    phraseLabel: 'Phrase secrète (cinq mots)',
    signIn: 'Voir mon signalement',
    noScript: 'Cette page a besoin de JavaScript pour afficher votre signalement. Rien n’est gardé dans ce navigateur.',
    refused: 'Référence ou phrase secrète incorrecte. Vérifiez-les et réessayez.',
    throttled: 'Trop d’essais. Par sécurité, attendez {minutes} min avant de réessayer.',
    unavailable: 'Le service ne répond pas pour le moment. Réessayez dans un moment.',
    expired: 'Le suivi a été fermé après un moment sans activité. Entrez à nouveau votre référence et votre phrase.',
    reportTitle: 'Votre signalement {reference}',
    sentOn: 'Envoyé le {date}.',
    statusLabel: 'État :',
    status_received: 'reçu, une personne de l’association va le lire',
    status_in_review: 'en cours de traitement par l’association',
    status_done: 'traité par l’association',
    status_rejected: 'clos par l’association',
    status_erased: 'effacé ; il n’en reste qu’une trace vide, sans contenu',
    messagesTitle: 'Messages',
    noMessages: 'Aucun message pour l’instant.',
    noAnswersExpected:
      'Vous n’avez pas demandé de réponse par la conversation : l’association ne vous écrira pas ici, mais elle lira vos messages.',
    fromAssociation: 'L’association',
    fromYou: 'Vous',
    answerLabel: 'Votre message à l’association',
    answerHint: 'Seule l’équipe de l’association le lit. 4 000 caractères au plus.',
    send: 'Envoyer',
    answerSent: 'Message envoyé à l’association.',
    answerDanger:
      'Si vous êtes en danger maintenant : appelez le 17 (police secours) ou le 112 ; si vous ne pouvez pas parler, envoyez un SMS au 114. Les lieux du réseau « En lieu sûr » peuvent vous accueillir et appeler les secours pour vous.',
    answerEmpty: 'Écrivez un message avant d’envoyer.',
    answerThrottled: 'Vous avez envoyé beaucoup de messages : attendez {minutes} min. Votre texte est gardé.',
    eraseTitle: 'Effacer mon signalement',
    eraseText:
      'Efface votre récit, vos coordonnées et les messages. L’association ne pourra plus vous répondre. C’est définitif.',
    erase: 'Effacer mon signalement',
    eraseConfirm: 'Oui, effacer définitivement',
    eraseCancel: 'Non, garder',
    eraseAsk: 'Effacer définitivement ce signalement ?',
    erased:
      'C’est fait : votre signalement sera effacé dans les minutes qui viennent. Il n’en restera qu’une trace vide, sans contenu.',
    signOut: 'Quitter le suivi',
    signedOut: 'Vous avez quitté le suivi.',
    privacy:
      'Aucun cookie, aucun traceur : rien n’est gardé dans ce navigateur. Le bouton « Sortie rapide » ou la touche Échap quittent la page immédiatement.',
    report: 'Faire un signalement',
    otherLang: 'English',
  },
  /** What the Direct Line endpoint says by itself, before the flow knows the language (all languages are shown). */
  /** The embeddable web chat widget (`/widget.js`), which receives this section when it is served. */
  widget: {
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
    invalid:
      'Ce message n’a pas pu être envoyé : un message fait au plus 20 000 caractères de texte. Votre saisie est conservée ; raccourcissez-la puis renvoyez.',
    expired:
      'Votre session a expiré. Pour votre sécurité, cette conversation ne peut pas reprendre : rechargez la page pour recommencer.',
    you: 'Vous',
    bot: 'Assistant',
    emergency: 'En danger ? Appelez le 17 ou le 112, ou envoyez un SMS au 114.',
    frame: 'Discussion de signalement, service de l’association',
    exitKeys: 'Quitte immédiatement cette page. Raccourcis : touche Échap, ou Maj trois fois de suite.',
    urgent: 'Urgence',
    urgentTitle: 'En danger maintenant ?',
    urgentCall17: 'Appeler le 17 (police secours)',
    urgentCall112: 'Appeler le 112 (urgences)',
    urgentSms114: 'SMS au 114 (si vous ne pouvez pas parler)',
    urgentPlacesText:
      'Les lieux du réseau « En lieu sûr » (commerces, services publics…) peuvent vous accueillir et appeler les secours pour vous.',
    urgentPlaces: 'Voir les lieux sûrs près de moi',
    urgentClose: 'Revenir à mon signalement',
    urgentKept: 'Votre signalement en cours est gardé.',
    placeholder: 'Écrivez votre réponse ici',
    receiptTitle: 'Votre signalement est envoyé',
    receiptReference: 'Votre référence',
    receiptPhrase: 'Votre phrase secrète',
    receiptHint:
      'Notez-les maintenant, à l’abri : la phrase n’est affichée qu’une fois et personne ne peut la retrouver.',
    receiptFollow: 'Pour suivre votre signalement et lire les réponses de l’association, ouvrez :',
    copy: 'Copier',
    copied: 'Copié',
    copyFailed: 'La copie n’a pas marché : notez-les à la main.',
    noted: 'J’ai noté ma référence',
    leaveAsk: 'Quitter maintenant ? Ce que vous avez écrit sera effacé de cet écran.',
    leaveYes: 'Quitter',
    leaveNo: 'Rester',
    resumed: 'Conversation reprise là où vous en étiez.',
  },
  directLine: {
    slowDown: 'Vous envoyez beaucoup de messages : patientez une minute, votre saisie est conservée.',
    turnFailed: 'Désolé, un problème technique est survenu. Votre saisie est conservée : réessayez dans un instant.',
    addressBudget:
      'Beaucoup de messages sont partis de cette connexion : patientez un moment avant de continuer, votre saisie est conservée.',
    messageTooBig: 'Ce message est trop long pour être envoyé : raccourcissez-le ou envoyez-le en plusieurs fois.',
    conversationFull:
      'Cette conversation est trop longue pour continuer : rechargez la page pour en commencer une nouvelle.',
  },
} as const;
