import { ONLINE_REACHES, type FlowAnswers, type FlowState, type StepName } from '../flow-types.js';
import { answered, reject, type StepDefinition } from './step-definition.js';

const AUTHOR_OPTIONS = ['police', 'gendarmerie', 'partner', 'other', 'unsaid'] as const;

const hasAct = (a: FlowAnswers, ...acts: string[]) => (a.actTypes ?? []).some((act) => acts.includes(act));

/**
 * Whether to ask who the author was: only where the answer changes the referrals (IGPN / IGGN for
 * the police or gendarmerie, 3919 for a partner or ex-partner): violence, threats, harassment,
 * discrimination, or a public service, home or family place. An insult alone in the street is not
 * asked about, to keep the report short for a person in a hurry.
 */
export function asksAuthor(a: FlowAnswers): boolean {
  return (
    hasAct(a, 'physical_violence', 'sexual_violence', 'threat', 'harassment', 'discrimination') ||
    a.placeType === 'public_service' ||
    a.placeType === 'home' ||
    a.placeType === 'family'
  );
}

/** Whether the facts were online (the place, or online hate among the acts): then ask public or private. */
export function asksOnlineReach(a: FlowAnswers): boolean {
  return a.location?.kind === 'online' || hasAct(a, 'online_hate');
}

/** The referral question to ask after `from` (`story` or `author`), or the complaint question. */
export function afterReferral(s: FlowState, from: 'story' | 'author'): StepName {
  if (from === 'story' && asksAuthor(s.answers)) return 'author';
  return asksOnlineReach(s.answers) ? 'onlineReach' : 'complaint';
}

/**
 * The description step, going on to the referral questions when they apply (instead of straight
 * to the complaint question). Wraps the story step without changing what it accepts.
 */
export function withReferralQuestions(story: StepDefinition): StepDefinition {
  return {
    ...story,
    accept(s, answer, ctx) {
      const accepted = story.accept(s, answer, ctx);
      if (accepted.kind !== 'next' || accepted.to !== undefined) return accepted;
      return { ...accepted, to: afterReferral(accepted.state, 'story') };
    },
  };
}

/**
 * Who the author was (optional, "prefer not to say"): tailors the referrals, not sent to partners.
 * In the `complaint` group, so changing the description from the summary does not ask it again.
 */
export const authorStep: StepDefinition = {
  group: 'complaint',
  expects: 'choice',
  next: 'complaint',
  prompt: () => ({
    key: 'askAuthor',
    choices: [
      { option: 'police', label: 'authorPolice' },
      { option: 'gendarmerie', label: 'authorGendarmerie' },
      { option: 'partner', label: 'authorPartner' },
      { option: 'other', label: 'authorOther' },
      { option: 'unsaid', label: 'preferNotToSay' },
    ],
  }),
  accept(s, answer) {
    const author = answer.kind === 'option' ? AUTHOR_OPTIONS.find((o) => o === answer.option) : undefined;
    if (!author) return reject('expectChoice');
    const state = { ...s, answers: { ...s.answers, author } };
    return answered(state, afterReferral(state, 'author'));
  },
};

/** Online facts: in public or in private messages (Pharos only takes public content). */
export const onlineReachStep: StepDefinition = {
  group: 'complaint',
  expects: 'choice',
  next: 'complaint',
  prompt: () => ({
    key: 'askOnlineReach',
    choices: [
      { option: 'public', label: 'onlinePublic' },
      { option: 'private', label: 'onlinePrivate' },
      { option: 'unknown', label: 'dontKnow' },
    ],
  }),
  accept(s, answer) {
    const onlineReach = answer.kind === 'option' ? ONLINE_REACHES.find((o) => o === answer.option) : undefined;
    if (!onlineReach) return reject('expectChoice');
    return answered({ ...s, answers: { ...s.answers, onlineReach } });
  },
};
