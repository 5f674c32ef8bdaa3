import { describe, expect, it } from 'vitest';
import { LANGS } from '@relais/core';
import { CATALOGS } from './catalog.js';
import { idleState, newReport } from './flow-state.js';
import type { FlowState, StepName } from './flow-types.js';
import { promptOf } from './flow-render.js';
import { STEPS } from './steps/step-table.js';
import { testContext } from './testing/flow-driver.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('have the same keys and placeholders in French and English, and no empty text', () => {
    expect(Object.keys(CATALOGS.en).sort()).toEqual(Object.keys(CATALOGS.fr).sort());
    for (const [key, fr] of Object.entries(CATALOGS.fr)) {
      const en = CATALOGS.en[key as keyof typeof CATALOGS.en];
      expect(placeholders(en), key).toEqual(placeholders(fr));
      expect(fr.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
    }
  });

  it('render every question with labelled buttons whose Telegram callback_data fits in 64 bytes, in both languages', () => {
    const ctx = testContext();
    for (const lang of LANGS) {
      const base = newReport(idleState(lang, ctx, true), null, ctx);
      const states: FlowState[] = [];
      for (const name of Object.keys(STEPS) as StepName[]) {
        states.push({ ...base, step: name, answers: { description: 'x', role: 'witness', actTypes: ['insult'], location: { kind: 'fr', postalCode: '34000' } } });
        for (const pending of ['cancel', 'restart', 'erase', 'safePlaces'] as const) states.push({ ...base, step: name, pending });
      }
      for (const state of states) {
        const prompt = promptOf(state, ctx);
        if (prompt.kind !== 'message') throw new Error('a prompt is a message');
        expect(prompt.text.length).toBeGreaterThan(0);
        expect(prompt.text).not.toMatch(/\{\w+\}/);
        for (const choice of prompt.choices ?? []) {
          expect(Buffer.byteLength(`c:${choice.value}`), choice.value).toBeLessThanOrEqual(64);
          expect(choice.label.length).toBeGreaterThan(0);
        }
      }
    }
  });
});
