import { describe, expect, it } from 'vitest';
import type { ReportSubmission } from '@relais/core';
import { readFlowState } from './flow-state.js';
import { FlowDriver, testContext, walkToSummary } from './testing/flow-driver.js';

const submitted = (d: FlowDriver): ReportSubmission => {
  const effect = d.effects.findLast((e) => e.kind === 'submit');
  if (effect?.kind !== 'submit') throw new Error('nothing was submitted');
  return effect.submission;
};

const atActs = (lang: 'fr' | 'en' = 'fr') =>
  new FlowDriver(testContext({ clientLang: lang })).send({ kind: 'start' }).tap('go').tap('victim').tap('no');

/** From the act types to the summary, insult in the street. */
const finish = (d: FlowDriver) =>
  d
    .tap('acts:insult')
    .tap('acts:done')
    .tap('gayphobia')
    .tap('done')
    .tap('today')
    .text('34000')
    .tap('street')
    .text('Insulté devant le tram.')
    .tap('done')
    .tap('no')
    .tap('no');

describe('why a report was marked in danger', () => {
  it('records the question being asked and that danger words were heard, and sends it with the report', () => {
    const d = atActs().text('il est encore là');
    expect(d.state).toMatchObject({ inDanger: true, dangerReason: { at: 'acts', via: 'words' } });
    finish(d).tap('send');
    expect(submitted(d)).toMatchObject({ inDanger: true, dangerReason: { at: 'acts', via: 'words' } });
  });

  it('never puts the words themselves in the reason', () => {
    const d = atActs('en').text("help me pls he's still here");
    expect(JSON.stringify(d.state?.dangerReason)).not.toMatch(/help|still/);
  });

  it('tells the /urgence command from the "Urgence" button, with the same guidance', () => {
    const command = atActs().send({ kind: 'command', name: 'urgence' });
    expect(command.state?.dangerReason).toEqual({ at: 'acts', via: 'command' });
    // The widget's header button is not among the question's buttons: the channel sends its choice as is.
    const button = atActs().send({ kind: 'choice', value: 'g:urgence' });
    expect(button.state?.dangerReason).toEqual({ at: 'acts', via: 'button' });
    expect(button.texts()[0]).toBe(command.texts()[0]);
    expect(button.state?.pending).toBe('safePlaces');
  });

  it('records the description when a present danger is told in it, the text kept', () => {
    const d = walkToSummary(new FlowDriver()).tap('edit').tap('story');
    d.text("Ils m'ont suivi et il est encore là devant la porte de l'immeuble, je n'ose pas sortir.");
    expect(d.state).toMatchObject({ inDanger: true, dangerReason: { at: 'story', via: 'words' } });
  });

  it('keeps the first reason when danger is heard again later in the same report', () => {
    const d = atActs().text('au secours');
    d.tap('acts:insult').tap('acts:done').send({ kind: 'command', name: 'urgence' });
    expect(d.state?.dangerReason).toEqual({ at: 'acts', via: 'words' });
  });

  it('carries a danger heard before the report into the report started next ("idle")', () => {
    const d = new FlowDriver().text('sos').send({ kind: 'start' }).tap('go').tap('victim').tap('no');
    finish(d).tap('send');
    expect(submitted(d)).toMatchObject({ inDanger: true, dangerReason: { at: 'idle', via: 'words' } });
  });

  it('carries a danger heard after a receipt into the next report only, as "submitted"', () => {
    const d = finish(atActs()).tap('send');
    expect(submitted(d).inDanger).toBe(false);
    expect(submitted(d).dangerReason).toBeUndefined();
    d.send({ kind: 'command', name: 'urgence' });
    d.send({ kind: 'start' }).tap('go').tap('victim').tap('no');
    finish(d).tap('send');
    expect(submitted(d)).toMatchObject({ inDanger: true, dangerReason: { at: 'submitted', via: 'command' } });
  });

  it('does not carry the reason of a report already sent into the next one', () => {
    const d = new FlowDriver().text('sos').send({ kind: 'start' }).tap('go').tap('victim').tap('no');
    finish(d).tap('send');
    expect(submitted(d).dangerReason).toEqual({ at: 'idle', via: 'words' });
    d.send({ kind: 'start' }).tap('go').tap('victim').tap('no');
    finish(d).tap('send');
    expect(submitted(d).inDanger).toBe(false);
    expect(submitted(d).dangerReason).toBeUndefined();
  });

  it('sends no reason for a report without danger, nor after a cancelled one', () => {
    const d = atActs().text('urgence').send({ kind: 'command', name: 'cancel' }).tap('g:cancel-yes');
    d.send({ kind: 'start' }).tap('go').tap('victim').tap('no');
    finish(d).tap('send');
    expect(submitted(d).inDanger).toBe(false);
    expect(submitted(d).dangerReason).toBeUndefined();
  });

  it('still reads a stored draft from before reasons were kept, and a reason it has', () => {
    const d = atActs().text('au secours');
    const { dangerReason, ...older } = d.state!;
    expect(readFlowState(JSON.parse(JSON.stringify(older)))).toEqual(older);
    expect(readFlowState(JSON.parse(JSON.stringify(d.state)))?.dangerReason).toEqual(dangerReason);
    expect(readFlowState({ ...d.state, dangerReason: { at: 'acts', via: 'il me suit' } })).toBeNull();
  });
});
