import { isCallForHelp, saysFearNow, saysInDangerNow, SHORT_MESSAGE } from './danger-words.js';

/**
 * Whether an answer in a report's follow-up thread (a Telegram reply, the web follow-up page) says
 * the person is in danger now: a present danger ("il est encore là", "he's following me") at any
 * length, fear said now in a short answer ("il est revenu devant chez moi j'ai peur"), or a bare
 * call for help ("aide", "sos"). A past danger, or fear told in a long answer ("j'ai peur d'y
 * retourner, mais…"), is not; nor is "help" asked for something else ("I would like help to file a
 * complaint"). Such an answer gets the emergency guidance first and is marked urgent for staff.
 */
export function answerSaysDanger(text: string): boolean {
  return saysInDangerNow(text) || isCallForHelp(text) || (text.length <= SHORT_MESSAGE && saysFearNow(text));
}
