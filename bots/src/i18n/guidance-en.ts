import type { Messages } from './messages.js';

/** English texts of the help the conversation gives (the `guidance` section of `en.ts`); same keys as `guidance-fr.ts`. */
export const guidanceEn: Messages['guidance'] = {
  emergency:
    '⚠️ If you are in danger now:\n• call 17 (police) or 112;\n• if you cannot speak, text 114.\n' +
    'Places of the “En lieu sûr” network (shops, public services…) can take you in and call for help on your behalf.',
  emergencyDraftKept: 'Your report in progress is kept: you can go on with it once you are safe.',
  safePlacesButton: 'Safe places near me',
  backToReport: 'Back to my report',
  askSafePlacesCode: 'Type the postal code where you are (for example 34000) to see the nearest safe places.',
  safePlacesTitle: '“En lieu sûr” places near {postalCode}:',
  safePlaceLine: '• {name}: {address}, {postalCode} {commune}',
  safePlacePhone: ' (tel. {phone})',
  safePlaceHours: '; {hours}',
  safePlacesFooter: 'Once there, say that you need help: the staff will call 17 for you.',
  noSafePlaces: 'No place of the network is listed near {postalCode} yet. In danger: 17, 112, or text 114.',
  safePlacesFailed: 'I could not look up safe places. In danger: 17, 112, or text 114.',
  nextStepsTitle: 'What you can do now:',
  nextFiled: '• Keep the receipt of your complaint; the association can help you follow it up.',
  nextHowToFile:
    '• Filing a complaint: at any police or gendarmerie station, which must record it, or by letter to the public prosecutor (procureur de la République). ' +
    'An anti-LGBT+ motive (homophobic, lesbophobic, biphobic, transphobic…) is an aggravating circumstance: mention it.',
  nextPreComplaint: '• Online pre-complaint to save time: https://www.pre-plainte-en-ligne.gouv.fr',
  nextHelpToFile: '• You would like help: the association will support you if you left a way to contact you.',
  nextOnlineEvidence:
    '• Take screenshots (with the date, the page address and the account name) before the content or messages disappear.',
  next3018:
    '• Cyber-harassment: 3018, free, anonymous and confidential, 7 days a week from 9 am to 11 pm (call, chat on https://3018.fr, the 3018 app); it can have content or accounts removed quickly.',
  nextWitness:
    '• You are a witness: you can testify (at a police or gendarmerie station, or in a written statement the victim adds to their complaint), ' +
    'support the victim if you know them (listen, pass on these contacts, go with them if they wish), ' +
    'and keep the evidence: write down as soon as you can the date, time, place and what you saw and heard; keep photos, videos or screenshots.',
  nextDefenseurDroits:
    '• Discrimination (refused service, housing, work…): the Défenseur des droits (the French rights ombudsman) listens and can act, free of charge: 39 28, or https://www.defenseurdesdroits.fr ' +
    '(online form, chat on https://www.antidiscriminations.fr, or a local delegate).',
  nextIgpn:
    '• Misconduct by a police officer: report it to the IGPN (the online reporting platform of the national police inspectorate, on https://www.masecurite.interieur.gouv.fr) ' +
    'or to the Défenseur des droits (39 28), which oversees the ethics of security forces. You can still file a complaint, with any station or the public prosecutor.',
  nextIggn:
    '• Misconduct by a gendarme: report it to the IGGN (the online reporting platform of the gendarmerie inspectorate, on https://www.masecurite.interieur.gouv.fr) ' +
    'or to the Défenseur des droits (39 28). You can still file a complaint, with any station or the public prosecutor.',
  nextLgbtLiaison:
    '• In some large cities (Paris, Marseille, Bordeaux…), a police LGBT+ liaison officer sees victims and follows their complaint; ' +
    'elsewhere, every police station and gendarmerie group has an LGBT+ referent (référent·e LGBT+) the investigators consult. ' +
    'The association FLAG! (LGBT+ staff of the Interior and Justice ministries) supports and guides victims: https://www.flagasso.com',
  nextPharos:
    '• Public online hate content: report it on Pharos, https://www.internet-signalement.gouv.fr (Pharos only handles public content, not private messages).',
  nextMedical: '• Have your injuries recorded by a doctor (medical certificate), even minor ones.',
  nextSexualViolence:
    '• Sexual violence: Viols Femmes Informations, 0 800 05 95 95, free and anonymous, Monday to Friday from 10 am to 7 pm, for anyone who went through it.',
  next3919:
    '• Violence within a couple, even after a break-up: 3919, Violences Femmes Info, free and anonymous, 24/7; it also listens to relatives and friends.',
  next119: '• For a minor: 119, Allô enfance en danger, free, 24/7.',
  nextLgbtLines:
    '• LGBT+ listening lines: SOS homophobie, 01 48 06 42 41; young LGBT+ people rejected by their family: Le Refuge, 06 31 59 69 50 (24/7).',
  nextVictimSupport: '• Free victim support: France Victimes, 116 006 (7 days a week).',
  nextContactLater: '• The association will contact you the way you asked.',
  helpText:
    'I help you report an anti-LGBT+ act to the association. Commands:\n' +
    '/start: make a report\n/cancel: cancel the report in progress\n/lang: change language\n' +
    '/emergency: what to do in danger, nearby safe places\n/status: status of my reports\n/erase: erase my reports\n' +
    'In danger: 17, 112, or text 114.',
};
