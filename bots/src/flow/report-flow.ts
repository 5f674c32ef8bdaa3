import { ACT_TYPES, postalCode, tunnelSlug, type ActType, type Lang, type ReportSubmission } from '@relais/core';
import { translate, type MessageKey } from './catalog.js';
import type { FlowContext, FlowInput, FlowOutput, FlowState, StepName, StepResult } from './flow-types.js';

const say = (lang: Lang, key: MessageKey, params?: Record<string, string>): FlowOutput => ({
  kind: 'message',
  text: translate(lang, key, params),
});

/** The question of each step, as the person sees it. */
const prompts: Record<StepName, (s: FlowState) => FlowOutput> = {
  actType: (s) => ({
    kind: 'message',
    text: translate(s.lang, 'askActType'),
    choices: ACT_TYPES.map((a) => ({ value: a.code, label: a.labels[s.lang] })),
  }),
  postalCode: (s) => say(s.lang, 'askPostalCode'),
  description: (s) => say(s.lang, 'askDescription'),
  confirm: (s) => ({
    kind: 'message',
    text: translate(s.lang, 'confirm', { summary: summary(s) }),
    choices: [
      { value: 'yes', label: translate(s.lang, 'confirmYes') },
      { value: 'no', label: translate(s.lang, 'confirmNo') },
    ],
  }),
};

function summary(s: FlowState): string {
  const acts = (s.answers.actTypes ?? []).map((code) => ACT_TYPES.find((a) => a.code === code)?.labels[s.lang] ?? code);
  return [
    translate(s.lang, 'summaryActs', { value: acts.join(', ') }),
    translate(s.lang, 'summaryPlace', { value: s.answers.postalCode ?? '' }),
    translate(s.lang, 'summaryDescription', { value: s.answers.description ?? '' }),
  ].join('\n');
}

const ask = (state: FlowState, ...before: FlowOutput[]): StepResult => ({
  state,
  outputs: [...before, prompts[state.step](state)],
});

/** Re-asks the current question after telling what is expected; the draft is kept as it was. */
const reject = (state: FlowState, key: MessageKey): StepResult => ask(state, say(state.lang, key));

function toSubmission(s: FlowState, ctx: FlowContext): ReportSubmission {
  return {
    v: 1,
    id: s.reportId,
    reference: s.reference,
    channel: ctx.channel,
    tunnel: s.tunnel,
    lang: s.lang,
    submittedAt: ctx.now.toISOString(),
    reporterRole: null,
    actTypes: [...(s.answers.actTypes ?? [])],
    motives: [],
    occurred: null,
    location: { kind: 'fr', postalCode: s.answers.postalCode ?? '' },
    placeType: null,
    description: s.answers.description ?? '',
    complaint: null,
    contact: null,
    reporterKey: ctx.reporterKey,
    inDanger: false,
    minorInvolved: false,
  };
}

/** How each step reads an answer: the next state, or a rejection that keeps the draft. */
const answers: Record<StepName, (s: FlowState, input: FlowInput, ctx: FlowContext) => StepResult> = {
  actType(s, input) {
    if (input.kind !== 'choice') return reject(s, 'expectChoice');
    const act = ACT_TYPES.find((a) => a.code === input.value)?.code as ActType | undefined;
    if (!act) return reject(s, 'expectChoice');
    return ask({ ...s, step: 'postalCode', answers: { ...s.answers, actTypes: [act] } });
  },
  postalCode(s, input) {
    if (input.kind !== 'text') return reject(s, input.kind === 'choice' ? 'expectText' : 'badPostalCode');
    const code = input.text.replace(/\s+/g, '');
    if (!postalCode.safeParse(code).success) return reject(s, 'badPostalCode');
    return ask({ ...s, step: 'description', answers: { ...s.answers, postalCode: code } });
  },
  description(s, input) {
    if (input.kind !== 'text') return reject(s, 'expectText');
    const text = input.text.trim();
    if (text.length === 0) return reject(s, 'emptyDescription');
    return ask({ ...s, step: 'confirm', answers: { ...s.answers, description: text.slice(0, 20_000) } });
  },
  confirm(s, input, ctx) {
    if (input.kind !== 'choice' || (input.value !== 'yes' && input.value !== 'no')) return reject(s, 'expectChoice');
    if (input.value === 'no') return { state: null, outputs: [say(s.lang, 'cancelled')] };
    return {
      state: null,
      outputs: [{ kind: 'submit', submission: toSubmission(s, ctx) }, say(s.lang, 'received', { reference: s.reference })],
    };
  },
};

function start(input: Extract<FlowInput, { kind: 'start' }>, ctx: FlowContext): StepResult {
  const lang = input.lang ?? 'fr';
  // An invalid deep-link payload is dropped silently: the report simply has no tunnel tag.
  const tunnel = input.payload && tunnelSlug.safeParse(input.payload).success ? input.payload : null;
  const state: FlowState = {
    v: 1,
    step: 'actType',
    lang,
    tunnel,
    reportId: ctx.newId(),
    reference: ctx.newReference(),
    answers: {},
  };
  return ask(state, say(lang, 'welcome'));
}

/**
 * The report conversation as a pure state machine: `step(state, input) → { state, outputs }`.
 * Channels render the outputs and feed answers back; they never decide what to ask next.
 */
export function step(state: FlowState | null, input: FlowInput, ctx: FlowContext): StepResult {
  if (input.kind === 'start') return start(input, ctx);
  if (state === null) return { state: null, outputs: [say('fr', 'notStarted')] };
  if (input.kind === 'cancel') return { state: null, outputs: [say(state.lang, 'cancelled')] };
  if (input.kind === 'unsupported') {
    return reject(state, state.step === 'actType' || state.step === 'confirm' ? 'expectChoice' : 'expectText');
  }
  return answers[state.step](state, input, ctx);
}
