/**
 * The one report the channel tests walk through, as data, and how to walk it on any channel: the
 * Direct Line client, the official Web Chat or our widget in a browser, Telegram updates.
 */

/** One step of a report conversation: tap the button of a choice value (`step:option`), or type a message. */
export type WalkStep = { readonly tap: string } | { readonly say: string };

/** How a test taps a button and types a text on its channel. */
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

/** What varies between the walks: the text, the postal code (34000), re-contact (none, or this chat). */
export interface WalkedReport {
  readonly description: string;
  readonly postalCode?: string;
  readonly contact?: 'no' | 'chat';
}

/**
 * The steps of a whole report up to its summary: {@link TAPS_TO_POSTAL_CODE}, the postal code, a
 * bar, the description, no complaint, then re-contact or not.
 */
export function summarySteps(report: WalkedReport): WalkStep[] {
  return [
    ...TAPS_TO_POSTAL_CODE.map((tap) => ({ tap })),
    { say: report.postalCode ?? '34000' },
    { tap: 'place:shop_bar_restaurant' },
    { say: report.description },
    { tap: 'story:done' },
    { tap: 'complaint:no' },
    ...(report.contact === 'chat' ? [{ tap: 'contact:yes' }, { tap: 'contactHow:chat' }] : [{ tap: 'contact:no' }]),
  ];
}

/** The steps of a whole web report, from the welcome to "Envoyer le signalement". */
export const reportWalk = (description: string, contact: 'no' | 'chat'): WalkStep[] => [
  ...summarySteps({ description, contact }),
  { tap: 'summary:send' },
];

/** Plays `steps` on a channel. */
export async function walk(driver: ReportDriver, steps: readonly WalkStep[]): Promise<void> {
  for (const step of steps) await ('tap' in step ? driver.tap(step.tap) : driver.say(step.say));
}

/** Walks up to the postal-code question. */
export const walkToPostalCode = (driver: ReportDriver): Promise<void> =>
  walk(
    driver,
    TAPS_TO_POSTAL_CODE.map((tap) => ({ tap })),
  );

/** Walks a complete report up to its summary (see {@link summarySteps}). */
export const walkToSummary = (driver: ReportDriver, report: WalkedReport): Promise<void> =>
  walk(driver, summarySteps(report));
