import type { Labels } from '@relais/core';
import type { MessageKey } from '../../i18n/catalog.js';
import type { FlowContext, FlowOutput, FlowState, StepName } from '../flow-types.js';

/** Groups of steps changed together from the summary ("where" = postal code + kind of place). */
export type StepGroup =
  'intro' | 'role' | 'acts' | 'motives' | 'when' | 'where' | 'story' | 'complaint' | 'contact' | 'summary' | 'end';

/** A catalog text to show, with its placeholders. */
export interface Said {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string>>;
  /** Said at the top of the next question's message rather than on its own ("Noté : …"): one message per turn. */
  readonly withPrompt?: boolean;
}

/**
 * A button of a question: `option` is step-local (`insult`); a `global` option is handled whatever
 * the current step (`lang-en`, `cancel`). The label is a catalog key or taxonomy labels.
 */
export interface ChoiceSpec {
  readonly option: string;
  /** A catalog key, taxonomy labels, or a text already in the person's language (a month name). */
  readonly label: MessageKey | Labels | { readonly literal: string };
  readonly selected?: boolean;
  readonly global?: boolean;
}

/** A question as data: its text and its buttons. */
export interface Prompt extends Said {
  readonly choices?: readonly ChoiceSpec[];
}

/** What the person answered to the current question. */
export type Answer =
  { readonly kind: 'option'; readonly option: string } | { readonly kind: 'text'; readonly text: string };

/** How a step took an answer. */
export type Accepted =
  /** Answered: move on (to `to`, or the step's `next`), after saying `before`. */
  | { readonly kind: 'next'; readonly state: FlowState; readonly to?: StepName; readonly before?: readonly Said[] }
  /** Stay on this question; `refresh` updates the tapped question in place (multiple choice). */
  | { readonly kind: 'stay'; readonly state: FlowState; readonly before?: readonly Said[]; readonly refresh?: boolean }
  /** Not an answer: explain, re-ask; the draft is unchanged. */
  | { readonly kind: 'reject'; readonly said: Said }
  /** A step that ends something (send, delete): its own state and outputs. */
  | { readonly kind: 'outputs'; readonly state: FlowState | null; readonly outputs: readonly FlowOutput[] };

/** One question of the conversation, as data. */
export interface StepDefinition {
  readonly group: StepGroup;
  /** What an unexpected input is told: buttons, text, or either. */
  readonly expects: 'choice' | 'text' | 'either';
  /** The step after this one, unless the answer says otherwise. */
  readonly next: StepName;
  prompt(state: FlowState, ctx: FlowContext): Prompt;
  accept(state: FlowState, answer: Answer, ctx: FlowContext): Accepted;
}

/** Buttons for every entry of a taxonomy, ticked when in `selected`. */
export function taxonomyChoices(
  entries: readonly { readonly code: string; readonly labels: Labels }[],
  selected?: readonly string[],
): ChoiceSpec[] {
  return entries.map((e) => ({
    option: e.code,
    label: e.labels,
    ...(selected ? { selected: selected.includes(e.code) } : {}),
  }));
}

/** The entry of a taxonomy whose code is `option`, or undefined. */
export function findCode<C extends string>(entries: readonly { readonly code: C }[], option: string): C | undefined {
  return entries.find((e) => e.code === option)?.code;
}

/** Shorthand for a rejection. */
export const reject = (key: MessageKey, params?: Readonly<Record<string, string>>): Accepted => ({
  kind: 'reject',
  said: params ? { key, params } : { key },
});

/** Shorthand for "answered, move on". */
export const answered = (state: FlowState, to?: StepName, before?: readonly Said[]): Accepted => ({
  kind: 'next',
  state,
  ...(to ? { to } : {}),
  ...(before ? { before } : {}),
});
