import { SeededRandom } from '@relais/core/testing';
import { describe, expect, it } from 'vitest';
import { hasAnswers, readFlowState } from './flow-state.js';
import type { EffectResult, FlowInput, FlowState } from './flow-types.js';
import { step } from './report-flow.js';
import { testContext } from './testing/flow-driver.js';

const TEXTS = [
  '34000',
  '99999',
  'hier',
  '12/13/2025',
  'a@b.fr',
  '06 12 34 56 78',
  'au secours',
  'help',
  '',
  ' ',
  'x'.repeat(25_000),
  'Une histoire assez longue pour être gardée comme description.',
  // Typed instead of tapped: labels, short words, numbers, several answers, confirmations.
  'Je suis victime',
  'victime',
  'témoin',
  'witness',
  'oui',
  'non',
  'yes',
  '1',
  '2',
  '3',
  '12',
  '1 et 3',
  'insultes, menaces',
  'violences',
  'valider',
  "c'est tout",
  'je ne sais pas',
  "I don't know",
  // Communes and places that are not.
  'Montpellier',
  'montpelier',
  'Saint-Denis',
  'Saint-Denis 93',
  'Paris',
  'Corum',
  'au Corum à Montpellier',
  // Dates and times as people write them.
  'hier soir vers 22h',
  'samedi dernier vers minuit',
  'il y a 3 jours',
  'la nuit du 12 au 13',
  'last saturday around midnight',
  '3 days ago',
  'aujourd’hui vers 23h',
  'vers 22h',
  // Commands typed as words.
  'annuler',
  'cancel',
  'menu',
  'suivi',
];
const COMMANDS = ['help', 'cancel', 'lang', 'urgence', 'suivi', 'supprimer', 'unknown'] as const;
const RESULTS: EffectResult[] = [
  { kind: 'submitted', reference: 'WXYC-3467' },
  { kind: 'failed', effect: 'submit' },
  { kind: 'safe-places', postalCode: '34000', places: [] },
  { kind: 'my-reports', reports: [] },
  { kind: 'erasure-requested' },
];

describe('the pure flow under random input', () => {
  it('never throws, never loses the draft, always leaves a readable state and a non-empty answer, over 10,000 seeded inputs', () => {
    const rng = new SeededRandom(4);
    const random = () => rng.next();
    const pick = <T>(items: readonly T[]): T => rng.pick(items);
    const telegram = testContext();
    const web = testContext({
      channel: 'webchat',
      clientLang: 'en',
      chatAddress: { channel: 'webchat', inbox: 'i'.repeat(32) },
    });
    let state: FlowState | null = null;
    let buttons: string[] = [];
    const reached = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const roll = random();
      const input: FlowInput =
        roll < 0.5 && buttons.length
          ? { kind: 'choice', value: pick(buttons) }
          : roll < 0.65
            ? { kind: 'text', text: pick(TEXTS) }
            : roll < 0.72
              ? { kind: 'command', name: pick(COMMANDS), ...(random() < 0.3 ? { arg: pick(TEXTS) } : {}) }
              : roll < 0.76
                ? { kind: 'start', ...(random() < 0.5 ? { payload: pick(['montpellier', 'bad slug', '']) } : {}) }
                : roll < 0.82
                  ? { kind: 'result', result: pick(RESULTS) }
                  : roll < 0.88
                    ? {
                        kind: 'choice',
                        value: pick([
                          '',
                          ':',
                          'g:',
                          'g:nothing',
                          'acts:nothing',
                          'summary:send',
                          'm:x',
                          'commune:pc-00000-00000',
                          'commune:unknown',
                          'where:tunnel',
                        ]),
                      }
                    : roll < 0.94
                      ? { kind: 'unsupported', ...(random() < 0.5 ? { caption: pick(TEXTS) } : {}) }
                      : { kind: 'edited' };
      const ctx = i % 1000 < 500 ? telegram : web;
      const result = step(state, input, ctx);
      // Never loses the draft: only a confirmed cancel, restart or erasure (or sending) drops answers.
      const typed =
        input.kind === 'text' || input.kind === 'unsupported' || input.kind === 'edited' || input.kind === 'command';
      if (typed && state && hasAnswers(state) && !['cancel', 'restart', 'erase'].includes(state.pending ?? '')) {
        expect(result.state, `input #${i} ${JSON.stringify(input).slice(0, 80)}`).not.toBeNull();
        expect(Object.keys(result.state!.answers), `input #${i}`).toEqual(
          expect.arrayContaining(Object.keys(state.answers)),
        );
      }
      if (result.state)
        expect(readFlowState(JSON.parse(JSON.stringify(result.state))), `input #${i}`).toEqual(result.state);
      const shown = result.outputs.filter((o) => o.kind !== 'report-started');
      if (input.kind !== 'choice' || !input.value.startsWith('submitted:'))
        expect(shown.length, `input #${i} ${JSON.stringify(input).slice(0, 80)}`).toBeGreaterThan(0);
      for (const o of result.outputs) if (o.kind === 'message') expect(o.text).not.toMatch(/\{\w+\}|undefined/);
      state = result.state;
      if (state) reached.add(state.step);
      if (state?.answers.occurred?.precision === 'day' && state.answers.occurred.time) reached.add('a time');
      if (state?.answers.actTypes && state.answers.actTypes.length > 1) reached.add('several acts');
      const withButtons = result.outputs.filter((o) => o.kind === 'message' && o.choices?.length).at(-1);
      if (withButtons?.kind === 'message') buttons = withButtons.choices!.map((c) => c.value);
    }
    // The walk does reach what typed answers lead to.
    expect([...reached]).toEqual(expect.arrayContaining(['commune', 'place', 'summary', 'a time', 'several acts']));
  });
});
