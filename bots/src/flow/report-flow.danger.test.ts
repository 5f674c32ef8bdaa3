import { describe, expect, it } from 'vitest';
import type { FlowInput, StepName } from './flow-types.js';
import { dangerMomentOf } from './danger-moment.js';
import { STEPS } from './steps/step-table.js';
import { FlowDriver, testContext } from './testing/flow-driver.js';
import { SEEN_IN } from './testing/seen-texts.js';

type Walk = (d: FlowDriver) => FlowDriver;

const STORY = 'Deux hommes m’ont insulté devant le tram.';

const atWelcome: Walk = (d) => d.send({ kind: 'start' });
const atRole: Walk = (d) => atWelcome(d).tap('go');
const atMinor: Walk = (d) => atRole(d).tap('victim');
/** At the act types, "insult" already ticked. */
const atActs: Walk = (d) => atMinor(d).tap('no').tap('insult');
/** At the motives, "gayphobia" already ticked. */
const atMotives: Walk = (d) => atActs(d).tap('done').tap('gayphobia');
const atWhen: Walk = (d) => atMotives(d).tap('done');
const atMonth: Walk = (d) => atWhen(d).tap('approx');
const atWhere: Walk = (d) => atWhen(d).tap('today');
const atPlace: Walk = (d) => atWhere(d).text('34000');
/** At the choice of Montpellier's postal codes. */
const atCommune: Walk = (d) => atWhere(d).text('Montpellier');
/** At the description, one message already written. */
const atStory: Walk = (d) => atPlace(d).tap('street').text(STORY);
const atComplaint: Walk = (d) => atStory(d).tap('done');
/** At the referral question on the author (asked for threats). */
const atAuthor: Walk = (d) =>
  atMinor(d)
    .tap('no')
    .tap('threat')
    .tap('done')
    .tap('gayphobia')
    .tap('done')
    .tap('today')
    .text('34000')
    .tap('street')
    .text(STORY)
    .tap('done');
/** At the question whether online facts were public (asked for online hate). */
const atOnlineReach: Walk = (d) =>
  atMinor(d)
    .tap('no')
    .tap('online_hate')
    .tap('done')
    .tap('gayphobia')
    .tap('done')
    .tap('today')
    .tap('online')
    .text(STORY)
    .tap('done');
const atContact: Walk = (d) => atComplaint(d).tap('intends_to');
const atContactHow: Walk = (d) => atContact(d).tap('yes');
const atEmail: Walk = (d) => atContactHow(d).tap('email');
const atPhone: Walk = (d) => atContactHow(d).tap('phone');
const atSummary: Walk = (d) => atContactHow(d).tap('chat');
const atEdit: Walk = (d) => atSummary(d).tap('edit');
const atSubmitted: Walk = (d) => atSummary(d).tap('send');

const choice = (value: string): FlowInput => ({ kind: 'choice', value });
const text = (value: string): FlowInput => ({ kind: 'text', text: value });

/** Every step a person can be on, how to get there, and a valid answer there with where it leads (null: nothing kept). */
const CASES: readonly { step: StepName; walk: Walk; answer: FlowInput; then: StepName | null }[] = [
  { step: 'idle', walk: (d) => d, answer: { kind: 'start' }, then: 'welcome' },
  { step: 'welcome', walk: atWelcome, answer: choice('welcome:go'), then: 'role' },
  { step: 'role', walk: atRole, answer: choice('role:victim'), then: 'minor' },
  { step: 'minor', walk: atMinor, answer: choice('minor:no'), then: 'acts' },
  { step: 'acts', walk: atActs, answer: choice('acts:done'), then: 'motives' },
  { step: 'motives', walk: atMotives, answer: choice('motives:done'), then: 'when' },
  { step: 'when', walk: atWhen, answer: choice('when:yesterday'), then: 'where' },
  { step: 'month', walk: atMonth, answer: text('09/2026'), then: 'where' },
  { step: 'where', walk: atWhere, answer: text('34000'), then: 'place' },
  { step: 'commune', walk: atCommune, answer: choice('commune:pc-34070-34172'), then: 'place' },
  { step: 'place', walk: atPlace, answer: choice('place:street'), then: 'story' },
  { step: 'story', walk: atStory, answer: choice('story:done'), then: 'complaint' },
  { step: 'author', walk: atAuthor, answer: choice('author:other'), then: 'complaint' },
  { step: 'onlineReach', walk: atOnlineReach, answer: choice('onlineReach:public'), then: 'complaint' },
  { step: 'complaint', walk: atComplaint, answer: choice('complaint:intends_to'), then: 'contact' },
  { step: 'contact', walk: atContact, answer: choice('contact:yes'), then: 'contactHow' },
  { step: 'contactHow', walk: atContactHow, answer: choice('contactHow:chat'), then: 'summary' },
  { step: 'email', walk: atEmail, answer: text('camille@example.org'), then: 'summary' },
  { step: 'phone', walk: atPhone, answer: text('06 12 34 56 78'), then: 'summary' },
  { step: 'summary', walk: atSummary, answer: choice('summary:send'), then: 'submitted' },
  { step: 'edit', walk: atEdit, answer: choice('edit:back'), then: 'summary' },
  { step: 'submitted', walk: atSubmitted, answer: choice('submitted:keep'), then: null },
];

