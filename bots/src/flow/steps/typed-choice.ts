import { translate } from '../../i18n/catalog.js';
import { promptOf } from '../flow-render.js';
import type { FlowChoice, FlowContext, FlowState, StepName } from '../flow-types.js';
import { matchChoice } from '../validators/choice-answer.js';

/** Questions whose buttons tick several answers. */
const SEVERAL: ReadonlySet<StepName> = new Set(['acts', 'motives']);

/** Questions whose typed answer is said back ("Noté : Je suis témoin."). */
const SAID_BACK: ReadonlySet<StepName> = new Set([
  'role',
  'minor',
  'acts',
  'motives',
  'when',
  'month',
  'place',
  'complaint',
  'contact',
  'contactHow',
]);

/** What a typed text names among the buttons of the question on screen. */
export type TypedChoice =
  /** The buttons to tap for the person, in order ("done" last), and what to say back first. */
  | { readonly kind: 'tap'; readonly values: readonly string[]; readonly noted?: string; readonly several: boolean }
  /** Several buttons fit: their labels, "A, B ou C". */
  | { readonly kind: 'ambiguous'; readonly options: string };

const isDone = (value: string) => value.endsWith(':done');

/** Answers that exclude every other one: typed alone on a multiple-choice question, they also confirm it. */
const isExclusive = (value: string) => /:(?:unknown|prefer_not_to_say)$/.test(value);

/**
 * Reads a typed text as the buttons of the current question (or pending confirmation) it names:
 * a number, a label, a short word, several on a multiple-choice question (see `matchChoice`).
 * On a multiple-choice question a typed answer only ticks: what is already ticked stays ticked.
 */
export function typedChoice(s: FlowState, text: string, ctx: FlowContext, exactOnly = false): TypedChoice | undefined {
  const prompt = promptOf(s, ctx);
  const choices: readonly FlowChoice[] = prompt.kind === 'message' ? (prompt.choices ?? []) : [];
  const several = s.pending === null && SEVERAL.has(s.step);
  const match = matchChoice(text, choices, { several, exactOnly });
  const labelOf = (value: string) => choices.find((c) => c.value === value)?.label ?? value;
  switch (match.kind) {
    case 'none':
      return undefined;
    case 'ambiguous': {
      const labels = match.values.map(labelOf);
      const options = `${labels.slice(0, -1).join(', ')} ${translate(s.lang, 'orWord')} ${labels.at(-1)!}`;
      return { kind: 'ambiguous', options };
    }
    case 'one':
    case 'many': {
      const typed = match.kind === 'one' ? [match.value] : match.values;
      const done = choices.find((c) => isDone(c.value))?.value;
      // "je ne sais pas" at the motives needs no "Valider" after it.
      const named = several && done && typed.length === 1 && isExclusive(typed[0]!) ? [...typed, done] : typed;
      const ticked = new Set(choices.filter((c) => c.selected).map((c) => c.value));
      const values = [...named.filter((v) => !isDone(v) && !ticked.has(v)), ...named.filter(isDone)];
      const answers = named.filter((v) => !isDone(v));
      const noted =
        s.pending === null && SAID_BACK.has(s.step) && answers.length ? answers.map(labelOf).join(', ') : undefined;
      return { kind: 'tap', values, several, ...(noted ? { noted } : {}) };
    }
  }
}
