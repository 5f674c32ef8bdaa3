import { describe, expect, it } from 'vitest';
import { LANGS } from '@relais/core';
import { CATALOGS, type Messages } from './catalog.js';
import { idleState, newReport } from '../flow/flow-state.js';
import type { FlowState, StepName } from '../flow/flow-types.js';
import { promptOf } from '../flow/flow-render.js';
import { STEPS } from '../flow/steps/step-table.js';
import { testContext } from '../flow/testing/flow-driver.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('have, in every language, every section and key of the French catalog, the same placeholders, and no empty text', () => {
    const sections = Object.keys(CATALOGS.fr) as (keyof Messages)[];
    expect(sections).toEqual(
      expect.arrayContaining(['conversation', 'guidance', 'tunnelPage', 'followUpPage', 'directLine']),
    );
    for (const lang of LANGS) {
      expect(Object.keys(CATALOGS[lang]).sort(), lang).toEqual([...sections].sort());
      for (const section of sections) {
        const reference: Readonly<Record<string, string>> = CATALOGS.fr[section];
        const catalog: Readonly<Record<string, string>> = CATALOGS[lang][section];
        expect(Object.keys(catalog).sort(), `${lang} ${section}`).toEqual(Object.keys(reference).sort());
        for (const [key, fr] of Object.entries(reference)) {
          const text = catalog[key] ?? '';
          expect(placeholders(text), `${lang} ${section}.${key}`).toEqual(placeholders(fr));
          expect(fr.trim(), `fr ${section}.${key}`).not.toBe('');
          expect(text.trim(), `${lang} ${section}.${key}`).not.toBe('');
        }
      }
    }
  });

  it('render every question with labelled buttons whose Telegram callback_data fits in 64 bytes, in both languages', () => {
    const ctx = testContext();
    for (const lang of LANGS) {
      const base = newReport(idleState(lang, ctx, true), null, ctx);
      const states: FlowState[] = [];
      for (const name of Object.keys(STEPS) as StepName[]) {
        states.push({
          ...base,
          step: name,
          answers: {
            description: 'x',
            role: 'witness',
            actTypes: ['insult'],
            location: { kind: 'fr', postalCode: '34000' },
          },
        });
        for (const pending of ['cancel', 'restart', 'erase', 'safePlaces'] as const)
          states.push({ ...base, step: name, pending });
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