/** The word of danger typed in each language. */
const WORDS = { fr: 'au secours', en: 'help' } as const;

describe('a word of danger at every step', () => {
  it('covers every step of the conversation', () => {
    expect(CASES.map((c) => c.step).sort()).toEqual(Object.keys(STEPS).sort());
  });

  describe.each(SEEN_IN)('in $lang', ({ lang, t: { guidance, draftKept } }) => {
    const word = WORDS[lang];
    it.each(CASES)(
      `"${word}" on $step: emergency guidance at once, same step, answers kept, the next answer still works`,
      ({ step, walk, answer, then }) => {
        const d = walk(new FlowDriver(testContext({ clientLang: lang })));
        const before = d.state;
        expect(before?.step ?? 'idle').toBe(step);
        // The question as asked again: without what the flow said it understood above it ("Noté : …").
        const question = d
          .texts()
          .at(-1)
          ?.replace(/^Not(?:é :|ed:) [^\n]*\n\n/, '');
        const inReport = step !== 'idle' && step !== 'submitted';

        d.text(word);
        expect(d.texts()[0]).toMatch(guidance);
        if (inReport) {
          expect(d.texts()[0]).toMatch(draftKept);
          expect(d.texts().at(-1)).toBe(question);
          expect(d.state).toEqual({
            ...before,
            inDanger: true,
            dangerReason: { at: dangerMomentOf(step), via: 'words' },
          });
        } else {
          // Outside a report nothing is marked, but the danger is remembered for a report started next.
          expect(d.state).toEqual({ ...(before ?? d.state), dangerReason: { at: step, via: 'words' } });
          expect(d.state?.inDanger).toBe(before?.inDanger ?? false);
        }

        d.send(answer);
        expect(d.state?.step ?? null).toBe(then);
        if (then === 'submitted') {
          const sent = d.effects.find((e) => e.kind === 'submit');
          expect(sent?.kind === 'submit' && sent.submission).toMatchObject({
            lang,
            inDanger: true,
            actTypes: ['insult'],
            motives: ['gayphobia'],
            description: STORY,
          });
        } else if (inReport) {
          expect(d.state).toMatchObject({ lang, inDanger: true, answers: before!.answers });
        } else if (then) {
          expect(d.state?.lang).toBe(lang);
        }
      },
    );
  });
});

/** What a frightened person types, at any step: each must bring the guidance first and keep the draft. */
const TYPED = {
  fr: ["j'ai peur il est encore là", 'jai peur', 'il me suit', 'aide', 'urgence', 'sos'],
  en: ["I'm scared, he is still here", "he's still here", 'help me pls', 'sos'],
} as const;

describe('danger typed as people type it, at every step', () => {
  describe.each(SEEN_IN)('in $lang', ({ lang, t: { guidance } }) => {
    const cases = CASES.flatMap((c) => TYPED[lang].map((typed) => ({ ...c, typed })));
    it.each(cases)(
      '"$typed" on $step: emergency guidance first, same step, draft kept and marked in danger',
      ({ step, walk, typed }) => {
        const d = walk(new FlowDriver(testContext({ clientLang: lang })));
        const before = d.state;
        const inReport = step !== 'idle' && step !== 'submitted';

        d.text(typed);
        expect(d.texts()[0]).toMatch(guidance);
        expect(d.state?.step ?? 'idle').toBe(before?.step ?? 'idle');
        if (inReport) {
          expect(d.state?.inDanger).toBe(true);
          if (step !== 'story') expect(d.state?.answers).toEqual(before!.answers);
        }
      },
    );
  });

  it('a long description telling a past danger is kept as the story, without the emergency guidance', () => {
    const d = atPlace(new FlowDriver(testContext({ clientLang: 'fr' }))).tap('street');
    const story =
      "Samedi soir deux hommes m'ont suivi depuis la gare jusqu'au tram, j'avais peur, ils criaient des insultes et l'un m'a poussé contre la vitre.";
    d.text(story);
    expect(d.state).toMatchObject({ step: 'story', answers: { description: story } });
    expect(d.state?.inDanger).toBeFalsy();
  });

  it('a long description saying the aggressor is still there brings the guidance first and keeps the text', () => {
    const d = atPlace(new FlowDriver(testContext({ clientLang: 'fr' }))).tap('street');
    const story =
      "Deux hommes m'ont insulté et poussé à la sortie du bar, je me suis réfugié dans une pharmacie et il est encore là dehors.";
    d.text(story);
    expect(d.texts()[0]).toMatch(SEEN_IN[0].t.guidance);
    expect(d.state).toMatchObject({ step: 'story', inDanger: true, answers: { description: story } });
  });
});
