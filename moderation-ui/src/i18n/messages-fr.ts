/**
 * French texts of the moderation UI (the reference catalog: every key starts here; the English
 * catalog must have the same keys and placeholders, a test checks it). `{name}` placeholders are
 * filled by `translate`.
 */
export const uiFr = {
  // Layout and navigation
  'layout.brand': 'Relais',
  'layout.skip': 'Aller au contenu',
  'layout.nav': 'Navigation principale',
  'layout.signOut': 'Se déconnecter ({name})',
  'nav.queue': 'File de modération',
  'nav.partners': 'Partenaires',
  'nav.accounts': 'Comptes',
  'nav.safePlaces': 'Lieux sûrs',
  'nav.audit': 'Journal d’audit',
  'nav.reports': 'Signalements',
  'nav.stats': 'Statistiques',
  'nav.digests': 'Synthèses',
  'nav.account': 'Mon compte',

  // Sign-in and account pages
  'login.title': 'Connexion',
  'login.email': 'Adresse e-mail',
  'login.password': 'Mot de passe',
  'login.totp': 'Code d’authentification (application TOTP, obligatoire pour l’équipe)',
  'login.submit': 'Se connecter',
  'account.title': 'Mon compte',
  'account.signedInAs': 'Connecté·e en tant que {name} ({role}).',
  'account.current': 'Mot de passe actuel',
  'account.next': 'Nouveau mot de passe ({minimum} caractères au moins)',
  'account.submit': 'Changer le mot de passe',
  'account.note': 'Changer le mot de passe ferme toutes vos autres sessions.',

  // Error page
  'errorPage.conflict': 'Conflit',
  'errorPage.refused': 'Action refusée',
  'errorPage.code': 'Code : {code}',
  'errorPage.typed': 'Votre texte (non enregistré) :',
  'errorPage.back': 'Revenir à la page',

  // Errors (the JSON `error` code stays stable; these are the `message`s)
  'error.notFound.report': 'Ce signalement n’existe pas, ou vous n’y avez pas accès.',
  'error.notFound.partner': 'Ce partenaire n’existe pas, ou vous n’y avez pas accès.',
  'error.notFound.account': 'Ce compte n’existe pas, ou vous n’y avez pas accès.',
  'error.notFound.safePlace': 'Ce lieu sûr n’existe pas, ou vous n’y avez pas accès.',
  'error.notFound.digest': 'Cette synthèse n’existe pas, ou vous n’y avez pas accès.',
  'error.notFound.route': 'Cette page ou cette route d’API n’existe pas.',
  'error.forbidden': 'Votre compte ne permet pas cette action.',
  'error.unauthenticated': 'Connectez-vous d’abord (POST /api/auth/login).',
  'error.partnerSuspended': 'L’accès de votre organisation est suspendu. Contactez l’association.',
  'error.csrfRejected': 'Ce formulaire ou cette requête n’a pas de jeton CSRF valide (ou vient d’un autre site). Rechargez la page et réessayez.',
  'error.internal': 'Une erreur s’est produite de notre côté ; rien n’a été modifié. Réessayez, et prévenez un·e admin si cela continue.',
  'error.requestRefused': 'Cette requête n’a pas pu être lue ({code}). Vérifiez ce qui a été envoyé et réessayez.',
  'error.invalidBody': 'Les données envoyées ne sont pas valides : {issues}.',
  'error.invalidQuery': 'Les filtres de la requête ne sont pas valides : {issues}.',
  'error.loginThrottled': 'Trop de tentatives de connexion échouées. Attendez {minutes} minute(s) et réessayez.',
  'error.loginFailed': 'Adresse e-mail, mot de passe ou code d’authentification incorrect. Vérifiez-les et réessayez.',
  'error.wrongPassword': 'Votre mot de passe actuel n’est pas le bon ; rien n’a été modifié.',
  'error.versionConflict':
    'Quelqu’un d’autre a modifié ce signalement depuis que vous l’avez ouvert (il est maintenant en version {version}). Rien n’a été écrasé : rechargez le signalement, puis refaites votre modification.',
  'error.claimedByOther': 'Une autre personne de l’équipe a pris ce signalement jusqu’au {until} ; vous ne pouvez pas le modifier d’ici là.',
  'error.notClaimed': 'Prenez d’abord ce signalement (votre prise en charge a peut-être expiré).',
  'error.wrongStatus': 'Ce signalement est « {status} » : cette action n’est pas possible dans cet état.',
  'error.suggestionGone': 'Cette suggestion ne correspond plus au texte (il a été modifié entre-temps). Rechargez le signalement.',
  'error.piiRemains':
    'Le texte anonymisé contient encore {count} détail(s) probablement identifiant(s) ({kinds}). Acceptez ou écartez chaque suggestion, puis publiez à nouveau.',
  'error.noContactRequested': 'La personne n’a pas demandé à être recontactée : aucune réponse ne peut être envoyée.',
  'error.emptyScopeNew': 'Indiquez au moins un code postal ou un tunnel : un partenaire sans périmètre ne verrait rien.',
  'error.emptyScopeEdit': 'Indiquez au moins un code postal ou un tunnel ; pour qu’un partenaire ne voie plus de signalements, suspendez-le.',
  'error.partnerRequired': 'Un compte partenaire a besoin de son partenaire, et un compte de l’équipe d’aucun.',
  'error.emailTaken': 'Un compte avec cette adresse e-mail existe déjà.',
  'error.digestPartnerSuspended': '{slug} est suspendu et ne reçoit pas de synthèse : rétablissez-le d’abord.',
  'error.badWeek': '{week} n’est pas une semaine ISO (par exemple 2026-W47).',
  'error.weekNotOver': '{week} n’est pas encore terminée : une synthèse couvre une semaine entière.',

  // Validation messages of our own rules (zod's built-in ones come from its French locale)
  'validation.giveReason': 'donnez une raison',
  'validation.writeMessage': 'écrivez un message',
  'validation.passwordLength': 'un mot de passe a au moins {minimum} caractères',
  'validation.isoWeek': 'une semaine ISO, par exemple 2026-W47',
  'validation.references': 'les références ressemblent à K7QF-M3XA, séparées par des virgules, 200 au plus',
  'validation.month': 'un mois s’écrit AAAA-MM',
  'validation.flagComment': 'dites ce qui identifie encore quelqu’un',

  // Staff queue page
  'queue.claimedByYou': 'vous',
  'queue.free': 'libre',
  'queue.inDanger': 'en danger',
  'queue.claimedBy': 'pris par {name} jusqu’à {until}',
  'queue.countsLabel': 'Nombre de signalements par statut',
  'queue.filters': 'Filtres',
  'queue.status': 'Statut',
  'queue.toHandle': 'À traiter',
  'queue.tunnel': 'Tunnel',
  'queue.postalCode': 'Code postal',
  'queue.actType': 'Type d’acte',
  'queue.all': 'Tous',
  'queue.reference': 'Référence',
  'queue.from': 'Reçu depuis le',
  'queue.to': 'jusqu’au',
  'queue.filter': 'Filtrer',
  'queue.caption': 'Nouveaux et signalés d’abord, puis par priorité et ancienneté',
  'queue.priority': 'Priorité',
  'queue.acts': 'Actes',
  'queue.received': 'Reçu (UTC)',
  'queue.claimed': 'Pris en charge',
  'queue.empty': 'Aucun signalement.',
  'queue.next': 'Page suivante',
} as const;

/** A key of the moderation UI's catalogs. */
export type UiKey = keyof typeof uiFr;
