import { ACT_TYPES, MOTIVES, type ActType, type Motive } from '@relais/core';
import { answered, findCode, reject, taxonomyChoices, type Accepted, type StepDefinition } from './step-definition.js';
import type { FlowState } from '../flow-types.js';

/** Motives that exclude every other one. */
const EXCLUSIVE_MOTIVES: readonly Motive[] = ['unknown', 'prefer_not_to_say'];

function toggled<C extends string>(list: readonly C[], code: C, exclusive: readonly C[]): C[] {
  if (list.includes(code)) return list.filter((c) => c !== code);
  if (exclusive.includes(code)) return [code];
  return [...list.filter((c) => !exclusive.includes(c)), code];
}

function multiChoice<C extends string>(
  s: FlowState,
  option: string | undefined,
  code: C | undefined,
  current: readonly C[],
  exclusive: readonly C[],
  store: (list: C[]) => FlowState,
): Accepted {
  if (option === 'done') return current.length > 0 ? answered(s) : reject('chooseAtLeastOne');
  if (code === undefined) return reject('expectChoice');
  return { kind: 'stay', state: store(toggled(current, code, exclusive)), refresh: true };
}

/** What happened: several act types may apply; taps tick and untick, "Confirm" goes on. */
export const actsStep: StepDefinition = {
  group: 'acts',
  expects: 'choice',
  next: 'motives',
  prompt: (s) => ({
    key: 'askActs',
    choices: [...taxonomyChoices(ACT_TYPES, s.answers.actTypes ?? []), { option: 'done', label: 'validate' }],
  }),
  accept(s, answer) {
    const option = answer.kind === 'option' ? answer.option : undefined;
    const code: ActType | undefined = option ? findCode(ACT_TYPES, option) : undefined;
    return multiChoice(s, option, code, s.answers.actTypes ?? [], [], (actTypes) => ({
      ...s,
      answers: { ...s.answers, actTypes },
    }));
  },
};

/** Perceived motives, with "I don't know" and "prefer not to say" (each exclusive). */
export const motivesStep: StepDefinition = {
  group: 'motives',
  expects: 'choice',
  next: 'when',
  prompt: (s) => ({
    key: 'askMotives',
    choices: [...taxonomyChoices(MOTIVES, s.answers.motives ?? []), { option: 'done', label: 'validate' }],
  }),
  accept(s, answer) {
    const option = answer.kind === 'option' ? answer.option : undefined;
    const code: Motive | undefined = option ? findCode(MOTIVES, option) : undefined;
    return multiChoice(s, option, code, s.answers.motives ?? [], EXCLUSIVE_MOTIVES, (motives) => ({
      ...s,
      answers: { ...s.answers, motives },
    }));
  },
};
