import { editDistance } from '@relais/core';
import { CHOICE_SYNONYMS } from './choice-synonyms.js';
import { normaliseText } from './normalise-text.js';

/** A button of the current question, as the person sees it. */
export interface ChoiceCandidate {
  readonly value: string;
  readonly label: string;
}

/** What a typed answer names among the buttons of a question. */
export type ChoiceMatch =
  | { readonly kind: 'one'; readonly value: string }
  /** Several buttons, on a question that takes several ("1 et 3", "insultes, menaces"). */
  | { readonly kind: 'many'; readonly values: readonly string[] }
  /** The text fits several buttons equally ("violences"): ask which one. */
  | { readonly kind: 'ambiguous'; readonly values: readonly string[] }
  | { readonly kind: 'none' };

/** Words that say nothing about which button is meant ("je suis", "the"). */
const STOPWORDS = new Set(
  'je j suis ai le la les l de du des d un une et ou a au aux en par pour sur i am im the of to my is it its c est ce mon ma mes pas ne n plus merci thanks thank you'.split(
    ' ',
  ),
);

/** Lower case, no accents, no punctuation nor emoji: "Valider ✔" → "valider", "J'ai porté plainte" → "j ai porte plainte". */
function key(text: string): string {
  return normaliseText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const compact = (k: string) => k.replace(/ /g, '');

/** The option of a choice value, and its answer for confirmations (`g:cancel-yes` → `cancel-yes`, `yes`). */
function optionsOf(value: string): string[] {
  const option = value.slice(value.indexOf(':') + 1);
  const dash = option.lastIndexOf('-');
  return dash > 0 && !option.startsWith('lang-') ? [option, option.slice(dash + 1)] : [option];
}

interface Prepared {
  readonly value: string;
  /** Space-less forms that name this button exactly: its label (with and without a parenthesis) and synonyms. */
  readonly exact: readonly string[];
  /** The label's words, as spaced text. */
  readonly words: string;
}

function prepare(c: ChoiceCandidate): Prepared {
  const label = key(c.label);
  const short = key(c.label.replace(/\(.*?\)|…/g, ''));
  const synonyms = optionsOf(c.value).flatMap((o) => CHOICE_SYNONYMS[o] ?? []);
  return { value: c.value, exact: [label, short, ...synonyms.map(key)].map(compact), words: ` ${label} ` };
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];

function decide(values: readonly string[]): ChoiceMatch | undefined {
  const found = unique(values);
  if (found.length === 1) return { kind: 'one', value: found[0]! };
  if (found.length > 1) return { kind: 'ambiguous', values: found };
  return undefined;
}

/** One answer: a number in the list, an exact label or synonym, words of a label, or one typo away. */
/** Politeness around an answer ("oui merci", "2 svp", "victim please"): not part of it. */
const POLITE =
  /^(?:(?:merci|svp|stp|please|pls|plz|thanks|thank you|bah|ben|euh|hmm|ok|okay) )+|(?: (?:merci|svp|stp|s il vous plait|please|pls|plz|thanks|thank you))+$/;

function matchOne(part: string, choices: readonly Prepared[], exactOnly: boolean): ChoiceMatch {
  const spoken = key(part);
  const k = spoken.replace(POLITE, '') || spoken;
  if (!k) return { kind: 'none' };
  if (exactOnly)
    return decide(choices.filter((p) => p.exact.includes(compact(k))).map((p) => p.value)) ?? { kind: 'none' };
  const number = /^(?:n ?|no |numero |number )?(\d{1,2})$/.exec(k);
  if (number) {
    const choice = choices[Number(number[1]) - 1];
    return choice ? { kind: 'one', value: choice.value } : { kind: 'none' };
  }
  const c = compact(k);
  const exact = decide(choices.filter((p) => p.exact.includes(c)).map((p) => p.value));
  if (exact) return exact;
  const meaningful = k.split(' ').filter((w) => !STOPWORDS.has(w));
  if (meaningful.length === 0 || meaningful.join('').length < 3) return { kind: 'none' };
  const inLabel = decide(choices.filter((p) => p.words.includes(` ${k} `)).map((p) => p.value));
  if (inLabel) return inLabel;
  // A word typed in full or in its first letters ("harcel" for "harcèlement").
  const prefix =
    c.length >= 5 && meaningful.length === 1
      ? decide(choices.filter((p) => p.words.includes(` ${k}`)).map((p) => p.value))
      : undefined;
  if (prefix) return prefix;
  if (c.length < 4) return { kind: 'none' };
  const max = c.length >= 8 ? 2 : 1;
  const near = choices.filter((p) =>
    [...p.exact, ...p.words.split(' ').filter((w) => w.length >= 4)].some((form) => editDistance(c, form, max) <= max),
  );
  return decide(near.map((p) => p.value)) ?? { kind: 'none' };
}

/** Separators between several answers: "1 et 3", "insultes, menaces", "threats and insults". */
const SEPARATORS = /\s*(?:[,;/+&]|\bet\b|\band\b|\bpuis\b|\bplus\b)\s*/;

/**
 * Reads what a person typed instead of tapping a button of `choices` (in their order on screen):
 * its number ("1", "2"), its exact label ("Je suis victime"), a short word ("victime", "témoin",
 * "oui", "non", "witness"), whatever the case, accents and one typo (two in long words). With
 * `several`, a list of answers ("1 et 3", "insultes, menaces") names several buttons. A text that
 * fits several buttons equally is `ambiguous`; one that fits none is `none`. With `exactOnly`, only
 * a whole label or synonym counts (for questions that also read free text, such as a date).
 */
export function matchChoice(
  text: string,
  choices: readonly ChoiceCandidate[],
  { several = false, exactOnly = false }: { readonly several?: boolean; readonly exactOnly?: boolean } = {},
): ChoiceMatch {
  if (text.length > 200 || choices.length === 0) return { kind: 'none' };
  const prepared = choices.map(prepare);
  const whole = matchOne(text, prepared, exactOnly);
  if (whole.kind === 'one' || !several) return whole;
  const numbers = key(text);
  const parts = (/^\d{1,2}(?: \d{1,2})+$/.test(numbers) ? numbers.split(' ') : normaliseText(text).split(SEPARATORS))
    .map((p) => p.trim())
    .filter((p) => key(p) !== '');
  if (parts.length < 2) return whole;
  const matches = parts.map((p) => matchOne(p, prepared, exactOnly));
  const ambiguous = matches.find((m) => m.kind === 'ambiguous');
  if (ambiguous) return ambiguous;
  if (matches.some((m) => m.kind !== 'one')) return whole;
  return { kind: 'many', values: unique(matches.map((m) => (m.kind === 'one' ? m.value : ''))) };
}
