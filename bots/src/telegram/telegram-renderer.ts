import { InlineKeyboard } from 'grammy';
import type { FlowChoice } from '../flow/flow-types.js';

const CALLBACK_PREFIX = 'c:';

/** Telegram's limit on `callback_data`, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** Encodes a flow choice as `callback_data` (always within Telegram's 64 bytes). */
export function encodeChoice(value: string): string {
  const data = `${CALLBACK_PREFIX}${value}`;
  if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) throw new RangeError(`choice value too long for Telegram: ${value}`);
  return data;
}

/** Decodes `callback_data` back to a choice value, or undefined for data that is not ours. */
export function decodeChoice(data: string): string | undefined {
  return data.startsWith(CALLBACK_PREFIX) ? data.slice(CALLBACK_PREFIX.length) : undefined;
}

/** Renders flow choices as an inline keyboard, one button per row (labels are long sentences). */
export function renderKeyboard(choices: readonly FlowChoice[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const choice of choices) keyboard.text(choice.label, encodeChoice(choice.value)).row();
  return keyboard;
}
