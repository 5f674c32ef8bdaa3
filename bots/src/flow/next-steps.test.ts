import { describe, expect, it } from 'vitest';
import { LANGS } from '@relais/core';
import { translate } from '../i18n/catalog.js';
import type { FlowAnswers } from './flow-types.js';
import { NEXT_STEP_RULES, nextStepsFor } from './next-steps.js';

/** A victim of an insult in the street, complaint intended, no contact: none of the referrals apply. */
const base: FlowAnswers = {
  role: 'victim',
  minor: 'no',
  actTypes: ['insult'],
  location: { kind: 'fr', postalCode: '34000' },
  placeType: 'street',
  complaint: 'intends_to',
  contact: { method: 'none' },
};

/** Each referral: answers where it applies, answers where it does not (close to the first). */
const CASES: readonly { key: string; applies: FlowAnswers; not: FlowAnswers }[] = [
  {
    key: 'nextDefenseurDroits',
    applies: { ...base, actTypes: ['discrimination'], placeType: 'shop_bar_restaurant' },
    not: { ...base, actTypes: ['insult'], placeType: 'shop_bar_restaurant' },
  },
  {
    key: 'nextIgpn',
    applies: { ...base, actTypes: ['physical_violence'], author: 'police' },
    not: { ...base, actTypes: ['physical_violence'], author: 'gendarmerie' },
  },
  {
    key: 'nextIggn',
    applies: { ...base, actTypes: ['physical_violence'], author: 'gendarmerie' },
    not: { ...base, actTypes: ['physical_violence'], author: 'police' },
  },
  {
    key: 'nextLgbtLiaison',
    applies: { ...base, actTypes: ['discrimination'], author: 'police' },
    not: { ...base, actTypes: ['discrimination'], author: 'unsaid' },
  },
  {
    key: 'next3018',
    applies: { ...base, actTypes: ['harassment'], location: { kind: 'online' }, placeType: 'online' },
    not: { ...base, actTypes: ['harassment'], placeType: 'workplace' },
  },
  {
    key: 'nextPharos',
    applies: { ...base, actTypes: ['online_hate'], location: { kind: 'online' }, onlineReach: 'public' },
    not: { ...base, actTypes: ['online_hate'], location: { kind: 'online' }, onlineReach: 'private' },
  },
  {
    key: 'nextOnlineEvidence',
    applies: { ...base, actTypes: ['online_hate'], onlineReach: 'private' },
    not: base,
  },
  {
    key: 'next3919',
    applies: { ...base, actTypes: ['threat'], placeType: 'street', author: 'partner' },
    not: { ...base, actTypes: ['sexual_violence'], placeType: 'family', author: 'other' },
  },
  {
    key: 'nextSexualViolence',
    applies: { ...base, actTypes: ['sexual_violence'], placeType: 'family', author: 'other' },
    not: { ...base, actTypes: ['physical_violence'], placeType: 'family', author: 'other' },
  },
  {
    key: 'next119',
    applies: { ...base, minor: 'yes' },
    not: { ...base, minor: 'unknown' },
  },
  {
    key: 'nextWitness',
    applies: { ...base, role: 'witness' },
    not: base,
  },
  {
    key: 'nextMedical',
    applies: { ...base, actTypes: ['physical_violence'] },
    not: { ...base, role: 'witness', actTypes: ['physical_violence'] },
  },
];

describe('next steps after a report', () => {
  it.each(CASES)('$key: shown where it fits, not otherwise', ({ key, applies, not }) => {
    expect(nextStepsFor(applies)).toContain(key);
    expect(nextStepsFor(not)).not.toContain(key);
  });

  it('tests every referral rule both ways', () => {
    const always = ['nextLgbtLines', 'nextVictimSupport'];
    const complaintAndContact = [
      'nextFiled',
      'nextHowToFile',
      'nextPreComplaint',
      'nextHelpToFile',
      'nextContactLater',
    ];
    const tested = new Set([...CASES.map((c) => c.key), ...always, ...complaintAndContact]);
    expect(NEXT_STEP_RULES.map((r) => r.key).filter((k) => !tested.has(k))).toEqual([]);
  });

  it('gives none of the referrals for an insult in the street, only the complaint and support lines', () => {
    expect(nextStepsFor(base)).toEqual(['nextHowToFile', 'nextPreComplaint', 'nextLgbtLines', 'nextVictimSupport']);
  });

  it('no longer sends every sexual violence or family place to 3919: only violence within a couple', () => {
    expect(nextStepsFor({ ...base, actTypes: ['sexual_violence'] })).not.toContain('next3919');
    expect(nextStepsFor({ ...base, actTypes: ['sexual_violence'] })).toContain('nextSexualViolence');
    expect(nextStepsFor({ ...base, placeType: 'family' })).not.toContain('next3919');
    expect(nextStepsFor({ ...base, placeType: 'home', author: 'partner' })).toContain('next3919');
  });

  it('does not send private messages to Pharos, nor online facts whose reach is unknown', () => {
    const online: FlowAnswers = { ...base, actTypes: ['online_hate'], location: { kind: 'online' } };
    expect(nextStepsFor({ ...online, onlineReach: 'private' })).not.toContain('nextPharos');
    expect(nextStepsFor({ ...online, onlineReach: 'unknown' })).not.toContain('nextPharos');
    expect(nextStepsFor({ ...online, onlineReach: 'private' })).toContain('next3018');
  });

  it.each(LANGS)('gives the verified numbers and addresses in %s', (lang) => {
    const text = (key: Parameters<typeof translate>[1]) => translate(lang, key);
    expect(text('nextDefenseurDroits')).toMatch(/39 28.*https:\/\/www\.defenseurdesdroits\.fr/);
    expect(text('nextIgpn')).toMatch(/IGPN/);
    expect(text('nextIggn')).toMatch(/IGGN/);
    expect(text('nextLgbtLiaison')).toMatch(/FLAG!/);
    expect(text('next3018')).toMatch(/3018.*https:\/\/3018\.fr/);
    expect(text('next3919')).toMatch(/3919/);
    expect(text('nextSexualViolence')).toMatch(/0 800 05 95 95/);
    expect(text('nextPharos')).toMatch(/https:\/\/www\.internet-signalement\.gouv\.fr/);
  });
});
