import type { Messages } from './messages.js';
import { partnerFieldsSentence } from '@relais/core';
import { guidanceEn } from './guidance-en.js';

/** The English catalog of the bots; same sections, keys and placeholders as `fr.ts`. */
export const en: Messages = {
  conversation: {
    welcome:
      "Hello. I am the association's automated assistant: a program, not a person, and no AI decides anything. " +
      'I help you report, in a few minutes, an anti-LGBT+ act you suffered or witnessed.\n\n' +
      '• What I ask: what happened, when, where (postal code), your account, and if you wish a way to contact you again.\n' +
      '• Who reads it: a person from the association reads every report. Partners (cities, public services) only ever see an anonymised version: ' +
      partnerFieldsSentence('en', { summary: true }) +
      '. Never your contact details or your follow-up reference; the details are under “Learn more”.\n' +
      '• How long it is kept: your account and contact details are deleted at the latest one year after your report is handled; you can erase everything sooner with /erase.\n\n' +
      'This is not an emergency service: if you are in danger, call 17 or 112, or text 114.',
    privacy:
      'In detail:\n• The draft of your report is encrypted and deleted after 24 hours without an answer.\n' +
      '• Once sent, your account and contact details are encrypted; only the association staff can read them.\n' +
      '• Partners only see handled reports, anonymised by the staff, and only this: ' +
      partnerFieldsSentence('en') +
      '.\n' +
      '• Your name and Telegram identity are never stored with the report.\n' +
      '• /status shows the status of your reports, /erase erases them.',
    privacyWeb:
      'In detail:\n• The draft of your report is encrypted and deleted after 24 hours without an answer.\n' +
      '• Once sent, your account and contact details are encrypted; only the association staff can read them.\n' +
      '• Partners only see handled reports, anonymised by the staff, and only this: ' +
      partnerFieldsSentence('en') +
      '.\n' +
      '• Your name is never asked for; this page sets no cookie and no tracker. So that a reload does not lose your draft, this tab keeps only what it needs to resume the conversation, never your text; "Quick exit" clears it.\n' +
      '• After sending, the "Follow my report" link, with your reference and secret phrase, shows its status and lets you erase it.',
    askConsent: 'Shall we begin? It takes about 5 minutes, and you can stop at any time with /cancel.',
    consentGo: 'Begin',
    consentPrivacy: 'Learn more',
    otherLang: 'Français',
    askRole: 'Are you the victim, or a witness?',
    askMinorVictim: 'Were you under 18 when it happened?',
    askMinorWitness: 'Was the victim under 18?',
    yes: 'Yes',
    no: 'No',
    dontKnow: "I don't know",
    preferNotToSay: 'I prefer not to say',
    askActs: 'What happened? Choose everything that applies, then “Confirm”.',
    askMotives: 'Why do you think it happened? Choose everything that applies, then “Confirm”.',
    validate: 'Confirm ✔',
    chooseAtLeastOne: "Choose at least one answer (or “I don't know”), then “Confirm”.",
    askWhen:
      'When did it happen? Choose, or type the date (for example 12/03/2025, 12 March, last Saturday, last night around 10 pm).',
    whenToday: 'Today',
    whenYesterday: 'Yesterday',
    whenApprox: 'I only know the month',
    whenDontRemember: "I don't remember",
    askMonth: 'Type the month and year (for example 03/2025 or March 2025), or choose:',
    badDate: 'I did not understand that date. Type for example 12/03/2025, 12 March 2025 or “yesterday”.',
    badMonth: 'I did not understand that month. Type for example 03/2025 or March 2025.',
    futureDate: 'That date is in the future. Please check it, or choose an answer.',
    timeOnly: 'Which day? Type the date with the time, for example "yesterday around 10 pm" or "12/03 around 10 pm".',
    noted: 'Noted: {value}.',
    notedDay: '{day}',
    whenAtValue: '{day} around {time}',
    timeValue: '{hour} {meridiem}',
    timeMinutesValue: '{hour}:{minutes} {meridiem}',
    timeMidnight: 'midnight',
    timeNoon: 'noon',
    askWhere:
      'Where did it happen? Type the postal code or the name of the town (for example 34000 or Montpellier), or choose:',
    whereOnline: 'Online (internet, social media)',
    whereAbroad: 'Outside France',
    badPostalCode: 'A French postal code has 5 digits, for example 34000. Please type it again, or choose an answer.',
    unknownPostalCode: 'I do not know the postal code {postalCode}. Please check it, or choose an answer.',
    askCommuneCode: '{commune} has several postal codes. Which one? Choose, or type it.',
    askCommuneCodeTyped: '{commune} has {count} postal codes, from {first} to {last}. Type yours.',
    askWhichCommune: 'Several towns match: which one? Choose, or type its postal code.',
    communeDontKnow: "I don't know which",
    tooManyCommunes:
      'Many towns are called {commune}. Type its postal code, or its name followed by the département number (for example {commune} 34).',
    notACommune:
      'I cannot find that town. Type the name of the town (for example Montpellier) or its postal code (for example 34000): for a precise place, a venue or a street, the town is enough.',
    placeDontKnow:
      'That is all right: the name of the town is enough, without the postal code (for example Montpellier), or the nearest town. Otherwise, choose an answer.',
    askPlace: 'What kind of place?',
    askAuthor: 'Who did it? This only helps point you to the right support: it is not sent with the report.',
    authorPolice: 'A police officer',
    authorGendarmerie: 'A gendarme',
    authorPartner: 'My partner or ex-partner',
    authorOther: 'Someone else',
    askOnlineReach: 'Was it in public (a post, comment or video others could see) or in private messages?',
    onlinePublic: 'In public',
    onlinePrivate: 'In private messages',
    askStory:
      'Tell what happened, in your own words. You can write several messages: nothing is sent before the end. ' +
      'Only the association staff will read this text.',
    askStoryMore: 'Noted. You can add another message, or continue.',
    askStoryEdit: 'Your description is kept. Type a message to add to it, or tap “Rewrite everything”.',
    storyDone: "That's all, continue",
    storyRewrite: 'Rewrite everything',
    storyCleared: 'Description cleared. Please write it again.',
    emptyStory: 'Write a few words to describe what happened.',
    storyTooLong:
      'Your description has reached the maximum length: this last message was not added. What you wrote before is kept.',
    askComplaint: 'Have you filed a complaint?',
    askContact:
      'Would you like the association to contact you again? Your contact details are encrypted and only the association staff sees them, never partners.',
    contactNo: 'No, thank you',
    askContactHow: 'How would you like to be contacted?',
    contactChat: 'Through this chat',
    contactEmail: 'By e-mail',
    contactPhone: 'By phone',
    otherContactMethod: 'Another way',
    askEmail: 'Type your e-mail address.',
    badEmail: 'This e-mail address does not look valid. Type it as name@example.org.',
    askPhone: 'Type your phone number (for example 06 12 34 56 78 or +33 6 12 34 56 78).',
    badPhone:
      'This number does not look valid. Type for example 06 12 34 56 78, or +44 7700 900123 for a foreign number.',
    summary: 'Here is your report:\n\n{summary}\n\nSend it to the association?',
    send: 'Send the report',
    editAnswer: 'Change an answer',
    cancelReport: 'Cancel the report',
    askEdit: 'Which answer would you like to change?',
    editRole: 'Victim or witness',
    editActs: 'What happened',
    editMotives: 'The motive',
    editWhen: 'The date',
    editWhere: 'The place',
    editStory: 'The description',
    editComplaint: 'The complaint',
    editContact: 'Being contacted',
    editBack: 'Back to the summary',
    sumRole: 'Your situation: {value}',
    sumMinor: 'Victim under 18: {value}',
    sumActs: 'What happened: {value}',
    sumMotives: 'Motive: {value}',
    sumWhen: 'When: {value}',
    sumWhere: 'Where: {value}',
    sumPlace: 'Place: {value}',
    sumStory: 'Description: {value}',
    sumComplaint: 'Complaint: {value}',
    sumContact: 'Contact: {value}',
    notSaid: 'not said',
    whenMonthValue: '{month} (approximately)',
    whereAbroadValue: 'outside France',
    whereOnlineValue: 'online',
    contactEmailValue: 'by e-mail ({value})',
    contactPhoneValue: 'by phone ({value})',
    received:
      'Your report has been received. Thank you for your trust.\nYour reference: {reference}\nKeep it: it lets you follow your report (/status).',
    receivedWeb:
      'Your report has been received. Thank you for your trust.\nYour reference: {reference}\nYour secret phrase: {phrase}\n' +
      'Write them down now, somewhere safe: the phrase is shown only once and nobody can find it again. ' +
      'With them, the “Follow my report” link on this page shows where your report stands and the association’s answers; you can reply there, or erase everything.',
    receivedMailFollowUp:
      'Your report has been received. Thank you for your trust.\nYour reference: {reference}\nYour secret phrase: {phrase}\n' +
      'Write them down now, somewhere safe: the phrase is shown only once and nobody can find it again.\n' +
      'If the association writes to you, an e-mail without any content will tell you. To read its message and answer it, then open:\n{url}\n' +
      'and enter the reference and the phrase there.\nHere, /status shows where your report stands.',
    askDeleteConversation:
      'If someone may look at your phone, I can delete this whole conversation, my messages and yours. ' +
      'Write down your reference first. You can then also remove the conversation from your chat list.',
    askDeleteConversationPhrase:
      'If someone may look at your phone, I can delete this whole conversation, my messages and yours. ' +
      'Write down your reference and secret phrase first. You can then also remove the conversation from your chat list.',
    askDeleteConversationWeb:
      'If someone may look at your screen, I can erase this whole conversation from the page. ' +
      'Write down your reference and secret phrase first.',
    commandOnWeb: '"{word}"',
    deleteYes: 'Delete the conversation',
    deleteNo: 'Keep it',
    deleted: 'Conversation deleted.',
    kept: 'All right. Take care of yourself. For a new report: /start.',
    submitFailed: 'Sending failed. Nothing is lost: tap “Send the report” again in a moment.',
    cancelConfirm: 'Cancel this report? What you wrote will be deleted.',
    cancelYes: 'Yes, cancel',
    cancelNo: 'No, continue',
    cancelled: 'Report cancelled. Nothing was sent. Type /start to begin again.',
    nothingToCancel: 'No report in progress. Type /start to begin one.',
    restartConfirm: 'You have a report in progress. Would you like to continue it, or start again from the beginning?',
    restartContinue: 'Continue',
    restartNew: 'Start again',
    expectChoice: 'Please choose one of the answers with the buttons below.',
    expectText: 'I am waiting for a written message.',
    expectChoiceOrText: 'Choose an answer with the buttons, or type it.',
    expectChoiceTyped: 'I did not understand. Choose one of the answers offered, or type it in a few words.',
    whichOne: 'Which one do you mean: {options}? Choose it, or type it.',
    orWord: 'or',
    notedSeveral: 'Noted: {value}. Add more, or choose "Confirm" to continue.',
    staleChoice: 'That button belongs to an earlier question. Here is the current one:',
    editedIgnored:
      'I cannot take an edited message into account. You will be able to change your answers at the summary, before sending.',
    unsupportedMedia:
      'I only read text and buttons: photos, voice notes, files and stickers are not recorded. ' +
      'Keep them: the association may ask you for them.',
    captionKept: 'I kept the text that came with it.',
    notStarted: 'No report in progress (a draft is deleted after 24 hours without an answer). Type /start to begin.',
    startReport: 'Make a report',
    keptYourText: 'I kept what you wrote: it will be the beginning of your description.',
    unknownCommand: 'I do not know this command. /help lists what I can do.',
    chooseLang: 'Choisissez votre langue / Choose your language:',
    langFr: 'Français',
    langEn: 'English',
    langSet: 'All right, I will go on in English.',
    eraseConfirm:
      'Erase every report sent from this conversation, and the draft in progress? ' +
      'The association will no longer be able to follow them up or answer you. This cannot be undone.',
    eraseYes: 'Yes, erase everything',
    eraseNo: 'No',
    eraseRequested:
      'Done: your reports will be erased in the next few minutes. Only an empty trace, without content, will remain.',
    eraseFailed: 'The erasure request failed. Please try again in a moment with /erase.',
    eraseCancelled: 'Nothing was erased.',
    myReportsTitle: 'Your reports:',
    myReportLine: '• {reference}, sent on {date}: {status}',
    noReports: 'No report found for this conversation. A report you just sent may take a minute to appear.',
    myReportsFailed: 'I could not look up your reports. Please try again in a moment.',
    statusReceived: 'received, to be read soon by the staff',
    statusInReview: 'being handled',
    statusDone: 'handled',
    statusRejected: 'closed',
    statusErased: 'erased',
    menuStart: 'Make a report',
    menuHelp: 'Help and commands',
    menuCancel: 'Cancel the report in progress',
    menuLang: 'Change language',
    menuUrgence: 'In danger: what to do, nearby safe places',
    menuSuivi: 'Status of my reports',
    menuSupprimer: 'Erase my reports',
    internalError:
      'A technical problem kept me from reading your last message. Your report in progress is kept: please send that message again in a moment.',
    tooManyMessages:
      'You are sending a lot of messages in a short time: I am pausing the conversation for {seconds} seconds. Your report in progress is kept; then send your last message again.',
    submitThrottled:
      'You have sent several reports in a short time. To protect the service, this one has to wait: it is kept as it is; tap “Send the report” in {minutes} min. In danger? Call 17 or 112, or text 114.',
  },
  guidance: guidanceEn,
  /** Answering the association on Telegram (the reply button under its messages; see `telegram-replies.ts`). */
  telegramReply: {
    button: 'Reply to the association',
    prompt:
      'Write your answer to the association (report {reference}) in your next message. Only the association’s team will read it.',
    cancelButton: 'Cancel',
    cancelled: 'All right: nothing was sent.',
    sent: 'Your answer was passed on to the association (report {reference}).',
    draftKept: 'Your report in progress is kept: continue it whenever you like.',
    textOnly: 'Only text can be passed on to the association: write your answer in a message.',
    unavailable:
      'This message from the association can no longer be answered: the report was erased. For a new report, send /start.',
    askAnswerOrNew:
      'The association wrote to you about your report {reference}. Is this message an answer to the association, or the start of a new report?',
    isAnswer: 'It is an answer to the association',
    isNew: 'It is a new report',
    expired: 'I no longer have that message (more than an hour went by): please send it again.',
    throttled:
      'You sent many answers in a short time: wait {minutes} min, then send this message again. In danger: 17, 112, or text 114.',
  },
  tunnelPage: {
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
    otherLang: 'Français',
  },
  followUpPage: {
    title: 'Follow my report',
    intro: 'Enter the reference and the secret phrase given at the end of your report.',
    exit: 'Quick exit',
    exitHint: 'Leaves this page at once (Escape key)',
    emergencyTitle: 'In danger right now?',
    emergency: 'Call 17 (police) or 112, or text 114. This service is not an emergency service.',
    referenceLabel: 'Reference (for example K7QF-M3XA)',
    phraseLabel: 'Secret phrase (five words)',
    signIn: 'See my report',
    noScript: 'This page needs JavaScript to show your report. Nothing is kept in this browser.',
    refused: 'Wrong reference or secret phrase. Please check them and try again.',
    throttled: 'Too many attempts. For your safety, wait {minutes} min before trying again.',
    unavailable: 'The service is not answering right now. Please try again in a moment.',
    expired: 'The follow-up was closed after a while without activity. Please enter your reference and phrase again.',
    reportTitle: 'Your report {reference}',
    sentOn: 'Sent on {date}.',
    statusLabel: 'Status:',
    status_received: 'received, a person from the association will read it',
    status_in_review: 'being handled by the association',
    status_done: 'handled by the association',
    status_rejected: 'closed by the association',
    status_erased: 'erased; only an empty trace, without content, remains',
    messagesTitle: 'Messages',
    noMessages: 'No message yet.',
    noAnswersExpected:
      'You did not ask to be answered through the chat: the association will not write to you here, but it will read your messages.',
    fromAssociation: 'The association',
    fromYou: 'You',
    answerLabel: 'Your message to the association',
    answerHint: 'Only the association staff reads it. At most 4,000 characters.',
    send: 'Send',
    answerSent: 'Message sent to the association.',
    answerDanger:
      'If you are in danger now: call 17 (police) or 112; if you cannot speak, text 114. The places of the “En lieu sûr” network can take you in and call for help for you.',
    answerEmpty: 'Write a message before sending.',
    answerThrottled: 'You have sent many messages: please wait {minutes} min. Your text is kept.',
    eraseTitle: 'Erase my report',
    eraseText:
      'Erases your account, your contact details and the messages. The association will no longer be able to answer you. This cannot be undone.',
    erase: 'Erase my report',
    eraseConfirm: 'Yes, erase for good',
    eraseCancel: 'No, keep it',
    eraseAsk: 'Erase this report for good?',
    erased:
      'Done: your report will be erased in the next few minutes. Only an empty trace, without content, will remain.',
    signOut: 'Leave the follow-up',
    signedOut: 'You have left the follow-up.',
    privacy:
      'No cookies, no trackers: nothing is kept in this browser. The “Quick exit” button or the Escape key leave the page at once.',
    report: 'Make a report',
    otherLang: 'Français',
  },
  widget: {
    title: 'Report an anti-LGBT+ act',
    exit: 'Quick exit',
    exitHint: 'Leaves this page at once (Escape key)',
    log: 'Conversation with the reporting assistant',
    input: 'Your message',
    send: 'Send',
    choices: 'Suggested answers',
    connecting: 'Connecting…',
    offline: 'The connection dropped. What you typed is kept; retrying…',
    slowDown: 'You are sending a lot of messages: please wait a minute. What you typed is kept.',
    invalid:
      'This message could not be sent: a message is at most 20,000 characters of text. What you typed is kept; shorten it and send it again.',
    expired:
      'Your session has expired. For your safety this conversation cannot resume: reload the page to start again.',
    you: 'You',
    bot: 'Assistant',
    emergency: 'In danger? Call 17 or 112, or text 114.',
    frame: 'Reporting chat, a service of the association',
    exitKeys: 'Leaves this page at once. Shortcuts: Escape key, or Shift three times in a row.',
    urgent: 'Emergency',
    urgentTitle: 'In danger now?',
    urgentCall17: 'Call 17 (police)',
    urgentCall112: 'Call 112 (emergencies)',
    urgentSms114: 'Text 114 (if you cannot speak)',
    urgentPlacesText:
      'Places of the “En lieu sûr” network (shops, public services…) can take you in and call emergency services for you.',
    urgentPlaces: 'See safe places near me',
    urgentClose: 'Back to my report',
    urgentKept: 'Your report in progress is kept.',
    placeholder: 'Write your answer here',
    receiptTitle: 'Your report is sent',
    receiptReference: 'Your reference',
    receiptPhrase: 'Your secret phrase',
    receiptHint: 'Write them down now, somewhere safe: the phrase is shown only once and nobody can find it again.',
    receiptFollow: 'To follow your report and read the association’s answers, open:',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Copying did not work: write them down by hand.',
    noted: 'I have noted my reference',
    leaveAsk: 'Leave now? What you wrote will be cleared from this screen.',
    leaveYes: 'Leave now',
    leaveNo: 'Stay',
    resumed: 'Conversation resumed where you left it.',
  },
  directLine: {
    slowDown: 'You are sending a lot of messages: please wait a minute; what you typed is kept.',
    turnFailed: 'Sorry, something went wrong; what you typed is kept, please try again.',
    addressBudget:
      'A lot of messages came from this connection: please wait a while before going on; what you typed is kept.',
    messageTooBig: 'This message is too long to send: shorten it or send it in several parts.',
    conversationFull: 'This conversation is too long to go on: reload the page to start a new one.',
  },
};
