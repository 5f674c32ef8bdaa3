import type { DangerMoment } from '@relais/core';
import type { StepName } from './flow-types.js';

/**
 * The moment staff read for each step (core `DANGER_MOMENTS`): sub-questions count as their
 * question (the month as "when", e-mail or phone as "contact", a change from the summary as the
 * summary). Exhaustive on purpose: a new step must say which moment it is.
 */
const MOMENT_OF_STEP: Readonly<Record<StepName, DangerMoment>> = {
  idle: 'idle',
  welcome: 'welcome',
  role: 'role',
  minor: 'minor',
  acts: 'acts',
  motives: 'motives',
  when: 'when',
  month: 'when',
  where: 'where',
  commune: 'where',
  place: 'place',
  story: 'story',
  author: 'author',
  onlineReach: 'online_reach',
  complaint: 'complaint',
  contact: 'contact',
  contactHow: 'contact',
  email: 'contact',
  phone: 'contact',
  summary: 'summary',
  edit: 'summary',
  submitted: 'submitted',
};

/** The moment (core `DANGER_MOMENTS`) a step stands for, as stored with the report. */
export function dangerMomentOf(step: StepName): DangerMoment {
  return MOMENT_OF_STEP[step];
}
