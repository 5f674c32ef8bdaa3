import { emergency, markInDanger, reAsk, result, startReport, STORY_LIKE_LENGTH } from './flow-actions.js';
import { onCommand, onGlobalChoice, onResult } from './flow-globals.js';
import { GLOBAL_NAMESPACE, promptOf, say, sayAll } from './flow-render.js';
import { idleState, inReport } from './flow-state.js';
import type { FlowContext, FlowInput, FlowOutput, FlowState, StepResult } from './flow-types.js';
import { translate } from '../i18n/catalog.js';
import { worded } from './channel-wording.js';
import { afterEmergency, emergencyMessage } from './guidance.js';
import type { Accepted, StepDefinition } from './steps/step-definition.js';
import { STEPS } from './steps/step-table.js';
import { typedChoice } from './steps/typed-choice.js';
import { commandWord } from './validators/command-words.js';
import { freeTextCallsForHelp, isCallForHelp, mentionsDanger } from './validators/danger-words.js';
import { parsePlace } from './validators/commune-answer.js';
import { parsePostalCode } from './validators/postal-code-answer.js';

/** Applies what a step made of an answer. */
function apply(before: FlowState, def: StepDefinition, accepted: Accepted, ctx: FlowContext): StepResult {
  switch (accepted.kind) {
    case 'reject':
      return reAsk(before, ctx, accepted.said.key, accepted.said.params);
    case 'outputs':
      return result(accepted.state, accepted.outputs);
    case 'stay':
      return result(accepted.state, [
        ...sayAll(accepted.state.lang, accepted.before),
        promptOf(accepted.state, ctx, accepted.refresh),
      ]);
    case 'next': {
      let to = accepted.to ?? def.next;
      // Changing one answer from the summary goes back to the summary once its group is done.
      if (before.editing && STEPS[to].group !== def.group) to = 'summary';
      const state: FlowState = {
        ...accepted.state,
        step: to,
        editing: to === 'summary' ? false : accepted.state.editing,
      };
      const said = accepted.before ?? [];
      const prompt = withNote(
        [promptOf(state, ctx)],
        said.filter((b) => b.withPrompt).map((b) => translate(state.lang, b.key, b.params)),
      );
      return result(state, [
        ...sayAll(
          state.lang,
          said.filter((b) => !b.withPrompt),
        ),
        ...prompt,
      ]);
    }
  }
}

/** `notes` at the top of the first message of `outputs` ("Noté : …" above the next question). */
function withNote(outputs: readonly FlowOutput[], notes: readonly string[]): FlowOutput[] {
  if (notes.length === 0) return [...outputs];
  const first = outputs.findIndex((o) => o.kind === 'message');
  if (first < 0) return [...outputs.slice(0, 1), { kind: 'message', text: notes.join('\n') }, ...outputs.slice(1)];
  return outputs.map((o, i) =>
    i === first && o.kind === 'message' ? { ...o, text: `${notes.join('\n')}\n\n${o.text}` } : o,
  );
}

/** Keeps a long text typed where a button was expected, as (more) description. */
function keepAsStory(s: FlowState, text: string): FlowState | undefined {
  if (!inReport(s) || s.step === 'story' || text.trim().length < STORY_LIKE_LENGTH) return undefined;
  const current = s.answers.description ?? '';
  const description = current ? `${current}\n\n${text.trim()}` : text.trim();
  return description.length > 20_000 ? undefined : { ...s, answers: { ...s.answers, description } };
}

function onChoice(s: FlowState, value: string, ctx: FlowContext): StepResult {
  const colon = value.indexOf(':');
  const namespace = colon > 0 ? value.slice(0, colon) : '';
  const option = value.slice(colon + 1);
  if (namespace === GLOBAL_NAMESPACE) return onGlobalChoice(s, option, ctx);
  if (namespace !== s.step || s.step === 'idle') return reAsk(s, ctx, s.step === 'idle' ? undefined : 'staleChoice');
  const state = s.pending ? { ...s, pending: null } : s;
  return apply(state, STEPS[state.step], STEPS[state.step].accept(state, { kind: 'option', option }, ctx), ctx);
}

