import type { Lang } from '@relais/core';
import { translate, type MessageKey } from '../i18n/catalog.js';
import { inReport } from './flow-state.js';
import type { FlowChoice, FlowContext, FlowOutput, FlowState } from './flow-types.js';
import type { ChoiceSpec, Prompt, Said } from './steps/step-definition.js';
import { STEPS } from './steps/step-table.js';

/** Namespace of the choice values handled whatever the current step (`g:lang-en`). */
export const GLOBAL_NAMESPACE = 'g';

/** A plain message from the catalog. */
export function say(lang: Lang, key: MessageKey, params?: Readonly<Record<string, string>>): FlowOutput {
  return { kind: 'message', text: translate(lang, key, params) };
}

/** Messages for `said`, in order. */
export function sayAll(lang: Lang, said: readonly Said[] = []): FlowOutput[] {
  return said.map((s) => say(lang, s.key, s.params));
}

function toChoice(s: FlowState, c: ChoiceSpec): FlowChoice {
  const label =
    typeof c.label === 'string' ? translate(s.lang, c.label) : 'literal' in c.label ? c.label.literal : c.label[s.lang];
  return {
    value: `${c.global ? GLOBAL_NAMESPACE : s.step}:${c.option}`,
    label,
    ...(c.selected !== undefined ? { selected: c.selected } : {}),
  };
}

const confirmation = (key: MessageKey, yes: [string, MessageKey], no: [string, MessageKey]): Prompt => ({
  key,
  choices: [
    { option: yes[0], label: yes[1], global: true },
    { option: no[0], label: no[1], global: true },
  ],
});

/** The question a pending confirmation asks instead of the step's own. */
function pendingPrompt(s: FlowState): Prompt | undefined {
  switch (s.pending) {
    case 'cancel':
      return confirmation('cancelConfirm', ['cancel-yes', 'cancelYes'], ['cancel-no', 'cancelNo']);
    case 'restart':
      return confirmation('restartConfirm', ['restart-continue', 'restartContinue'], ['restart-new', 'restartNew']);
    case 'erase':
      return confirmation('eraseConfirm', ['erase-yes', 'eraseYes'], ['erase-no', 'eraseNo']);
    case 'safePlaces':
      return {
        key: 'askSafePlacesCode',
        choices: inReport(s) ? [{ option: 'urg-back', label: 'backToReport', global: true }] : [],
      };
    case null:
      return undefined;
  }
}

/** The current question (or pending confirmation) as a message with its buttons. */
export function promptOf(s: FlowState, ctx: FlowContext, replace = false): FlowOutput {
  const prompt = pendingPrompt(s) ?? STEPS[s.step].prompt(s, ctx);
  const choices = prompt.choices?.map((c) => toChoice(s, c)) ?? [];
  return {
    kind: 'message',
    text: translate(s.lang, prompt.key, prompt.params),
    ...(choices.length ? { choices } : {}),
    ...(replace ? { replace: true } : {}),
  };
}
