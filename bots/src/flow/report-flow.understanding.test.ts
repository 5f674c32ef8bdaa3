import { describe, expect, it } from 'vitest';
import { reportSubmission } from '@relais/core';
import { FlowDriver, testContext } from './testing/flow-driver.js';

/** What each language types, and what it reads back. Today is Sunday 22 November 2026, 11:00 in Paris. */
const LANGS = [
  {
    lang: 'fr',
    victim: ['Je suis victime', 'victime', 'VICTIME', 'victme', '1'],
    witness: ['témoin', 'Temoin', '2'],
    no: 'non',
    notedRole: /^Noté : Je suis victime\.$/,
    twoActs: 'insultes, menaces',
    twoActsCodes: ['insult', 'threat'],
    notedActs: /Noté : Insultes, injures, Menaces\. Ajoutez-en/,
    confirm: 'valider',
    ambiguous: 'violences',
    whichOne: /Laquelle voulez-vous dire : Violences physiques ou Violences sexuelles \?/,
    lastNight: 'hier soir vers 22h',
    lastSaturday: 'samedi dernier vers minuit',
    notedNight: 'Noté : le 21 novembre vers 22 h.',
    notedSaturday: 'Noté : le 21 novembre vers minuit.',
    notedPlace: 'Noté : le 21 novembre vers 22 h, 34070 Montpellier.',
    askCode: /Montpellier a plusieurs codes postaux/,
    dontKnow: 'je ne sais pas',
    notACommune: /Je ne trouve pas cette commune.*Montpellier.*34000/s,
    placeDontKnow: /le nom de la commune suffit/,
    summaryWhen: 'Quand : 21 novembre 2026 vers 22 h',
    cancelWord: 'annuler',
    cancelConfirm: /Annuler ce signalement \?/,
    yes: 'oui',
    cancelled: /Signalement annulé/,
    expect: /Je n’ai pas compris\. Choisissez une des réponses proposées/,
    typedOnly: [
      'oui',
      'victime',
      'non',
      '1 et 3',
      'valider',
      'homophobie',
      'ok',
      'hier soir vers 22h',
      'Montpellier',
      '34090',
      'rue',
      'Deux hommes m’ont insulté devant le tram.',
      'c’est tout',
      'quelqu’un d’autre',
      'non',
      'non',
      'envoyer',
    ],
  },
  {
    lang: 'en',
    victim: ['I am the victim', 'victim', 'Victim', 'victm', '1'],
    witness: ['witness', 'Witnes', '2'],
    no: 'no',
    notedRole: /^Noted: I am the victim\.$/,
    twoActs: 'threats and insults',
    twoActsCodes: ['threat', 'insult'],
    notedActs: /Noted: Threats, Insults, verbal abuse\. Add more/,
    confirm: 'confirm',
    ambiguous: 'violence',
    whichOne: /Which one do you mean: Physical violence or Sexual violence\?/,
    lastNight: 'last night around 10 pm',
    lastSaturday: 'last saturday around midnight',
    notedNight: 'Noted: 21 November around 10 pm.',
    notedSaturday: 'Noted: 21 November around midnight.',
    notedPlace: 'Noted: 21 November around 10 pm, 34070 Montpellier.',
    askCode: /Montpellier has several postal codes/,
    dontKnow: "I don't know",
    notACommune: /I cannot find that town.*Montpellier.*34000/s,
    placeDontKnow: /the name of the town is enough/,
    summaryWhen: 'When: 21 November 2026 around 10 pm',
    cancelWord: 'cancel',
    cancelConfirm: /Cancel this report\?/,
    yes: 'yes',
    cancelled: /Nothing was sent/,
    expect: /I did not understand\. Choose one of the answers offered/,
    typedOnly: [
      'yes',
      'victim',
      'no',
      '1 and 3',
      'confirm',
      'homophobia',
      'done',
      'last night around 10 pm',
      'montpellier',
      '34090',
      'street',
      'Two men insulted me in front of the tram.',
      "that's all",
      'someone else',
      'no',
      'no',
      'send',
    ],
  },
] as const;

/** The first paragraph of the turn's first message: what the flow says it understood. */
const noteOf = (d: FlowDriver) => d.texts()[0]?.split('\n\n')[0];

