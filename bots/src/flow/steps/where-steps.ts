import { PLACE_TYPES } from '@relais/core';
import { parsePostalCode } from '../validators/postal-code-answer.js';
import { answered, findCode, reject, taxonomyChoices, type StepDefinition } from './step-definition.js';

/** Where: a known French postal code, or "online", or "outside France". */
export const whereStep: StepDefinition = {
  group: 'where',
  expects: 'either',
  next: 'place',
  prompt: () => ({
    key: 'askWhere',
    choices: [
      { option: 'online', label: 'whereOnline' },
      { option: 'abroad', label: 'whereAbroad' },
    ],
  }),
  accept(s, answer) {
    if (answer.kind === 'option') {
      if (answer.option === 'online') {
        // Online facts have no kind of place to ask for.
        return answered(
          { ...s, answers: { ...s.answers, location: { kind: 'online' }, placeType: 'online' } },
          'story',
        );
      }
      if (answer.option === 'abroad')
        return answered({ ...s, answers: { ...s.answers, location: { kind: 'abroad' } } });
      return reject('expectChoiceOrText');
    }
    const parsed = parsePostalCode(answer.text);
    if (!parsed.ok)
      return parsed.reason === 'unknown'
        ? reject('unknownPostalCode', { postalCode: parsed.postalCode })
        : reject('badPostalCode');
    return answered({ ...s, answers: { ...s.answers, location: { kind: 'fr', postalCode: parsed.postalCode } } });
  },
};

/** The kind of place, or "prefer not to say". */
export const placeStep: StepDefinition = {
  group: 'where',
  expects: 'choice',
  next: 'story',
  prompt: () => ({
    key: 'askPlace',
    choices: [...taxonomyChoices(PLACE_TYPES), { option: 'skip', label: 'preferNotToSay' }],
  }),
  accept(s, answer) {
    if (answer.kind !== 'option') return reject('expectChoice');
    if (answer.option === 'skip') return answered({ ...s, answers: { ...s.answers, placeType: null } });
    const placeType = findCode(PLACE_TYPES, answer.option);
    return placeType ? answered({ ...s, answers: { ...s.answers, placeType } }) : reject('expectChoice');
  },
};
