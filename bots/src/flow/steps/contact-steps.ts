import { COMPLAINT_STATUSES } from '@relais/core';
import { parseEmail, parsePhone } from '../validators/contact-answer.js';
import { answered, findCode, reject, type StepDefinition } from './step-definition.js';

/** Complaint filed / intends to / no / wants help. */
export const complaintStep: StepDefinition = {
  group: 'complaint',
  expects: 'choice',
  next: 'contact',
  prompt: () => ({
    key: 'askComplaint',
    choices: COMPLAINT_STATUSES.map((c) => ({ option: c.code, label: c.labels })),
  }),
  accept(s, answer) {
    const complaint = answer.kind === 'option' ? findCode(COMPLAINT_STATUSES, answer.option) : undefined;
    return complaint ? answered({ ...s, answers: { ...s.answers, complaint } }) : reject('expectChoice');
  },
};

/** Whether the person wishes to be re-contacted. */
export const contactStep: StepDefinition = {
  group: 'contact',
  expects: 'choice',
  next: 'summary',
  prompt: () => ({
    key: 'askContact',
    choices: [
      { option: 'yes', label: 'yes' },
      { option: 'no', label: 'contactNo' },
    ],
  }),
  accept(s, answer) {
    if (answer.kind === 'option' && answer.option === 'no')
      return answered({ ...s, answers: { ...s.answers, contact: { method: 'none' } } });
    if (answer.kind === 'option' && answer.option === 'yes') return answered(s, 'contactHow');
    return reject('expectChoice');
  },
};

/** How: through this chat (where the channel can answer), e-mail or phone. */
export const contactHowStep: StepDefinition = {
  group: 'contact',
  expects: 'choice',
  next: 'summary',
  prompt: (s) => ({
    key: 'askContactHow',
    choices: [
      ...(s.canChat ? [{ option: 'chat', label: 'contactChat' as const }] : []),
      { option: 'email', label: 'contactEmail' },
      { option: 'phone', label: 'contactPhone' },
      { option: 'none', label: 'contactNo' },
    ],
  }),
  accept(s, answer) {
    if (answer.kind !== 'option') return reject('expectChoice');
    if (answer.option === 'chat' && s.canChat)
      return answered({ ...s, answers: { ...s.answers, contact: { method: 'chat' } } });
    if (answer.option === 'email') return answered(s, 'email');
    if (answer.option === 'phone') return answered(s, 'phone');
    if (answer.option === 'none') return answered({ ...s, answers: { ...s.answers, contact: { method: 'none' } } });
    return reject('expectChoice');
  },
};

/** The e-mail address, validated. */
export const emailStep: StepDefinition = {
  group: 'contact',
  expects: 'text',
  next: 'summary',
  prompt: () => ({ key: 'askEmail', choices: [{ option: 'other', label: 'otherContactMethod' }] }),
  accept(s, answer) {
    if (answer.kind === 'option') return answer.option === 'other' ? answered(s, 'contactHow') : reject('expectText');
    const value = parseEmail(answer.text);
    return value
      ? answered({ ...s, answers: { ...s.answers, contact: { method: 'email', value } } })
      : reject('badEmail');
  },
};

/** The phone number, validated and stored in international form. */
export const phoneStep: StepDefinition = {
  group: 'contact',
  expects: 'text',
  next: 'summary',
  prompt: () => ({ key: 'askPhone', choices: [{ option: 'other', label: 'otherContactMethod' }] }),
  accept(s, answer) {
    if (answer.kind === 'option') return answer.option === 'other' ? answered(s, 'contactHow') : reject('expectText');
    const value = parsePhone(answer.text);
    return value
      ? answered({ ...s, answers: { ...s.answers, contact: { method: 'phone', value } } })
      : reject('badPhone');
  },
};
