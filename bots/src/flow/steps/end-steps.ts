import { translate, type MessageKey } from '../../i18n/catalog.js';
import { summarise } from '../summary.js';
import { toSubmission } from '../submission.js';
import type { StepName } from '../flow-types.js';
import { answered, reject, type StepDefinition } from './step-definition.js';

/** The summary: send, change an answer, or cancel. */
export const summaryStep: StepDefinition = {
  group: 'summary',
  expects: 'choice',
  next: 'submitted',
  prompt: (s) => ({
    key: 'summary',
    params: { summary: summarise(s) },
    choices: [
      { option: 'send', label: 'send' },
      { option: 'edit', label: 'editAnswer' },
      { option: 'cancel', label: 'cancelReport', global: true },
    ],
  }),
  accept(s, answer, ctx) {
    if (answer.kind !== 'option') return reject('expectChoice');
    if (answer.option === 'edit') return answered(s, 'edit');
    if (answer.option !== 'send') return reject('expectChoice');
    return {
      kind: 'outputs',
      state: s,
      outputs: [{ kind: 'effect', effect: { kind: 'submit', submission: toSubmission(s, ctx) } }],
    };
  },
};

/** Which answer to change, and the first step of its group. */
const EDITABLE: readonly { readonly option: string; readonly step: StepName; readonly label: MessageKey }[] = [
  { option: 'role', step: 'role', label: 'editRole' },
  { option: 'acts', step: 'acts', label: 'editActs' },
  { option: 'motives', step: 'motives', label: 'editMotives' },
  { option: 'when', step: 'when', label: 'editWhen' },
  { option: 'where', step: 'where', label: 'editWhere' },
  { option: 'story', step: 'story', label: 'editStory' },
  { option: 'complaint', step: 'complaint', label: 'editComplaint' },
  { option: 'contact', step: 'contact', label: 'editContact' },
];

/** Choosing the answer to change; after it, the conversation comes back to the summary. */
export const editStep: StepDefinition = {
  group: 'summary',
  expects: 'choice',
  next: 'summary',
  prompt: () => ({
    key: 'askEdit',
    choices: [...EDITABLE.map((e) => ({ option: e.option, label: e.label })), { option: 'back', label: 'editBack' }],
  }),
  accept(s, answer) {
    if (answer.kind !== 'option') return reject('expectChoice');
    if (answer.option === 'back') return answered(s, 'summary');
    const target = EDITABLE.find((e) => e.option === answer.option);
    if (!target) return reject('expectChoice');
    return { kind: 'next', state: { ...s, editing: true }, to: target.step };
  },
};

/** Just sent: offer to delete the conversation from the phone. */
export const submittedStep: StepDefinition = {
  group: 'end',
  expects: 'choice',
  next: 'idle',
  prompt: (s, ctx) => ({
    // On the web, the page is cleared; no chat list to remove the conversation from. A Telegram
    // receipt with a phrase (e-mail re-contact) is the phrase's only copy: say to note it too.
    key:
      ctx.channel === 'webchat'
        ? 'askDeleteConversationWeb'
        : s.phraseIssued
          ? 'askDeleteConversationPhrase'
          : 'askDeleteConversation',
    choices: [
      { option: 'delete', label: 'deleteYes' },
      { option: 'keep', label: 'deleteNo' },
    ],
  }),
  accept(s, answer) {
    if (answer.kind === 'option' && answer.option === 'delete') {
      return {
        kind: 'outputs',
        state: null,
        outputs: [{ kind: 'delete-messages' }, { kind: 'notice', text: translate(s.lang, 'deleted') }],
      };
    }
    if (answer.kind === 'option' && answer.option === 'keep') {
      return { kind: 'outputs', state: null, outputs: [{ kind: 'message', text: translate(s.lang, 'kept') }] };
    }
    return reject('expectChoice');
  },
};

/** No report in progress: one button to begin. */
export const idleStep: StepDefinition = {
  group: 'end',
  expects: 'choice',
  next: 'idle',
  prompt: () => ({ key: 'notStarted', choices: [{ option: 'start', label: 'startReport', global: true }] }),
  accept: () => reject('notStarted'),
};