/** The outputs without `replace`: a typed answer has no tapped message to update in place. */
const asNew = (r: StepResult): StepResult => ({
  state: r.state,
  outputs: r.outputs.map((o) => (o.kind === 'message' && o.replace ? { ...o, replace: false } : o)),
});

/**
 * A typed text that names buttons of the question on screen ("victime", "2", "1 et 3", "oui"):
 * tapped for the person and said back, or, when it fits several, the question again with
 * "which one?". Undefined when it names none.
 */
function onTypedChoice(s: FlowState, text: string, ctx: FlowContext, exactOnly = false): StepResult | undefined {
  const typed = typedChoice(s, text, ctx, exactOnly);
  if (!typed) return undefined;
  if (typed.kind === 'ambiguous') return reAsk(s, ctx, 'whichOne', { options: typed.options });
  let current: StepResult | undefined;
  for (const value of typed.values) {
    const from = current ? current.state : s;
    if (!from) break;
    current = onChoice(from, value, ctx);
  }
  // Everything typed was already ticked: the question again, with what is noted.
  current ??= reAsk(s, ctx);
  const changed = current.state !== s;
  if (!typed.noted || !changed) return asNew(current);
  const key = typed.several && current.state?.step === s.step ? 'notedSeveral' : 'noted';
  return asNew(result(current.state, withNote(current.outputs, [translate(s.lang, key, { value: typed.noted })])));
}

/** Whether a short text in the description is "c'est tout, continuer" typed ("fini", "that's all"). */
function storyDone(s: FlowState, text: string, ctx: FlowContext): boolean {
  if (s.step !== 'story' || !s.answers.description || text.length > 30) return false;
  const typed = typedChoice(s, text, ctx, true);
  return typed?.kind === 'tap' && typed.values.length > 0 && typed.values.every((v) => v === 'story:done');
}

function onText(s: FlowState, text: string, ctx: FlowContext): StepResult {
  if (s.pending === 'safePlaces') {
    const code = parsePostalCode(text);
    // A commune named instead of its code ("Montpellier"): its first code finds the places near it.
    const place = code.ok || /\d/.test(text) ? undefined : parsePlace(text);
    const communeCode =
      place?.kind === 'communes' && new Set(place.codes.map((c) => c.insee)).size === 1 ? place.codes[0] : undefined;
    const postalCode = code.ok ? code.postalCode : communeCode?.postalCode;
    if (postalCode)
      return result({ ...s, pending: null }, [{ kind: 'effect', effect: { kind: 'find-safe-places', postalCode } }]);
    if (!code.ok && code.reason === 'unknown')
      return reAsk(s, ctx, 'unknownPostalCode', { postalCode: code.postalCode });
  }
  // "oui" / "non" typed at a confirmation ("Annuler ce signalement ?") answers it.
  const confirmed =
    s.pending && s.pending !== 'safePlaces' && !isCallForHelp(text) ? onTypedChoice(s, text, ctx) : undefined;
  if (confirmed) return confirmed;
  const state = s.pending ? { ...s, pending: null } : s;
  if (isCallForHelp(text)) return emergency(state, ctx);
  const command = commandWord(text);
  if (command) return onCommand(state, command, undefined, ctx);
  if (!inReport(state)) {
    if (mentionsDanger(text)) return emergency(state, ctx);
    const typed = onTypedChoice(state, text, ctx);
    if (typed) return typed;
    return text.trim().length >= STORY_LIKE_LENGTH ? startReport(state, undefined, ctx, text) : reAsk(state, ctx);
  }
  const def = STEPS[state.step];
  if (def.expects === 'choice') {
    if (mentionsDanger(text)) return emergency(state, ctx);
    const typed = text.trim().length < STORY_LIKE_LENGTH ? onTypedChoice(state, text, ctx) : undefined;
    if (typed) return typed;
    const withStory = keepAsStory(state, text);
    return withStory ? reAsk(withStory, ctx, 'keptYourText') : reAsk(state, ctx, 'expectChoiceTyped');
  }
  // A question that also reads free text (a date, a place): a whole button label first ("en ligne", "hier");
  // in the description, only "c'est tout" / "that's all" (any other text is more description).
  const exact =
    def.expects === 'either' || storyDone(state, text, ctx) ? onTypedChoice(state, text, ctx, true) : undefined;
  if (exact) return exact;
  const accepted = def.accept(state, { kind: 'text', text }, ctx);
  if (accepted.kind === 'reject' && mentionsDanger(text)) return emergency(state, ctx);
  if (accepted.kind === 'reject' && def.expects === 'either') {
    const typed = onTypedChoice(state, text, ctx);
    if (typed) return typed;
  }
  const applied = apply(state, def, accepted, ctx);
  // In the description, a danger word counts in a short message; a present danger ("il est encore là") at any length.
  const dangerInStory = freeTextCallsForHelp(text);
  if (state.step === 'story' && accepted.kind !== 'reject' && dangerInStory && applied.state) {
    const inDanger = markInDanger(applied.state, 'words', state.step);
    return result(inDanger, [emergencyMessage(inDanger), ...afterEmergency(inDanger, ctx.channel, applied.outputs)]);
  }
  return applied;
}

