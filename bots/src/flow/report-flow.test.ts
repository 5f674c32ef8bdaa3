import { describe, expect, it } from 'vitest';
import { reportSubmission } from '@relais/core';
import type { FlowContext, FlowInput, FlowOutput, FlowState } from './flow-types.js';
import { step } from './report-flow.js';

const ctx: FlowContext = {
  now: new Date('2026-11-22T10:00:00Z'),
  channel: 'telegram',
  reporterKey: null,
  newId: () => '7d1f2c9e-4b1a-4c2e-9f0a-1b2c3d4e5f60',
  newReference: () => 'K7QF-M3XA',
};

function run(inputs: FlowInput[]): { state: FlowState | null; outputs: FlowOutput[] } {
  let state: FlowState | null = null;
  let outputs: FlowOutput[] = [];
  for (const input of inputs) {
    const result = step(state, input, ctx);
    state = result.state;
    outputs = [...result.outputs];
  }
  return { state, outputs };
}

const texts = (outputs: FlowOutput[]) => outputs.flatMap((o) => (o.kind === 'message' ? [o.text] : []));

describe('report flow', () => {
  it('walks from /start with a tunnel to a valid submission and a receipt', () => {
    const { state, outputs } = run([
      { kind: 'start', payload: 'montpellier' },
      { kind: 'choice', value: 'insult' },
      { kind: 'text', text: ' 34 000 ' },
      { kind: 'text', text: 'Insultes devant le tram.' },
      { kind: 'choice', value: 'yes' },
    ]);
    expect(state).toBeNull();
    const submit = outputs[0];
    expect(submit?.kind).toBe('submit');
    if (submit?.kind !== 'submit') return;
    expect(reportSubmission.parse(submit.submission)).toMatchObject({
      tunnel: 'montpellier',
      actTypes: ['insult'],
      location: { kind: 'fr', postalCode: '34000' },
      description: 'Insultes devant le tram.',
    });
    expect(texts(outputs)[0]).toContain('K7QF-M3XA');
  });

  it('keeps the draft and says what is expected when a postal code is wrong', () => {
    const before = run([{ kind: 'start' }, { kind: 'choice', value: 'threat' }]).state!;
    const result = step(before, { kind: 'text', text: 'Montpellier' }, ctx);
    expect(result.state).toEqual(before);
    expect(texts([...result.outputs])[0]).toMatch(/code postal français à 5 chiffres/);
  });

  it('asks for a button when text comes where a choice is expected, and for text after a sticker', () => {
    const started = run([{ kind: 'start' }]).state!;
    expect(texts([...step(started, { kind: 'text', text: 'hello' }, ctx).outputs])[0]).toMatch(/boutons/);
    const atCode = step(started, { kind: 'choice', value: 'insult' }, ctx).state!;
    const afterSticker = step(atCode, { kind: 'unsupported' }, ctx);
    expect(afterSticker.state).toEqual(atCode);
    expect(texts([...afterSticker.outputs])[0]).toMatch(/message écrit/);
  });

  it('drops a malformed tunnel without telling the person anything alarming', () => {
    const { state, outputs } = run([{ kind: 'start', payload: 'bad tunnel!' }]);
    expect(state?.tunnel).toBeNull();
    expect(texts(outputs).join(' ')).not.toMatch(/erreur|error|invalid/i);
  });

  it('speaks English when the client is in English', () => {
    const { outputs } = run([{ kind: 'start', lang: 'en' }]);
    expect(texts(outputs)[0]).toMatch(/automated assistant/);
  });

  it('cancels without submitting', () => {
    const { state, outputs } = run([{ kind: 'start' }, { kind: 'cancel' }]);
    expect(state).toBeNull();
    expect(outputs.some((o) => o.kind === 'submit')).toBe(false);
  });
});
