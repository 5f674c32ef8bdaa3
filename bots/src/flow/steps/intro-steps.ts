import { REPORTER_ROLES, otherLang } from '@relais/core';
import { answered, findCode, reject, taxonomyChoices, type StepDefinition } from './step-definition.js';

/** Consent to go on, after the welcome text (what this is, what is kept, who sees what). */
export const welcomeStep: StepDefinition = {
  group: 'intro',
  expects: 'choice',
  next: 'role',
  prompt: (s) => ({
    key: 'askConsent',
    choices: [
      { option: 'go', label: 'consentGo' },
      { option: 'privacy', label: 'consentPrivacy' },
      { option: `lang-${otherLang(s.lang)}`, label: 'otherLang', global: true },
    ],
  }),
  accept(s, answer, ctx) {
    if (answer.kind === 'option' && answer.option === 'go') return answered(s);
    // The web has no Telegram identity and follows reports through its own page.
    if (answer.kind === 'option' && answer.option === 'privacy')
      return { kind: 'stay', state: s, before: [{ key: ctx.channel === 'webchat' ? 'privacyWeb' : 'privacy' }] };
    return reject('expectChoice');
  },
};

/** Victim or witness. */
export const roleStep: StepDefinition = {
  group: 'role',
  expects: 'choice',
  next: 'minor',
  prompt: () => ({ key: 'askRole', choices: taxonomyChoices(REPORTER_ROLES) }),
  accept(s, answer) {
    const role = answer.kind === 'option' ? findCode(REPORTER_ROLES, answer.option) : undefined;
    if (!role) return reject('expectChoice');
    return answered({ ...s, answers: { ...s.answers, role } });
  },
};

const MINOR_OPTIONS = ['yes', 'no', 'unknown'] as const;

/** Whether the victim is a minor (tailors the next steps: 119). */
export const minorStep: StepDefinition = {
  group: 'role',
  expects: 'choice',
  next: 'acts',
  prompt: (s) => ({
    key: s.answers.role === 'witness' ? 'askMinorWitness' : 'askMinorVictim',
    choices: [
      { option: 'yes', label: 'yes' },
      { option: 'no', label: 'no' },
      { option: 'unknown', label: s.answers.role === 'witness' ? 'dontKnow' : 'preferNotToSay' },
    ],
  }),
  accept(s, answer) {
    const minor = answer.kind === 'option' ? MINOR_OPTIONS.find((o) => o === answer.option) : undefined;
    if (!minor) return reject('expectChoice');
    return answered({ ...s, answers: { ...s.answers, minor } });
  },
};
