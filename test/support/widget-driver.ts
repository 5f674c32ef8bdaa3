import type { Frame, Page } from 'playwright-core';
import { waitFor } from './wait-for.ts';
import type { WalkStep } from './report-walk.ts';

/** How a person drives the widget: with the mouse (or a finger), or with the keyboard only. */
export type DriveBy = 'pointer' | 'keyboard';

/** The Relais widget's chat frame in a page, and a person's hands on it. */
export interface WidgetDriver {
  /** The chat frame (Relais origin), to look inside as a person would. */
  readonly frame: Frame;
  /** Taps the button of a choice value (`acts:insult`), then waits for the bot's whole turn (or the toggle). */
  tap(choice: string): Promise<void>;
  /** Types `text` in the text area and sends it with Enter, then waits for the bot's whole turn. */
  say(text: string): Promise<void>;
  /** Presses a control of the frame (CSS selector) the person's way: click, or Tab to it then Enter. */
  activate(selector: string): Promise<void>;
  /** Runs a walk of steps (see `reportWalk`). */
  walk(steps: readonly WalkStep[]): Promise<void>;
  /** What the frame's live region announced, one entry per change, since the frame opened. */
  announcements(): Promise<string[]>;
  /** A description of the frame's focused element: `button:<value>`, `textarea`, `h2:<text>`, `body`… */
  focused(): Promise<string>;
}

/** The CSS selector of the button of a choice value. */
export const choiceButton = (choice: string) => `.choices button[data-value='${JSON.stringify({ choice })}']`;

/**
 * The chat frame of `page`, once its panel is drawn and, for a new conversation, its first bot
 * turn announced (`resumed`: the frame takes a conversation up again, silently).
 */
export async function openWidget(page: Page, by: DriveBy = 'pointer', resumed = false): Promise<WidgetDriver> {
  const frame = await waitFor(
    async () => page.frames().find((f) => f.url().includes('/widget/chat')),
    10_000,
    'the chat frame',
  );
  await frame.locator('.panel .log').waitFor({ timeout: 10_000 });
  await frame.evaluate(() => {
    const live = document.querySelector('[aria-live="polite"][aria-atomic="true"]')!;
    // A turn announced before this observer was set counts too.
    const said: string[] = live.textContent ? [live.textContent] : [];
    (globalThis as unknown as { relaisSaid: string[] }).relaisSaid = said;
    new MutationObserver(() => said.push(live.textContent ?? '')).observe(live, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  const announcements = () => frame.evaluate(() => [...(globalThis as unknown as { relaisSaid: string[] }).relaisSaid]);
  const focused = () =>
    frame.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      if (!active || active === document.body) return 'body';
      if (active.matches('.choices button'))
        return `button:${(JSON.parse(active.dataset.value!) as { choice: string }).choice}`;
      if (active.tagName === 'TEXTAREA') return 'textarea';
      return `${active.tagName.toLowerCase()}:${active.textContent ?? ''}`;
    });
  // The first turn (the welcome) is announced once the frame is up.
  if (!resumed)
    await waitFor(
      () => frame.evaluate(() => (document.querySelector('[aria-live="polite"]')?.textContent ? true : undefined)),
      10_000,
      'the welcome',
    );
  const turnEnded = async (before: number, what: string) =>
    waitFor(async () => ((await announcements()).length > before ? true : undefined), 10_000, what);

  /** Moves the focus with Tab (or Shift+Tab) until `isTarget`: a keyboard-only person's way. */
  const tabTo = async (target: string) => {
    for (let i = 0; i < 40; i++) {
      if (await frame.locator(target).evaluate((node) => node === document.activeElement)) return;
      const backwards = await frame.evaluate((selector) => {
        const wanted = document.querySelector(selector);
        const active = document.activeElement;
        return !!wanted && !!active && !!(wanted.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
      }, target);
      await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`the keyboard never reached ${target}`);
  };

  const tap = async (choice: string) => {
    const button = frame.locator(choiceButton(choice));
    await button.waitFor({ timeout: 10_000 });
    const pressed = await button.getAttribute('aria-pressed');
    const before = (await announcements()).length;
    if (by === 'keyboard') {
      await tabTo(choiceButton(choice));
      await page.keyboard.press(pressed === null ? 'Enter' : 'Space');
    } else await button.click();
    if (pressed === null) await turnEnded(before, `the bot's answer to ${choice}`);
    else
      await waitFor(
        async () => ((await button.getAttribute('aria-pressed')) !== pressed ? true : undefined),
        10_000,
        `${choice} to toggle`,
      );
  };
  const say = async (text: string) => {
    const before = (await announcements()).length;
    const box = frame.locator('textarea');
    if (by === 'keyboard') {
      await tabTo('textarea');
      await page.keyboard.insertText(text);
    } else await box.fill(text);
    await page.keyboard.press('Enter');
    await turnEnded(before, `the bot's answer to "${text.slice(0, 20)}"`);
  };
  return {
    frame,
    tap,
    say,
    async activate(selector) {
      if (by === 'pointer') return frame.locator(selector).click();
      await tabTo(selector);
      await page.keyboard.press('Enter');
    },
    announcements,
    focused,
    async walk(steps) {
      for (const step of steps) await ('tap' in step ? tap(step.tap) : say(step.say));
    },
  };
}
