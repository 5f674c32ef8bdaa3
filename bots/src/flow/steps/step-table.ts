import type { StepName } from '../flow-types.js';
import { actsStep, motivesStep } from './acts-steps.js';
import { complaintStep, contactHowStep, contactStep, emailStep, phoneStep } from './contact-steps.js';
import { editStep, idleStep, submittedStep, summaryStep } from './end-steps.js';
import { minorStep, roleStep, welcomeStep } from './intro-steps.js';
import type { StepDefinition } from './step-definition.js';
import { storyStep } from './story-step.js';
import { monthStep, whenStep } from './when-steps.js';
import { communeStep, placeStep, whereStep } from './where-steps.js';
import { authorStep, onlineReachStep, withReferralQuestions } from './referral-steps.js';

/**
 * The report conversation as data: every step, its question, its buttons, how it reads an answer
 * and where it leads. The order of a first walk is welcome → role → minor → acts → motives → when
 * (→ month) → where (→ commune → place) → story → complaint → contact (→ contactHow → email | phone) →
 * summary (→ edit) → submitted. Channels render it; they never decide what to ask next.
 */
export const STEPS: Readonly<Record<StepName, StepDefinition>> = {
  idle: idleStep,
  welcome: welcomeStep,
  role: roleStep,
  minor: minorStep,
  acts: actsStep,
  motives: motivesStep,
  when: whenStep,
  month: monthStep,
  where: whereStep,
  commune: communeStep,
  place: placeStep,
  story: withReferralQuestions(storyStep),
  // After the description, only when they change the referrals (see `withReferralQuestions`).
  author: authorStep,
  onlineReach: onlineReachStep,
  complaint: complaintStep,
  contact: contactStep,
  contactHow: contactHowStep,
  email: emailStep,
  phone: phoneStep,
  summary: summaryStep,
  edit: editStep,
  submitted: submittedStep,
};
