import { isCallForHelp, saysInDangerNow } from './danger-words.js';

/**
 * Whether an answer in a report's follow-up thread (a Telegram reply, the web follow-up page) says
 * the person is in danger now: a present danger ("il est encore là", "he's following me") or a bare
 * call for help ("aide", "sos"). A past danger told in the answer is not. Such an answer gets the
 * emergency guidance first and is marked urgent for staff.
 */
export function answerSaysDanger(text: string): boolean {
  return saysInDangerNow(text) || isCallForHelp(text);
}
