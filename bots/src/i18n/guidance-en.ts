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
    'A homophobic or transphobic motive is an aggravating circumstance: mention it.',
  nextPreComplaint: '• Online pre-complaint to save time: https://www.pre-plainte-en-ligne.gouv.fr',
  nextHelpToFile: '• You would like help: the association will support you if you left a way to contact you.',
  nextPharos:
    '• Online hate content: report it on Pharos, https://www.internet-signalement.gouv.fr; take screenshots before it disappears.',
  nextMedical: '• Have your injuries recorded by a doctor (medical certificate), even minor ones.',
  next3919: '• Sexual or family violence: 3919, free and anonymous, 24/7.',
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
