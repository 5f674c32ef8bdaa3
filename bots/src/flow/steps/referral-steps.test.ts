import { describe, expect, it } from 'vitest';
import { FlowDriver, testContext } from '../testing/flow-driver.js';
import { asksAuthor, asksOnlineReach } from './referral-steps.js';

/** Walks to the description with these acts and this place (a postal code, or `online`), then says "that's all". */
function afterStory(lang: 'fr' | 'en', acts: readonly string[], place: string): FlowDriver {
  const d = new FlowDriver(testContext({ clientLang: lang })).send({ kind: 'start' }).tap('go').tap('victim').tap('no');
  for (const act of acts) d.tap(act);
  d.tap('done').tap('gayphobia').tap('done').tap('today');
  if (place === 'online') d.tap('online');
  else d.text('34000').tap(place);
  return d.text('Il m’a frappé en rentrant.').tap('done');
}

describe('the referral questions after the description', () => {
  it('asks who the author was only where it changes the referrals', () => {
    expect(asksAuthor({ actTypes: ['threat'] })).toBe(true);
    expect(asksAuthor({ actTypes: ['discrimination'] })).toBe(true);
    expect(asksAuthor({ actTypes: ['insult'], placeType: 'home' })).toBe(true);
    expect(asksAuthor({ actTypes: ['insult'], placeType: 'street' })).toBe(false);
    expect(asksAuthor({ actTypes: ['online_hate'], placeType: 'online' })).toBe(false);
  });

  it('asks whether online facts were public only when they were online', () => {
    expect(asksOnlineReach({ location: { kind: 'online' } })).toBe(true);
    expect(asksOnlineReach({ actTypes: ['online_hate'], location: { kind: 'fr', postalCode: '34000' } })).toBe(true);
    expect(asksOnlineReach({ actTypes: ['harassment'], location: { kind: 'fr', postalCode: '34000' } })).toBe(false);
  });

  it('asks the author for violence, accepts "prefer not to say", then the complaint (FR)', () => {
    const d = afterStory('fr', ['physical_violence'], 'street');
    expect(d.texts().at(-1)).toMatch(/Qui était l’auteur·e des faits/);
    expect(d.choices().map((c) => c.label)).toEqual([
      'Un·e policier·e',
      'Un·e gendarme',
      'Mon ou ma partenaire, ou ex',
      'Quelqu’un d’autre',
      'Je préfère ne pas le dire',
    ]);
    d.text('bof');
    expect(d.state?.step).toBe('author');
    d.tap('unsaid');
    expect(d.state).toMatchObject({ step: 'complaint', answers: { author: 'unsaid' } });
  });

  it('points a police officer’s violence to the IGPN and the LGBT+ liaison officers after the receipt (EN)', () => {
    const d = afterStory('en', ['physical_violence'], 'street').tap('police').tap('no').tap('no').tap('send');
    expect(d.seen()).toMatch(/IGPN/);
    expect(d.seen()).toMatch(/LGBT\+ liaison officer/);
    expect(d.seen()).not.toMatch(/IGGN/);
  });

  it('asks public or private for online facts, and gives Pharos only for public content (FR)', () => {
    const d = afterStory('fr', ['online_hate'], 'online');
    expect(d.texts().at(-1)).toMatch(/en public .* ou en messages privés/);
    d.tap('private').tap('no').tap('no').tap('send');
    expect(d.seen()).not.toMatch(/Pharos/);
    expect(d.seen()).toMatch(/3018/);
    const pub = afterStory('fr', ['online_hate'], 'online').tap('public').tap('no').tap('no').tap('send');
    expect(pub.seen()).toMatch(/Pharos/);
  });

  it('asks both for online threats from an ex-partner, and gives 3919 and 3018 (EN)', () => {
    const d = afterStory('en', ['threat', 'online_hate'], 'online');
    expect(d.texts().at(-1)).toMatch(/Who did it/);
    d.tap('partner');
    expect(d.texts().at(-1)).toMatch(/Was it in public/);
    d.tap('private').tap('no').tap('no').tap('send');
    expect(d.seen()).toMatch(/3919/);
    expect(d.seen()).toMatch(/3018/);
  });

  it('asks nothing more for an insult in the street', () => {
    expect(afterStory('fr', ['insult'], 'street').state?.step).toBe('complaint');
  });
});