/** The draft with a photo's caption kept as (more) description, or undefined when it is not kept. */
function keepCaption(s: FlowState, caption: string, ctx: FlowContext): FlowState | undefined {
  if (s.step === 'story') {
    const accepted = STEPS.story.accept(s, { kind: 'text', text: caption }, ctx);
    if (accepted.kind === 'stay') return accepted.state;
  }
  return keepAsStory(s, caption);
}

function onUnsupported(s: FlowState, caption: string | undefined, ctx: FlowContext): StepResult {
  const text = caption?.trim() ? caption : undefined;
  if (text && mentionsDanger(text)) {
    // Danger in a caption is as urgent as typed: the guidance first, the caption kept unless it is only a call for help.
    const state = s.pending ? { ...s, pending: null } : s;
    const withCaption = isCallForHelp(text) ? undefined : keepCaption(state, text, ctx);
    const guided = emergency(withCaption ?? state, ctx);
    const [guidance, ...prompt] = guided.outputs;
    const notes = [say(s.lang, 'unsupportedMedia'), ...(withCaption ? [say(s.lang, 'captionKept')] : [])];
    return result(guided.state, [guidance!, ...notes, ...prompt]);
  }
  const withCaption = text ? keepCaption(s, text, ctx) : undefined;
  if (withCaption)
    return result(withCaption, [
      say(s.lang, 'unsupportedMedia'),
      say(s.lang, 'captionKept'),
      promptOf(withCaption, ctx),
    ]);
  return reAsk(s, ctx, 'unsupportedMedia');
}

/**
 * The report conversation as a pure state machine: `step(state, input, ctx) → { state, outputs }`.
 * `state` null means nothing stored (no report, default language). Channels render the outputs,
 * run the `effect` ones and feed their outcome back as a `result` input; they never decide what
 * to ask next. Never throws on any input.
 */
export function step(stored: FlowState | null, input: FlowInput, ctx: FlowContext): StepResult {
  const s = stored ?? idleState(ctx.clientLang, ctx);
  const reacted = react(s, input, ctx);
  return { state: reacted.state, outputs: worded(reacted.outputs, ctx.channel, reacted.state?.lang ?? s.lang) };
}

function react(s: FlowState, input: FlowInput, ctx: FlowContext): StepResult {
  switch (input.kind) {
    case 'result':
      return onResult(s, input.result, ctx);
    case 'start':
      return startReport(s, input.payload, ctx);
    case 'command':
      return onCommand(s, input.name, input.arg, ctx);
    case 'edited':
      return reAsk(s, ctx, inReport(s) ? 'editedIgnored' : undefined);
    case 'unsupported':
      return onUnsupported(s, input.caption, ctx);
    case 'choice':
      return onChoice(s, input.value, ctx);
    case 'text':
      return onText(s, input.text, ctx);
  }
}
