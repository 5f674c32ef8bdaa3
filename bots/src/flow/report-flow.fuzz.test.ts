import { SeededRandom } from '@relais/core/testing';
import { describe, expect, it } from 'vitest';
import { readFlowState } from './flow-state.js';
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
  it('never throws, always leaves a readable state and a non-empty answer, over 10,000 seeded inputs', () => {
    const rng = new SeededRandom(4);
    const random = () => rng.next();
    const pick = <T>(items: readonly T[]): T => rng.pick(items);
    const ctx = testContext();
    let state: FlowState | null = null;
    let buttons: string[] = [];
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
                        value: pick(['', ':', 'g:', 'g:nothing', 'acts:nothing', 'summary:send', 'm:x']),
                      }
                    : roll < 0.94
                      ? { kind: 'unsupported', ...(random() < 0.5 ? { caption: pick(TEXTS) } : {}) }
                      : { kind: 'edited' };
      const result = step(state, input, ctx);
      if (result.state)
        expect(readFlowState(JSON.parse(JSON.stringify(result.state))), `input #${i}`).toEqual(result.state);
      const shown = result.outputs.filter((o) => o.kind !== 'report-started');
      if (input.kind !== 'choice' || !input.value.startsWith('submitted:'))
        expect(shown.length, `input #${i} ${JSON.stringify(input).slice(0, 80)}`).toBeGreaterThan(0);
      for (const o of result.outputs) if (o.kind === 'message') expect(o.text).not.toMatch(/\{\w+\}|undefined/);
      state = result.state;
      const withButtons = result.outputs.filter((o) => o.kind === 'message' && o.choices?.length).at(-1);
      if (withButtons?.kind === 'message') buttons = withButtons.choices!.map((c) => c.value);
    }
  });
});
