/**
 * The one report the channel tests walk through, as data, and how to walk it on any channel: the
 * Direct Line client, the official Web Chat or our widget in a browser, Telegram updates.
 */

/** How a test taps a button (`step:option`) and types a text on its channel. */
export interface ReportDriver {
  tap(choice: string): Promise<unknown>;
  say(text: string): Promise<unknown>;
}

/** The taps before the postal-code question: a victim, adult, insulted, for gayphobia, today. */
export const TAPS_TO_POSTAL_CODE = [
  'welcome:go',
  'role:victim',
  'minor:no',
  'acts:insult',
  'acts:done',
  'motives:gayphobia',
  'motives:done',
  'when:today',
] as const;

/** Walks up to the postal-code question. */
export async function walkToPostalCode(driver: ReportDriver): Promise<void> {
  for (const choice of TAPS_TO_POSTAL_CODE) await driver.tap(choice);
}

/** How the person asks to be answered: not at all, or through this conversation. */
export type WalkContact = 'none' | 'chat';

/**
 * Walks a complete report up to its summary: {@link TAPS_TO_POSTAL_CODE}, `postalCode`, a bar,
 * `description`, no complaint, then `contact`.
 */
export async function walkToSummary(
  driver: ReportDriver,
  report: { description: string; postalCode?: string; contact?: WalkContact },
): Promise<void> {
  await walkToPostalCode(driver);
  await driver.say(report.postalCode ?? '34000');
  await driver.tap('place:shop_bar_restaurant');
  await driver.say(report.description);
  const contact = report.contact === 'chat' ? ['contact:yes', 'contactHow:chat'] : ['contact:no'];
  for (const choice of ['story:done', 'complaint:no', ...contact]) await driver.tap(choice);
}
