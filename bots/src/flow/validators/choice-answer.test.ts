import { ACT_TYPES, MOTIVES, REPORTER_ROLES } from '@relais/core';
import { describe, expect, it } from 'vitest';
import { matchChoice, type ChoiceCandidate } from './choice-answer.js';

const taxonomy = (
  step: string,
  entries: readonly { code: string; labels: { fr: string; en: string } }[],
  lang: 'fr' | 'en',
) => entries.map((e): ChoiceCandidate => ({ value: `${step}:${e.code}`, label: e.labels[lang] }));

describe.each(['fr', 'en'] as const)('matchChoice (%s buttons)', (lang) => {
  const roles = taxonomy('role', REPORTER_ROLES, lang);
  const acts = [
    ...taxonomy('acts', ACT_TYPES, lang),
    { value: 'acts:done', label: lang === 'fr' ? 'Valider ✔' : 'Confirm ✔' },
  ];
  const yesNo: ChoiceCandidate[] = [
    { value: 'minor:yes', label: lang === 'fr' ? 'Oui' : 'Yes' },
    { value: 'minor:no', label: lang === 'fr' ? 'Non' : 'No' },
    { value: 'minor:unknown', label: lang === 'fr' ? 'Je ne sais pas' : "I don't know" },
  ];

  it('reads the exact label, a short word in either language, a number, whatever the case, accents and typos', () => {
    for (const typed of [roles[0]!.label, 'victime', 'VICTIME', 'victim', 'victme', '1', ' 1. '])
      expect(matchChoice(typed, roles), typed).toEqual({ kind: 'one', value: 'role:victim' });
    for (const typed of [roles[1]!.label, 'témoin', 'temoin', 'Témoins', 'witness', 'witnes', '2'])
      expect(matchChoice(typed, roles), typed).toEqual({ kind: 'one', value: 'role:witness' });
    for (const [typed, value] of [
      ['oui', 'minor:yes'],
      ['Yes', 'minor:yes'],
      ['non', 'minor:no'],
      ['nope', 'minor:no'],
      ['je sais pas', 'minor:unknown'],
      ["i don't know", 'minor:unknown'],
      ['3', 'minor:unknown'],
    ])
      expect(matchChoice(typed!, yesNo), typed).toEqual({ kind: 'one', value });
  });

  it('takes several answers on a question that takes several, but not on others', () => {
    const several = (typed: string) => matchChoice(typed, acts, { several: true });
    expect(several('1 et 3')).toEqual({ kind: 'many', values: ['acts:insult', 'acts:threat'] });
    expect(several('1, 3')).toEqual({ kind: 'many', values: ['acts:insult', 'acts:threat'] });
    expect(several('1 3')).toEqual({ kind: 'many', values: ['acts:insult', 'acts:threat'] });
    expect(several('insultes, menaces')).toEqual({ kind: 'many', values: ['acts:insult', 'acts:threat'] });
    expect(several('threats and insults')).toEqual({ kind: 'many', values: ['acts:threat', 'acts:insult'] });
    expect(several(acts[0]!.label)).toEqual({ kind: 'one', value: 'acts:insult' });
    expect(several('valider')).toEqual({ kind: 'one', value: 'acts:done' });
    expect(matchChoice('1 et 3', roles)).toEqual({ kind: 'none' });
  });

  it('with exactOnly, takes only a whole label or synonym', () => {
    expect(matchChoice('victime', roles, { exactOnly: true })).toEqual({ kind: 'one', value: 'role:victim' });
    for (const typed of ['1', 'victme', 'suis victime'])
      expect(matchChoice(typed, roles, { exactOnly: true })).toEqual({ kind: 'none' });
  });

  it('says a text fits several buttons, rather than guessing', () => {
    const answer = matchChoice(lang === 'fr' ? 'violences' : 'violence', acts);
    expect(answer).toEqual({ kind: 'ambiguous', values: ['acts:physical_violence', 'acts:sexual_violence'] });
  });

  it('names no button for other text, a number out of the list, or a sentence', () => {
    for (const typed of ['', '   ', '12', '0', 'bonjour', "j'ai peur il est encore là", 'x'.repeat(300)])
      expect(matchChoice(typed, roles), typed).toEqual({ kind: 'none' });
    expect(matchChoice('je suis', roles)).toEqual({ kind: 'none' });
  });

  it('leaves politeness aside, and takes no everyday word for an answer', () => {
    const contact: ChoiceCandidate[] = [
      { value: 'contact:yes', label: lang === 'fr' ? 'Oui' : 'Yes' },
      { value: 'contact:no', label: lang === 'fr' ? 'Non, merci' : 'No, thank you' },
    ];
    expect(matchChoice('oui merci', contact)).toEqual({ kind: 'one', value: 'contact:yes' });
    expect(matchChoice('yes please', contact)).toEqual({ kind: 'one', value: 'contact:yes' });
    expect(matchChoice('non merci', contact)).toEqual({ kind: 'one', value: 'contact:no' });
    expect(matchChoice('2 svp', contact)).toEqual({ kind: 'one', value: 'contact:no' });
    for (const typed of ['merci', 'thanks', 'bonjour', 'je ne comprends pas', 'quoi ?', 'hello', 'il m’a frappé'])
      expect(matchChoice(typed, [...contact, ...acts]), typed).toEqual({ kind: 'none' });
  });

  it('reads motives by their usual word', () => {
    const motives = taxonomy('motives', MOTIVES, lang);
    expect(matchChoice('homophobie', motives)).toEqual({ kind: 'one', value: 'motives:gayphobia' });
    expect(matchChoice('transphobia', motives)).toEqual({ kind: 'one', value: 'motives:transphobia' });
    expect(matchChoice('je ne sais pas', motives)).toEqual({ kind: 'one', value: 'motives:unknown' });
  });
});
