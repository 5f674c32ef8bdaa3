import { tunnelSlug, type DangerVia } from '@relais/core';
import { dangerMomentOf } from './danger-moment.js';
import type { MessageKey } from '../i18n/catalog.js';
import { promptOf, say } from './flow-render.js';
import { hasAnswers, inReport, newReport } from './flow-state.js';
import type { FlowContext, FlowOutput, FlowState, StepName, StepResult } from './flow-types.js';
import { afterEmergency, emergencyMessage } from './guidance.js';

/** Texts at least this long are kept as description wherever they arrive: never lose a story. */
export const STORY_LIKE_LENGTH = 40;

/** Nothing worth storing: idle, default language, nothing pending. */
const kept = (s: FlowState): FlowState | null =>
  s.step === 'idle' && !s.langChosen && s.pending === null && !s.dangerReason ? null : s;

/** A step result, dropping a state not worth storing. */
export const result = (state: FlowState | null, outputs: readonly FlowOutput[]): StepResult => ({
  state: state && kept(state),
  outputs,
});

/** Says `key` (if any), then asks the current question again; the draft is unchanged. */
export function reAsk(
  s: FlowState,
  ctx: FlowContext,
  key?: MessageKey,
  params?: Readonly<Record<string, string>>,
): StepResult {
  return result(s, [...(key ? [say(s.lang, key, params)] : []), promptOf(s, ctx)]);
}

/**
 * Records that danger was heard (`via`) while `at` was being asked (default: the current step).
 * In a report, it is marked in danger and the first reason stays; outside one (idle, after the
 * receipt) the reason is remembered for the next report started in this conversation.
 */
export function markInDanger(s: FlowState, via: DangerVia, at: StepName = s.step): FlowState {
  const reason = { at: dangerMomentOf(at), via };
  if (!inReport(s)) return { ...s, dangerReason: reason };
  return { ...s, inDanger: true, dangerReason: s.dangerReason ?? reason };
}

/** Emergency guidance at once, then the current question again (progress kept); `via`: how danger was heard. */
export function emergency(s: FlowState, ctx: FlowContext, via: DangerVia = 'words'): StepResult {
  const state = markInDanger(s, via);
  return result(state, [
    emergencyMessage(state),
    ...afterEmergency(state, ctx.channel, inReport(state) ? [promptOf(state, ctx)] : []),
  ]);
}

/** A new report (or, over answers in progress, the question whether to start over). */
export function startReport(
  s: FlowState,
  payload: string | undefined,
  ctx: FlowContext,
  keepText?: string,
): StepResult {
  if (hasAnswers(s)) return reAsk({ ...s, pending: 'restart' }, ctx);
  const tunnel = payload !== undefined && tunnelSlug.safeParse(payload).success ? payload : null;
  const base = s.langChosen ? s : { ...s, lang: ctx.clientLang };
  const fresh = newReport(base, tunnel, ctx);
  const state = keepText ? { ...fresh, answers: { description: keepText.trim().slice(0, 20_000) } } : fresh;
  return result(state, [
    { kind: 'report-started' },
    say(state.lang, 'welcome'),
    ...(keepText ? [say(state.lang, 'keptYourText')] : []),
    promptOf(state, ctx),
  ]);
}