describe.each(LANGS)('typed answers ($lang)', (t) => {
  const driver = (payload?: string) =>
    new FlowDriver(testContext({ clientLang: t.lang })).send(payload ? { kind: 'start', payload } : { kind: 'start' });
  const atActs = () => driver().tap('go').tap('victim').tap('no');
  const atWhen = () => atActs().tap('insult').tap('done').tap('gayphobia').tap('done');
  const atWhere = (payload?: string) =>
    (payload ? driver(payload).tap('go').tap('victim').tap('no') : atActs())
      .tap('insult')
      .tap('done')
      .tap('gayphobia')
      .tap('done')
      .text(t.lastNight);

  it('takes the label, a short word, a typo or the number of a button, and says back what it understood', () => {
    for (const typed of t.victim) {
      const d = driver().tap('go').text(typed);
      expect(d.state, typed).toMatchObject({ step: 'minor', answers: { role: 'victim' } });
      expect(noteOf(d)).toMatch(t.notedRole);
    }
    for (const typed of t.witness) expect(driver().tap('go').text(typed).state?.answers.role, typed).toBe('witness');
    expect(driver().tap('go').tap('victim').text(t.no).state).toMatchObject({ step: 'acts', answers: { minor: 'no' } });
  });

  it('ticks several answers typed at once, never unticks, and goes on when told to', () => {
    const d = atActs().text(t.twoActs);
    expect(d.state).toMatchObject({ step: 'acts', answers: { actTypes: t.twoActsCodes } });
    expect(d.seen()).toMatch(t.notedActs);
    expect(d.outputs.some((o) => o.kind === 'message' && o.replace)).toBe(false);
    d.text('1 et 3');
    expect(d.state?.answers.actTypes).toEqual(t.twoActsCodes);
    d.text(t.confirm);
    expect(d.state?.step).toBe('motives');
  });

  it('goes on after "I don\'t know" typed at the motives, which excludes every other answer', () => {
    const d = atActs().tap('insult').tap('done').text(t.dontKnow);
    expect(d.state).toMatchObject({ step: 'when', answers: { motives: ['unknown'] } });
  });

  it('takes a whole report typed, without a single tap', () => {
    const d = driver();
    for (const typed of t.typedOnly) {
      const before = d.state;
      d.text(typed);
      expect(d.state, `"${typed}" at ${before?.step}`).not.toEqual(before);
    }
    expect(d.state?.step).toBe('submitted');
    const sent = d.effects.find((e) => e.kind === 'submit');
    expect(sent?.kind === 'submit' && reportSubmission.parse(sent.submission)).toMatchObject({
      reporterRole: 'victim',
      minorInvolved: false,
      actTypes: ['insult', 'threat'],
      motives: ['gayphobia'],
      occurred: { precision: 'day', date: '2026-11-21', time: '22:00' },
      location: { kind: 'fr', postalCode: '34090' },
      placeType: 'street',
      complaint: 'no',
      contact: null,
    });
  });

  it('asks "which one?" when a word fits several buttons, keeping the draft', () => {
    const d = atActs();
    const before = d.state;
    d.text(t.ambiguous);
    expect(d.seen()).toMatch(t.whichOne);
    expect(d.state).toEqual(before);
  });

  it('still asks for an answer when the text names no button', () => {
    const d = driver().tap('go');
    const before = d.state;
    expect(d.text('blablabla').seen()).toMatch(t.expect);
    expect(d.state).toEqual(before);
  });

  it('reads a date with its time, says it back, and sends the time with the report', () => {
    const d = atWhen().text(t.lastNight);
    expect(d.state).toMatchObject({
      step: 'where',
      answers: { occurred: { precision: 'day', date: '2026-11-21', time: '22:00' } },
    });
    expect(noteOf(d)).toBe(t.notedNight);
    const saturday = atWhen().text(t.lastSaturday);
    expect(saturday.state?.answers.occurred).toEqual({ precision: 'day', date: '2026-11-21', time: '00:00' });
    expect(noteOf(saturday)).toBe(t.notedSaturday);
  });

  it('turns a commune name into its postal codes to choose from, then says back the date and the place', () => {
    const d = atWhere().text('Montpellier');
    expect(d.state?.step).toBe('commune');
    expect(d.seen()).toMatch(t.askCode);
    expect(d.choices().map((c) => c.label.slice(0, 5))).toEqual([
      '34000',
      '34070',
      '34080',
      '34090',
      expect.any(String),
    ]);
    d.tap('pc-34070-34172');
    expect(d.state).toMatchObject({ step: 'place', answers: { location: { kind: 'fr', postalCode: '34070' } } });
    expect(d.state).not.toHaveProperty('placeChoices');
    expect(noteOf(d)).toBe(t.notedPlace);
    expect(d.texts()).toHaveLength(1); // one message: what was understood, then the next question
  });

  it('accepts "I don\'t know" which code, and a code or another name typed at that question', () => {
    expect(atWhere().text('Montpellier').text(t.dontKnow).state?.answers.location).toEqual({
      kind: 'fr',
      postalCode: '34000',
    });
    expect(atWhere().text('Montpellier').text('2').state?.answers.location).toEqual({
      kind: 'fr',
      postalCode: '34070',
    });
    expect(atWhere().text('Montpellier').text('Sète').state?.answers.location).toEqual({
      kind: 'fr',
      postalCode: '34200',
    });
  });

  it('offers the near names of a misspelt commune', () => {
    const d = atWhere().text('montpelier');
    expect(d.state?.step).toBe('commune');
    expect(d.choices().map((c) => c.label)).toEqual(
      expect.arrayContaining(['34000 Montpellier (34)', '26120 Montélier (26)']),
    );
    expect(d.choices().some((c) => c.value === 'commune:unknown')).toBe(false);
  });

  it('answers a place that is not a commune, or "I don\'t know", with what is expected, keeping the draft', () => {
    const d = atWhere();
    const before = d.state;
    expect(d.text('Corum').seen()).toMatch(t.notACommune);
    expect(d.text(t.dontKnow).seen()).toMatch(t.placeDontKnow);
    expect(d.state).toEqual(before);
    expect(d.text('au Corum à Montpellier').state?.step).toBe('commune');
  });

  it('asks for the code of a commune with too many for buttons, and takes it typed', () => {
    const d = atWhere().text('Paris');
    expect(d.seen()).toMatch(/75001.*75116/);
    expect(d.choices().map((c) => c.value)).toEqual(['commune:unknown']);
    d.text('75011');
    expect(d.state).toMatchObject({ step: 'place', answers: { location: { kind: 'fr', postalCode: '75011' } } });
  });

  it('says back the commune of a postal code typed with words, not of a bare code', () => {
    expect(noteOf(atWhere().text('34000 Montpellier'))).toMatch(/34000 Montpellier\.$/);
    expect(atWhere().text('34 000').texts()).toEqual([expect.not.stringMatching(/^Not/)]);
  });

  it('offers the commune of a partner tunnel as a shortcut', () => {
    const d = atWhere('montpellier');
    expect(d.choices()[0]?.label).toBe('Montpellier');
    d.tap('tunnel');
    expect(d.state?.step).toBe('commune');
    d.tap('pc-34090-34172');
    expect(d.state?.answers.location).toEqual({ kind: 'fr', postalCode: '34090' });
    expect(
      atWhere()
        .choices()
        .map((c) => c.value),
    ).toEqual(['where:online', 'where:abroad']);
  });

  it('shows the time in the summary and sends it', () => {
    const d = atWhere().text('34000').tap('street').text('Des insultes devant le tram.').tap('done');
    d.tap('intends_to').tap('no');
    expect(d.seen()).toContain(t.summaryWhen);
    d.tap('send');
    const sent = d.effects.find((e) => e.kind === 'submit');
    expect(sent?.kind === 'submit' && reportSubmission.parse(sent.submission).occurred).toEqual({
      precision: 'day',
      date: '2026-11-21',
      time: '22:00',
    });
  });

  it('finds the safe places near a commune named instead of its postal code', () => {
    const d = atActs().send({ kind: 'command', name: 'urgence' }).text('Sète');
    expect(d.effects.at(-1)).toEqual({ kind: 'find-safe-places', postalCode: '34200' });
    expect(d.state).toMatchObject({ step: 'acts', pending: null });
  });

  it('asks before discarding when "cancel" is typed over answers, and answers the question typed', () => {
    const d = atActs().text(t.cancelWord);
    expect(d.seen()).toMatch(t.cancelConfirm);
    d.text(t.no);
    expect(d.state).toMatchObject({ step: 'acts', pending: null, answers: { role: 'victim', minor: 'no' } });
    d.text(t.cancelWord).text(t.yes);
    expect(d.seen()).toMatch(t.cancelled);
    expect(d.state).toBeNull();
    expect(d.effects.some((e) => e.kind === 'submit')).toBe(false);
  });
});
