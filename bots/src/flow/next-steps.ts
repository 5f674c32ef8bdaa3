import type { GuidanceKey } from '../i18n/catalog.js';
import type { FlowAnswers } from './flow-types.js';

/** One piece of advice after a report, and when it applies. */
interface NextStepRule {
  readonly key: GuidanceKey;
  applies(answers: FlowAnswers): boolean;
}

const notFiled = (a: FlowAnswers) => a.complaint !== 'filed';
const hasAct = (a: FlowAnswers, ...acts: string[]) => (a.actTypes ?? []).some((act) => acts.includes(act));
const online = (a: FlowAnswers) => hasAct(a, 'online_hate') || a.location?.kind === 'online';
const byForces = (a: FlowAnswers) => a.author === 'police' || a.author === 'gendarmerie';

/**
 * The next steps shown with the receipt, in order, tailored to the answers: how to file a
 * complaint, online pre-complaint, the referrals that fit (Défenseur des droits for discrimination,
 * IGPN / IGGN and LGBT+ liaison officers when the author was a police officer or a gendarme, 3018
 * for cyber-harassment, Pharos only for public online content, Viols Femmes Informations for sexual
 * violence, 3919 for violence within a couple,
 * 119 for minors, what a witness can do), then support lines.
 */
export const NEXT_STEP_RULES: readonly NextStepRule[] = [
  { key: 'nextFiled', applies: (a) => a.complaint === 'filed' },
  { key: 'nextHowToFile', applies: notFiled },
  { key: 'nextPreComplaint', applies: (a) => notFiled(a) && a.location?.kind !== 'abroad' },
  { key: 'nextHelpToFile', applies: (a) => a.complaint === 'wants_help' },
  { key: 'nextWitness', applies: (a) => a.role === 'witness' },
  { key: 'nextDefenseurDroits', applies: (a) => hasAct(a, 'discrimination') },
  { key: 'nextIgpn', applies: (a) => a.author === 'police' },
  { key: 'nextIggn', applies: (a) => a.author === 'gendarmerie' },
  { key: 'nextLgbtLiaison', applies: byForces },
  // Harassment or threats online, or online hate, is cyber-harassment: 3018 takes private messages too.
  { key: 'next3018', applies: (a) => hasAct(a, 'online_hate') || (online(a) && hasAct(a, 'harassment', 'threat')) },
  // Pharos only takes content the public can see; private messages go to 3018 and a complaint.
  { key: 'nextPharos', applies: (a) => online(a) && a.onlineReach === 'public' },
  { key: 'nextOnlineEvidence', applies: online },
  { key: 'nextMedical', applies: (a) => a.role !== 'witness' && hasAct(a, 'physical_violence', 'sexual_violence') },
  // Sexual violence outside a couple is no longer sent to 3919: the national line for it instead.
  { key: 'nextSexualViolence', applies: (a) => hasAct(a, 'sexual_violence') },
  { key: 'next3919', applies: (a) => a.author === 'partner' },
  { key: 'next119', applies: (a) => a.minor === 'yes' },
  { key: 'nextLgbtLines', applies: () => true },
  { key: 'nextVictimSupport', applies: () => true },
  { key: 'nextContactLater', applies: (a) => a.contact !== undefined && a.contact.method !== 'none' },
];

/** The catalog keys of the next steps that apply to these answers. */
export function nextStepsFor(answers: FlowAnswers): GuidanceKey[] {
  return NEXT_STEP_RULES.filter((rule) => rule.applies(answers)).map((rule) => rule.key);
}
