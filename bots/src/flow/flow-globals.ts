import { LANGS, isLang, type DangerVia, type Lang } from '@relais/core';
import { emergency, reAsk, result, startReport } from './flow-actions.js';
import { translate, type MessageKey } from '../i18n/catalog.js';
import { GLOBAL_NAMESPACE, promptOf, say } from './flow-render.js';
import { hasAnswers, idleState, inReport } from './flow-state.js';
import type { EffectResult, FlowCommand, FlowContext, FlowOutput, FlowState, StepResult } from './flow-types.js';
import { myReportsMessage, nextStepsMessage, safePlacesMessage } from './guidance.js';
import { parsePostalCode } from './validators/postal-code-answer.js';

const effect = (s: FlowState, output: FlowOutput): StepResult => result(s, [output]);

/** The current question again, only when a report is in progress. */
const promptIfReport = (s: FlowState, ctx: FlowContext): FlowOutput[] => (inReport(s) ? [promptOf(s, ctx)] : []);

/** The button label naming each language, in the language of the conversation. */
const LANG_NAMES: Readonly<Record<Lang, MessageKey>> = { fr: 'langFr', en: 'langEn' };

/** The option of a permanent "Urgence" button: a channel sends the choice `g:urgence` (see {@link GLOBAL_NAMESPACE}). */
export const URGENCE_BUTTON_OPTION = 'urgence';

/** The option of a language button (`lang-fr`, `lang-en`), handled whatever the step. */
const LANG_OPTION = 'lang-';

function setLang(s: FlowState, lang: Lang, ctx: FlowContext): StepResult {
  const state: FlowState = { ...s, lang, langChosen: true };
  const welcome = state.step === 'welcome' ? [say(lang, 'welcome')] : [];
  return result(state, [say(lang, 'langSet'), ...welcome, ...promptIfReport(state, ctx)]);
}

function cancel(s: FlowState, ctx: FlowContext): StepResult {
  if (!inReport(s)) return result({ ...s, pending: null }, [say(s.lang, 'nothingToCancel')]);
  if (hasAnswers(s)) return reAsk({ ...s, pending: 'cancel' }, ctx);
  return result(idleState(s.lang, ctx, s.langChosen), [say(s.lang, 'cancelled')]);
}

function urgence(s: FlowState, arg: string | undefined, ctx: FlowContext, via: DangerVia = 'command'): StepResult {
  const code = arg ? parsePostalCode(arg) : undefined;
  const guidance = emergency(s, ctx, via);
  const state = guidance.state ?? s;
  if (code?.ok) {
    return result(state, [
      guidance.outputs[0]!,
      { kind: 'effect', effect: { kind: 'find-safe-places', postalCode: code.postalCode } },
    ]);
  }
  const asking: FlowState = { ...state, pending: 'safePlaces' };
  return result(asking, [guidance.outputs[0]!, promptOf(asking, ctx)]);
}

/** `/help`, `/cancel`, `/lang`, `/urgence`, `/suivi`, `/supprimer` and unknown commands. */
export function onCommand(s: FlowState, name: FlowCommand, arg: string | undefined, ctx: FlowContext): StepResult {
  switch (name) {
    case 'help':
      return result(s, [say(s.lang, 'helpText'), ...promptIfReport(s, ctx)]);
    case 'cancel':
      return cancel(s, ctx);
    case 'lang': {
      const wanted = arg?.trim().toLowerCase().slice(0, 2);
      if (isLang(wanted)) return setLang(s, wanted, ctx);
      return result(s, [
        {
          kind: 'message',
          text: translate(s.lang, 'chooseLang'),
          choices: LANGS.map((lang) => ({
            value: `${GLOBAL_NAMESPACE}:${LANG_OPTION}${lang}`,
            label: translate(s.lang, LANG_NAMES[lang]),
          })),
        },
      ]);
    }
    case 'urgence':
      return urgence(s, arg, ctx);
    case 'suivi':
      return effect(s, { kind: 'effect', effect: { kind: 'list-my-reports' } });
    case 'supprimer':
      return reAsk({ ...s, pending: 'erase' }, ctx);
    case 'unknown':
      return result(s, [say(s.lang, 'unknownCommand'), ...promptIfReport(s, ctx)]);
  }
}

