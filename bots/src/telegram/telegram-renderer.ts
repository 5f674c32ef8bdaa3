import { InlineKeyboard } from 'grammy';
import type { FlowChoice } from '../flow/flow-types.js';

const CALLBACK_PREFIX = 'c:';

/** Telegram's limit on `callback_data`, in bytes. */
const CALLBACK_DATA_MAX_BYTES = 64;

/** Telegram's limit on a message text, in characters. */
const MESSAGE_MAX_LENGTH = 4096;

/** Buttons this short go two to a row; longer labels get a row each (they are sentences). */
const SHORT_LABEL = 18;

/** Encodes a flow choice as `callback_data` (always within Telegram's 64 bytes). */
function encodeChoice(value: string): string {
  const data = `${CALLBACK_PREFIX}${value}`;
  if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES)
    throw new RangeError(`choice value too long for Telegram: ${value}`);
  return data;
}

/** Decodes `callback_data` back to a choice value, or undefined for data that is not ours. */
export function decodeChoice(data: string): string | undefined {
  return data.startsWith(CALLBACK_PREFIX) ? data.slice(CALLBACK_PREFIX.length) : undefined;
}

/** The label a button shows: ticked options of a multiple choice get a check mark. */
function buttonLabel(choice: FlowChoice): string {
  return choice.selected ? `✅ ${choice.label}` : choice.label;
}

/** Renders flow choices as an inline keyboard: two short buttons to a row, long ones alone. */
export function renderKeyboard(choices: readonly FlowChoice[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const pairs = choices.every((c) => buttonLabel(c).length <= SHORT_LABEL);
  choices.forEach((choice, i) => {
    keyboard.text(buttonLabel(choice), encodeChoice(choice.value));
    if (!pairs || i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

/** A message text cut to Telegram's limit. */
export function fitMessage(text: string): string {
  return text.length <= MESSAGE_MAX_LENGTH ? text : `${text.slice(0, MESSAGE_MAX_LENGTH - 1)}…`;
}
