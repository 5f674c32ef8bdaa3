import type { GuidanceKey } from '../i18n/catalog.js';
import type { FlowAnswers } from './flow-types.js';

/** One piece of advice after a report, and when it applies. */
interface NextStepRule {
  readonly key: GuidanceKey;
  applies(answers: FlowAnswers): boolean;
}

const notFiled = (a: FlowAnswers) => a.complaint !== 'filed';
const hasAct = (a: FlowAnswers, ...acts: string[]) => (a.actTypes ?? []).some((act) => acts.includes(act));

/**
 * The next steps shown with the receipt, in order, tailored to the answers: how to file a
 * complaint, online pre-complaint, Pharos for online hate, 3919, 119 for minors, support lines.
 */
const NEXT_STEP_RULES: readonly NextStepRule[] = [
  { key: 'nextFiled', applies: (a) => a.complaint === 'filed' },
  { key: 'nextHowToFile', applies: notFiled },
  { key: 'nextPreComplaint', applies: (a) => notFiled(a) && a.location?.kind !== 'abroad' },
  { key: 'nextHelpToFile', applies: (a) => a.complaint === 'wants_help' },
  { key: 'nextPharos', applies: (a) => hasAct(a, 'online_hate') || a.location?.kind === 'online' },
  { key: 'nextMedical', applies: (a) => hasAct(a, 'physical_violence', 'sexual_violence') },
  {
    key: 'next3919',
    applies: (a) => hasAct(a, 'sexual_violence') || a.placeType === 'family' || a.placeType === 'home',
  },
  { key: 'next119', applies: (a) => a.minor === 'yes' },
  { key: 'nextLgbtLines', applies: () => true },
  { key: 'nextVictimSupport', applies: () => true },
  { key: 'nextContactLater', applies: (a) => a.contact !== undefined && a.contact.method !== 'none' },
];

/** The catalog keys of the next steps that apply to these answers. */
export function nextStepsFor(answers: FlowAnswers): GuidanceKey[] {
  return NEXT_STEP_RULES.filter((rule) => rule.applies(answers)).map((rule) => rule.key);
}
