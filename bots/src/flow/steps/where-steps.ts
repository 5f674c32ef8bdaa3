import { PLACE_TYPES, communesNamed, postalPlace, type ReportLocation } from '@relais/core';
import type { FlowContext, FlowState } from '../flow-types.js';
import { notedWhen, notedWhere } from '../summary.js';
import { todayInFrance } from '../validators/calendar.js';
import { MAX_COMMUNE_CHOICES, parsePlace, type CommuneCode } from '../validators/commune-answer.js';
import {
  answered,
  findCode,
  reject,
  taxonomyChoices,
  type Accepted,
  type ChoiceSpec,
  type Prompt,
  type StepDefinition,
} from './step-definition.js';

type PlaceChoice = NonNullable<FlowState['placeChoices']>[number];

/** The commune a partner tunnel is named after ("montpellier", "sete-agglo" → Sète), or undefined. */
function tunnelCommune(tunnel: string | null): CommuneCode[] | undefined {
  if (!tunnel) return undefined;
  const words = tunnel.toLowerCase().split(/[-_]+/);
  for (let n = words.length; n > 0; n--) {
    const [only, ...others] = communesNamed(words.slice(0, n).join(' '), false);
    if (only && others.length === 0)
      return only.postalCodes.map((postalCode) => ({
        postalCode,
        insee: only.insee,
        name: only.name,
        departement: only.departement,
      }));
  }
  return undefined;
}

/** The location stored, with what the flow understood said back ("Noté : le 1er décembre vers 22 h, 34000 Montpellier."). */
function located(s: FlowState, postalCode: string, insee: string | undefined, ctx: FlowContext): Accepted {
  const { placeChoices: _done, ...rest } = s;
  const location: ReportLocation = { kind: 'fr', postalCode };
  const where = notedWhere(s.lang, location, insee);
  const occurred = s.answers.occurred;
  const value =
    occurred === undefined || occurred === null
      ? where
      : `${notedWhen(s.lang, occurred, todayInFrance(ctx.now))}, ${where}`;
  return answered({ ...rest, answers: { ...s.answers, location } }, 'place', [
    { key: 'noted', params: { value }, withPrompt: true },
  ]);
}

/** Communes to choose from: one code is an answer; several are asked at the `commune` step. */
function chooseAmong(s: FlowState, codes: readonly CommuneCode[], ctx: FlowContext): Accepted {
  const [first] = codes;
  if (first && codes.length === 1) return located(s, first.postalCode, first.insee, ctx);
  const placeChoices = codes.map(({ postalCode, insee }) => ({ postalCode, insee }));
  return { kind: 'next', state: { ...s, placeChoices }, to: 'commune' };
}

/** A typed place: a postal code, a commune name (→ its codes), "je ne sais pas", or what is expected. */
function typedPlace(s: FlowState, text: string, ctx: FlowContext): Accepted {
  const place = parsePlace(text);
  switch (place.kind) {
    case 'code':
      // Only the code, as asked: nothing was interpreted, nothing to say back (the summary names the commune).
      return /^[\d\s.]+$/.test(text.trim())
        ? answered({ ...s, answers: { ...s.answers, location: { kind: 'fr', postalCode: place.postalCode } } })
        : located(s, place.postalCode, undefined, ctx);
    case 'unknownCode':
      return reject('unknownPostalCode', { postalCode: place.postalCode });
    case 'communes':
      return chooseAmong(s, place.codes, ctx);
    case 'tooMany':
      return reject('tooManyCommunes', { commune: place.name });
    case 'dontKnow':
      return reject('placeDontKnow');
    case 'notFound':
      return reject(/\d/.test(text) ? 'badPostalCode' : 'notACommune');
  }
}

/** Where: a French postal code or commune, "online", "outside France"; on a partner tunnel, its commune first. */
export const whereStep: StepDefinition = {
  group: 'where',
  expects: 'either',
  next: 'place',
  prompt: (s) => {
    const commune = tunnelCommune(s.tunnel)?.[0]?.name;
    return {
      key: 'askWhere',
      choices: [
        ...(commune ? [{ option: 'tunnel', label: { literal: commune } }] : []),
        { option: 'online', label: 'whereOnline' },
        { option: 'abroad', label: 'whereAbroad' },
      ],
    };
  },
  accept(s, answer, ctx) {
    if (answer.kind === 'text') return typedPlace(s, answer.text, ctx);
    if (answer.option === 'online') {
      // Online facts have no kind of place to ask for.
      return answered({ ...s, answers: { ...s.answers, location: { kind: 'online' }, placeType: 'online' } }, 'story');
    }
    if (answer.option === 'abroad') return answered({ ...s, answers: { ...s.answers, location: { kind: 'abroad' } } });
    const tunnel = answer.option === 'tunnel' ? tunnelCommune(s.tunnel) : undefined;
    return tunnel ? chooseAmong(s, tunnel, ctx) : reject('expectChoiceOrText');
  },
};

function communeOf(choice: PlaceChoice): { name: string; departement: string } {
  const place = postalPlace(choice.postalCode);
  return {
    name: place?.communes.find((c) => c.insee === choice.insee)?.name ?? choice.postalCode,
    departement: place?.departement ?? '',
  };
}

/** Which postal code (of one commune) or which commune (of several with one name). */
export const communeStep: StepDefinition = {
  group: 'where',
  expects: 'either',
  next: 'place',
  prompt: (s): Prompt => {
    const all = s.placeChoices ?? [];
    const oneCommune = new Set(all.map((c) => c.insee)).size <= 1;
    const name = all[0] ? communeOf(all[0]).name : '';
    // Paris, Marseille, Lyon: too many codes for buttons; the person types theirs.
    if (oneCommune && all.length > MAX_COMMUNE_CHOICES)
      return {
        key: 'askCommuneCodeTyped',
        params: { commune: name, count: String(all.length), first: all[0]!.postalCode, last: all.at(-1)!.postalCode },
        choices: [{ option: 'unknown', label: 'communeDontKnow' }],
      };
    const choices = all.slice(0, MAX_COMMUNE_CHOICES);
    const buttons: ChoiceSpec[] = choices.map((c) => {
      const commune = communeOf(c);
      const label = oneCommune
        ? `${c.postalCode} ${commune.name}`
        : `${c.postalCode} ${commune.name} (${commune.departement})`;
      return { option: `pc-${c.postalCode}-${c.insee}`, label: { literal: label } };
    });
    return {
      key: oneCommune ? 'askCommuneCode' : 'askWhichCommune',
      params: { commune: name },
      choices: [
        ...buttons,
        ...(oneCommune && choices.length ? [{ option: 'unknown', label: 'communeDontKnow' as const }] : []),
      ],
    };
  },
  accept(s, answer, ctx) {
    if (answer.kind === 'text') return typedPlace(s, answer.text, ctx);
    const choices = s.placeChoices ?? [];
    // Not knowing which code of one commune: its first code still places the facts in that commune.
    if (answer.option === 'unknown' && choices[0] && new Set(choices.map((c) => c.insee)).size === 1)
      return located(s, choices[0].postalCode, choices[0].insee, ctx);
    const chosen = choices.find((c) => answer.option === `pc-${c.postalCode}-${c.insee}`);
    return chosen ? located(s, chosen.postalCode, chosen.insee, ctx) : reject('expectChoiceOrText');
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
