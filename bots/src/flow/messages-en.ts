import type { MessageKey } from './messages-fr.js';

/** English texts of the conversation; same keys as the French catalog. */
export const en: Record<MessageKey, string> = {
  welcome:
    "Hello. I am the association's automated assistant: I help you report an anti-LGBT+ act. " +
    'A person from the association reads every report; partners only ever see an anonymised version. ' +
    'This is not an emergency service: if you are in danger, call 17 or 112, or text 114.',
  askActType: 'What happened?',
  askPostalCode: 'In which town? Type the postal code (5 digits, for example 34000).',
  badPostalCode: 'That is not a 5-digit French postal code. Type for example 34000.',
  askDescription: 'Describe what happened, in your own words. You can write several lines.',
  emptyDescription: 'Write a few words to describe what happened.',
  confirm: 'Here is your report:\n{summary}\nSend it to the association?',
  confirmYes: 'Send',
  confirmNo: 'Cancel',
  received: 'Your report has been received. Your reference: {reference}. Keep it to follow your report.',
  cancelled: 'Report cancelled. Nothing was sent. Type /start to begin again.',
  expectChoice: 'Please choose one of the answers with the buttons below.',
  expectText: 'I am waiting for a written message.',
  notStarted: 'Type /start to make a report.',
  submitFailed: 'Sending failed. Your report is kept: press “Send” again in a moment.',
  summaryActs: 'What happened: {value}',
  summaryPlace: 'Postal code: {value}',
  summaryDescription: 'Description: {value}',
};
