import { z } from 'zod';
import {
  ACT_TYPES,
  COMPLAINT_STATUSES,
  MOTIVES,
  PLACE_TYPES,
  REFERENCE_PATTERN,
  REPORTER_ROLES,
  codesOf,
  dangerReason,
  reportLocation,
  reportOccurrence,
  postalCode,
  langCode,
  type Lang,
} from '@relais/core';
import { AUTHOR_KINDS, ONLINE_REACHES, type FlowContext, type FlowState, type StepName } from './flow-types.js';

const STEP_NAMES = [
  'idle',
  'welcome',
  'role',
  'minor',
  'acts',
  'motives',
  'when',
  'month',
  'where',
  'commune',
  'place',
  'story',
  'author',
  'onlineReach',
  'complaint',
  'contact',
  'contactHow',
  'email',
  'phone',
  'summary',
  'edit',
  'submitted',
] as const satisfies readonly StepName[];

const contactAnswer = z.discriminatedUnion('method', [
  z.object({ method: z.literal('none') }),
  z.object({ method: z.literal('chat') }),
  z.object({ method: z.literal('email'), value: z.string().max(254) }),
  z.object({ method: z.literal('phone'), value: z.string().max(25) }),
]);

/**
 * The stored shape of a conversation (version 2, the only one read), checked whenever a draft is
 * read back, so a corrupt or foreign value is never trusted.
 */
const flowStateSchema = z.object({
  v: z.literal(2),
  step: z.enum(STEP_NAMES),
  lang: langCode,
  langChosen: z.boolean(),
  tunnel: z.string().max(64).nullable(),
  reportId: z.string().max(64),
  reference: z.string().regex(REFERENCE_PATTERN),
  answers: z.object({
    role: z.enum(codesOf(REPORTER_ROLES)).optional(),
    minor: z.enum(['yes', 'no', 'unknown']).optional(),
    actTypes: z.array(z.enum(codesOf(ACT_TYPES))).optional(),
    motives: z.array(z.enum(codesOf(MOTIVES))).optional(),
    occurred: reportOccurrence.nullable().optional(),
    location: reportLocation.optional(),
    placeType: z.enum(codesOf(PLACE_TYPES)).nullable().optional(),
    description: z.string().max(20_000).optional(),
    complaint: z.enum(codesOf(COMPLAINT_STATUSES)).optional(),
    contact: contactAnswer.optional(),
    author: z.enum(AUTHOR_KINDS).optional(),
    onlineReach: z.enum(ONLINE_REACHES).optional(),
  }),
  editing: z.boolean(),
  pending: z.enum(['cancel', 'restart', 'erase', 'safePlaces']).nullable(),
  inDanger: z.boolean(),
  dangerReason: dangerReason.optional(),
  canChat: z.boolean(),
  placeChoices: z
    .array(z.object({ postalCode, insee: z.string().regex(/^[0-9AB]{5}$/) }))
    .max(64)
    .optional(),
  phraseIssued: z.literal(true).optional(),
});

/**
 * Reads a stored conversation: a state of the current shape as it is, anything else (another
 * version, a corrupt or foreign value) null, so the person starts afresh as after an expiry.
 */
export function readFlowState(value: unknown): FlowState | null {
  const current = flowStateSchema.safeParse(value);
  return current.success ? current.data : null;
}

/** The state of a person with no report in progress. */
export function idleState(lang: Lang, ctx: FlowContext, langChosen = false): FlowState {
  return {
    v: 2,
    step: 'idle',
    lang,
    langChosen,
    tunnel: null,
    reportId: '',
    reference: 'AAAA-AAAA',
    answers: {},
    editing: false,
    pending: null,
    inDanger: false,
    canChat: ctx.chatAddress !== null,
  };
}

/**
 * A danger heard outside a report (idle, after the receipt), which the next report started here
 * carries. Only one heard where the person still is: the reason of a report already sent stays with it.
 */
const dangerBefore = (from: FlowState): Pick<FlowState, 'inDanger' | 'dangerReason'> | undefined =>
  from.dangerReason && (from.step === 'idle' || from.step === 'submitted') && from.dangerReason.at === from.step
    ? { inDanger: true, dangerReason: from.dangerReason }
    : undefined;

/** A new report at its welcome step, with a fresh id and receipt reference (and a danger heard just before). */
export function newReport(from: FlowState, tunnel: string | null, ctx: FlowContext): FlowState {
  return {
    ...idleState(from.lang, ctx, from.langChosen),
    ...dangerBefore(from),
    step: 'welcome',
    tunnel,
    reportId: ctx.newId(),
    reference: ctx.newReference(),
  };
}

/** Whether a report is being written (not idle, not just sent). */
export function inReport(s: FlowState): boolean {
  return s.step !== 'idle' && s.step !== 'submitted';
}

/** Whether a report in progress holds answers the person would lose by starting over. */
export function hasAnswers(s: FlowState): boolean {
  return inReport(s) && Object.keys(s.answers).length > 0;
}