/** Buttons handled whatever the step: language, confirmations, safe places, start. */
export function onGlobalChoice(s: FlowState, option: string, ctx: FlowContext): StepResult {
  const clear: FlowState = { ...s, pending: null };
  const chosenLang = option.startsWith(LANG_OPTION) ? option.slice(LANG_OPTION.length) : undefined;
  if (isLang(chosenLang)) return setLang(s, chosenLang, ctx);
  switch (option) {
    case 'start':
      return startReport(clear, undefined, ctx);
    case 'cancel':
      return cancel(s, ctx);
    case 'urg-places':
      return reAsk({ ...s, pending: 'safePlaces' }, ctx);
    // A permanent "Urgence" button (the web widget's header) sends this choice: as `/urgence`, but told apart for staff.
    case URGENCE_BUTTON_OPTION:
      return urgence(clear, undefined, ctx, 'button');
    case 'urg-back':
      return reAsk(clear, ctx);
  }
  const [pending, answer] = option.split('-') as [string, string | undefined];
  if (pending !== s.pending) return reAsk(s, ctx, inReport(s) ? 'staleChoice' : undefined);
  switch (`${pending}-${answer}`) {
    case 'cancel-yes':
      return result(idleState(s.lang, ctx, s.langChosen), [say(s.lang, 'cancelled')]);
    case 'restart-new':
      return startReport({ ...clear, answers: {}, step: 'idle' }, undefined, ctx);
    case 'erase-yes':
      return effect(clear, { kind: 'effect', effect: { kind: 'erase-my-reports' } });
    case 'erase-no':
      return result(clear, [say(s.lang, 'eraseCancelled'), ...promptIfReport(clear, ctx)]);
    default:
      return reAsk(clear, ctx);
  }
}

/** What the flow says once an effect it asked for is done (or failed). */
export function onResult(s: FlowState, outcome: EffectResult, ctx: FlowContext): StepResult {
  switch (outcome.kind) {
    case 'submitted': {
      if (s.step !== 'summary') return reAsk(s, ctx);
      // An earlier receipt's phrase is not this report's: only this outcome says whether one was given.
      const { phraseIssued: _earlier, ...before } = s;
      const sent: FlowState = {
        ...before,
        step: 'submitted',
        reference: outcome.reference,
        answers: {},
        editing: false,
        pending: null,
        ...(outcome.followUpPhrase ? { phraseIssued: true } : {}),
      };
      // Off the web, a phrase means re-contact by e-mail: the receipt says where the phrase opens the message.
      const receipt = !outcome.followUpPhrase
        ? say(s.lang, 'received', { reference: outcome.reference })
        : ctx.channel !== 'webchat' && outcome.followUpUrl
          ? say(s.lang, 'receivedMailFollowUp', {
              reference: outcome.reference,
              phrase: outcome.followUpPhrase,
              url: outcome.followUpUrl,
            })
          : say(s.lang, 'receivedWeb', { reference: outcome.reference, phrase: outcome.followUpPhrase });
      return result(sent, [receipt, nextStepsMessage(s.lang, s.answers), promptOf(sent, ctx)]);
    }
    case 'safe-places':
      return result(s, [safePlacesMessage(s.lang, outcome.postalCode, outcome.places), ...promptIfReport(s, ctx)]);
    case 'my-reports':
      return result(s, [myReportsMessage(s.lang, outcome.reports), ...promptIfReport(s, ctx)]);
    case 'erasure-requested':
      return result(idleState(s.lang, ctx, s.langChosen), [say(s.lang, 'eraseRequested')]);
    case 'failed': {
      const key = (
        {
          submit: 'submitFailed',
          'find-safe-places': 'safePlacesFailed',
          'list-my-reports': 'myReportsFailed',
          'erase-my-reports': 'eraseFailed',
        } as const
      )[outcome.effect];
      return result(s, [say(s.lang, key), ...promptIfReport(s, ctx)]);
    }
    case 'throttled':
      return result(s, [
        say(s.lang, 'submitThrottled', { minutes: String(Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60))) }),
        ...promptIfReport(s, ctx),
      ]);
  }
}
