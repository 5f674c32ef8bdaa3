import { describe, expect, it } from 'vitest';
import { reportSubmission } from '@relais/core';
import { readFlowState } from './flow-state.js';
import type { FlowEffect, FlowState } from './flow-types.js';
import { COMMAND_NAMES } from './flow-commands.js';
import { step } from './report-flow.js';
import { answerUpToWhere, FlowDriver, testContext, walkToSummary } from './testing/flow-driver.js';
import { SEEN_IN } from './testing/seen-texts.js';

const submitted = (d: FlowDriver) => {
  const effect = d.effects.find((e): e is Extract<FlowEffect, { kind: 'submit' }> => e.kind === 'submit');
  if (!effect) throw new Error('nothing submitted');
  return reportSubmission.parse(effect.submission);
};

describe('the report conversation, in French', () => {
  it('welcomes plainly: automated assistant, no AI decides, what is kept, who sees what, not an emergency service', () => {
    const d = new FlowDriver().send({ kind: 'start' });
    const welcome = d.seen();
    for (const expected of [
      /assistant automatisé/,
      /aucune IA ne décide/,
      /une personne de l’association lit chaque signalement/i,
      /anonymisée/,
      /un an/,
      /17/,
      /112/,
      /SMS au 114/,
    ]) {
      expect(welcome).toMatch(expected);
    }
    expect(d.choices().map((c) => c.label)).toEqual(['Commencer', 'En savoir plus', 'English']);
    expect(d.outputs[0]).toEqual({ kind: 'report-started' });
  });

  it('walks every question to a valid submission tagged with the tunnel, then a receipt and tailored next steps', () => {
    const d = walkToSummary(new FlowDriver(), 'montpellier');
    expect(d.state?.step).toBe('summary');
    const summary = d.seen();
    for (const line of [
      'Je suis victime',
      'Insultes, injures, Menaces',
      'Homophobie (gay)',
      '12 mars 2026',
      '34000 (Montpellier)',
      'Rue, espace public',
      'devant le tram',
      "J'ai l'intention de porter plainte",
      'Par cette conversation',
    ]) {
      expect(summary).toContain(line);
    }
    d.tap('send');
    expect(submitted(d)).toMatchObject({
      tunnel: 'montpellier',
      lang: 'fr',
      reporterRole: 'victim',
      actTypes: ['insult', 'threat'],
      motives: ['gayphobia'],
      occurred: { precision: 'day', date: '2026-03-12' },
      location: { kind: 'fr', postalCode: '34000' },
      placeType: 'street',
      description: 'Deux hommes m’ont insulté devant le tram.',
      complaint: 'intends_to',
      contact: { method: 'chat', address: { channel: 'telegram', chatId: 42 } },
      inDanger: false,
      minorInvolved: false,
    });
    expect(d.seen()).toContain('Votre référence : K7QF-M3XA');
    expect(d.seen()).toMatch(/commissariat ou gendarmerie/);
    expect(d.seen()).toMatch(/pre-plainte-en-ligne\.gouv\.fr/);
    expect(d.seen()).toMatch(/SOS homophobie/);
    expect(d.seen()).not.toMatch(/Pharos|119|3919/);
    expect(d.state).toMatchObject({ step: 'submitted', answers: {} });
  });

  it('offers to delete the conversation after sending, and asks the channel to do it', () => {
    const d = walkToSummary(new FlowDriver()).tap('send');
    expect(d.seen()).toMatch(/effacer toute cette conversation/);
    d.tap('delete');
    expect(d.outputs).toEqual([{ kind: 'delete-messages' }, { kind: 'notice', text: 'Conversation effacée.' }]);
    expect(d.state).toBeNull();
  });

  it('shows the reference the services reserved when the drafted one was taken', () => {
    const d = walkToSummary(new FlowDriver());
    d.respond = () => ({ kind: 'submitted', reference: 'WXYC-3467' });
    expect(d.tap('send').seen()).toContain('WXYC-3467');
  });

  it('ticks and unticks act types in place, and wants at least one', () => {
    const d = new FlowDriver().send({ kind: 'start' }).tap('go').tap('victim').tap('no');
    d.tap('done');
    expect(d.seen()).toMatch(/Choisissez au moins une réponse/);
    d.tap('insult');
    const refreshed = d.outputs.at(-1);
    expect(refreshed).toMatchObject({ kind: 'message', replace: true });
    expect(d.choices().find((c) => c.value === 'acts:insult')?.selected).toBe(true);
    d.tap('insult');
    expect(d.choices().find((c) => c.value === 'acts:insult')?.selected).toBe(false);
    expect(d.state?.answers.actTypes).toEqual([]);
  });

  it('makes "I don\'t know" and "prefer not to say" exclusive among motives', () => {
    const d = new FlowDriver()
      .send({ kind: 'start' })
      .tap('go')
      .tap('witness')
      .tap('unknown')
      .tap('outing')
      .tap('done');
    d.tap('transphobia').tap('lesbophobia');
    expect(d.state?.answers.motives).toEqual(['transphobia', 'lesbophobia']);
    d.tap('unknown');
    expect(d.state?.answers.motives).toEqual(['unknown']);
    d.tap('biphobia');
    expect(d.state?.answers.motives).toEqual(['biphobia']);
    d.tap('prefer_not_to_say');
    expect(d.state?.answers.motives).toEqual(['prefer_not_to_say']);
  });

  it('asks the witness whether the victim was a minor, and points to 119 and the witness advice, not 3919 outside a couple', () => {
    const d = new FlowDriver().send({ kind: 'start' }).tap('go').tap('witness');
    expect(d.seen()).toMatch(/La victime avait-elle moins de 18 ans/);
    d.tap('yes')
      .tap('sexual_violence')
      .tap('done')
      .tap('unknown')
      .tap('done')
      .tap('yesterday')
      .tap('abroad')
      .tap('family');
    d.text('Chez son oncle.').tap('done');
    expect(d.seen()).toMatch(/Qui était l’auteur·e des faits/);
    d.tap('other').tap('no').tap('no').tap('send');
    const submission = submitted(d);
    expect(submission).toMatchObject({
      reporterRole: 'witness',
      minorInvolved: true,
      occurred: { date: '2026-11-21' },
      location: { kind: 'abroad' },
      contact: null,
    });
    expect(d.seen()).toMatch(/119/);
    expect(d.seen()).toMatch(/Vous êtes témoin : vous pouvez témoigner/);
    expect(d.seen()).not.toMatch(/3919/);
    expect(d.seen()).not.toMatch(/pre-plainte/);
  });

  it('changes one answer from the summary and comes back to the summary', () => {
    const d = walkToSummary(new FlowDriver());
    d.tap('edit').tap('where');
    expect(d.seen()).toMatch(/Où cela s’est-il passé/);
    d.text('75011');
    expect(d.seen()).toMatch(/Dans quel type de lieu/);
    d.tap('public_transport');
    expect(d.state?.step).toBe('summary');
    expect(d.seen()).toMatch(/75011 \(Paris\)/);
    d.tap('edit').tap('story').text('Ils m’ont suivi ensuite.').tap('done');
    expect(d.state?.answers.description).toBe('Deux hommes m’ont insulté devant le tram.\n\nIls m’ont suivi ensuite.');
    expect(d.state?.step).toBe('summary');
    d.tap('edit').tap('contact').tap('yes').tap('phone').text('06 12 34 56 78');
    expect(d.state).toMatchObject({
      step: 'summary',
      answers: { contact: { method: 'phone', value: '+33612345678' } },
    });
    d.tap('edit').tap('back');
    expect(d.state?.step).toBe('summary');
  });
});

describe('the report conversation, in English', () => {
  it('speaks the client language and walks an online report with e-mail contact and an approximate month', () => {
    const ctx = testContext({ clientLang: 'en' });
    const d = new FlowDriver(ctx).send({ kind: 'start' });
    expect(d.seen()).toMatch(/automated assistant/);
    expect(d.seen()).toMatch(/no AI decides anything/);
    d.tap('go').tap('victim').tap('unknown').tap('online_hate').tap('done').tap('transphobia').tap('done');
    d.tap('approx');
    expect(d.choices().map((c) => c.label)).toEqual([
      'November 2026',
      'October 2026',
      'September 2026',
      "I don't remember",
    ]);
    d.text('September 2026');
    expect(d.seen()).toMatch(/Where did it happen/);
    d.tap('online');
    expect(d.seen()).toMatch(/Tell what happened/);
    d.text('Hundreds of hateful comments under my post.').tap('done');
    expect(d.seen()).toMatch(/Was it in public/);
    d.tap('public').tap('no').tap('yes').tap('email');
    d.text('not an address');
    expect(d.seen()).toMatch(/does not look valid/);
    d.text(' Camille@Example.ORG ').tap('send');
    expect(submitted(d)).toMatchObject({
      lang: 'en',
      occurred: { precision: 'month', month: '2026-09' },
      location: { kind: 'online' },
      placeType: 'online',
      contact: { method: 'email', value: 'Camille@example.org' },
    });
    expect(d.seen()).toMatch(/Your reference: K7QF-M3XA/);
    expect(d.seen()).toMatch(/Pharos/);
    expect(d.seen()).toMatch(/3018/);
    expect(d.seen()).toMatch(/will contact you/);
  });

  it('switches language with /lang and the welcome button, keeping the draft', () => {
    const d = new FlowDriver().send({ kind: 'start' }).tap('lang-en');
    expect(d.seen()).toMatch(/I will go on in English/);
    expect(d.seen()).toMatch(/automated assistant/);
    d.tap('go').tap('victim');
    d.send({ kind: 'command', name: 'lang' });
    expect(d.choices().map((c) => c.value)).toEqual(['g:lang-fr', 'g:lang-en']);
    d.tap('g:lang-fr');
    expect(d.seen()).toMatch(/Aviez-vous moins de 18 ans/);
    expect(d.state).toMatchObject({ lang: 'fr', langChosen: true, answers: { role: 'victim' } });
    d.send({ kind: 'command', name: 'lang', arg: 'en' });
    expect(d.state?.lang).toBe('en');
  });
});

describe('validation at each question', () => {
  const atWhere = () => answerUpToWhere(new FlowDriver().send({ kind: 'start' }));

  it('refuses a malformed or unknown postal code, keeping the draft, and accepts "34000 Montpellier"', () => {
    const d = atWhere();
    const before = d.state;
    expect(d.text('3400').seen()).toMatch(/5 chiffres/);
    expect(d.text('Corum').seen()).toMatch(/Je ne trouve pas cette commune/);
    expect(d.text('34999').seen()).toMatch(/Je ne connais pas le code postal 34999/);
    expect(d.state).toEqual(before);
    d.text('34000 Montpellier');
    expect(d.state?.answers.location).toEqual({ kind: 'fr', postalCode: '34000' });
  });

  it('refuses an unreadable or future date and says how to write one', () => {
    const d = new FlowDriver()
      .send({ kind: 'start' })
      .tap('go')
      .tap('victim')
      .tap('no')
      .tap('insult')
      .tap('done')
      .tap('unknown')
      .tap('done');
    expect(d.text('la semaine des quatre jeudis').seen()).toMatch(/Je n’ai pas compris cette date/);
    expect(d.text('25/12/2026').seen()).toMatch(/dans le futur/);
    expect(d.state?.step).toBe('when');
    d.text('samedi dernier');
    expect(d.state?.answers.occurred).toEqual({ precision: 'day', date: '2026-11-21' });
  });

  it('refuses a phone number that cannot be one', () => {
    const d = walkToSummary(new FlowDriver()).tap('edit').tap('contact').tap('yes').tap('phone');
    expect(d.text('12').seen()).toMatch(/Ce numéro ne semble pas valide/);
    d.text('+32 470 12 34 56');
    expect(d.state?.answers.contact).toEqual({ method: 'phone', value: '+32470123456' });
  });

  it('does not offer "through this chat" where the channel cannot answer', () => {
    const d = new FlowDriver(testContext({ chatAddress: null })).send({ kind: 'start' });
    expect(d.state?.canChat).toBe(false);
    const how = walkToSummaryWithoutChat(d);
    expect(how.map((c) => c.value)).toEqual(['contactHow:email', 'contactHow:phone', 'contactHow:none']);
  });
});

function walkToSummaryWithoutChat(d: FlowDriver) {
  answerUpToWhere(d).tap('abroad').tap('skip');
  d.text('x').tap('done').tap('no').tap('yes');
  return d.choices();
}

const atStoryStep = (d: FlowDriver) => answerUpToWhere(d.send({ kind: 'start' })).tap('online');

describe.each(SEEN_IN)('danger, at any step ($lang)', ({ lang, t }) => {
  const driver = () => new FlowDriver(testContext({ clientLang: lang }));

  it('gives the emergency guidance at once and asks the same question again, progress kept', () => {
    const d = driver().send({ kind: 'start' }).tap('go').tap('victim');
    const before = d.state!;
    d.text(lang === 'fr' ? 'au secours !' : 'help!');
    expect(d.texts()[0]).toMatch(t.guidance);
    expect(d.seen()).toMatch(t.draftKept);
    expect(d.texts().at(-1)).toMatch(t.askMinor);
    expect(d.state).toEqual({ ...before, inDanger: true, dangerReason: { at: 'minor', via: 'words' } });
    expect(d.choices().map((c) => c.value)).toContain('minor:yes');
  });

  it('does not add a bare call for help to the description, but keeps a story that mentions danger', () => {
    const d = atStoryStep(driver());
    d.text('HELP');
    expect(d.seen()).toMatch(t.guidance);
    expect(d.state?.answers.description).toBeUndefined();
    d.text(t.storyInDanger);
    expect(d.state?.answers.description).toMatch(t.storyInDangerKept);
    expect(d.seen()).not.toMatch(t.guidance);
    d.text(t.shortDanger);
    expect(d.seen()).toMatch(t.guidance);
    expect(d.state?.answers.description).toMatch(new RegExp(`${t.shortDanger}$`));
    d.tap('done').tap('private').tap('no').tap('no').tap('send');
    expect(submitted(d).inDanger).toBe(true);
  });

  it('gives the emergency guidance at once for a photo captioned with a call for help, the draft kept and the question asked again', () => {
    const d = driver().send({ kind: 'start' }).tap('go').tap('victim');
    const before = d.state!;
    d.send({ kind: 'unsupported', caption: lang === 'fr' ? 'Au secours' : 'Help me' });
    expect(d.texts()[0]).toMatch(t.guidance);
    expect(d.texts()[0]).toMatch(t.draftKept);
    expect(d.seen()).toMatch(t.unsupported);
    expect(d.texts().at(-1)).toMatch(t.askMinor);
    expect(d.state).toEqual({ ...before, inDanger: true, dangerReason: { at: 'minor', via: 'words' } });
    d.tap('minor:no');
    expect(d.state).toMatchObject({ step: 'acts', inDanger: true, answers: { role: 'victim', minor: 'no' } });
  });

  it('gives the emergency guidance for a caption that mentions danger, and keeps the caption as description', () => {
    const d = atStoryStep(driver());
    d.send({ kind: 'unsupported', caption: t.captionInDanger });
    expect(d.texts()[0]).toMatch(t.guidance);
    expect(d.seen()).toMatch(t.captionKept);
    expect(d.texts().at(-1)).toMatch(t.askStoryMore);
    expect(d.state).toMatchObject({ step: 'story', inDanger: true, answers: { description: t.captionInDanger } });
    const atRole = driver().send({ kind: 'start' }).tap('go');
    atRole.send({ kind: 'unsupported', caption: `${t.longText} ${t.shortDanger}` });
    expect(atRole.texts()[0]).toMatch(t.guidance);
    expect(atRole.state).toMatchObject({
      step: 'role',
      inDanger: true,
      answers: { description: expect.stringMatching(t.longTextKept) },
    });
  });

  it('gives the emergency guidance for a captioned photo even without a report, keeping only that danger was heard', () => {
    const d = driver().send({ kind: 'unsupported', caption: 'urgence' });
    expect(d.texts()[0]).toMatch(t.guidance);
    expect(d.texts()[0]).not.toMatch(t.draftKept);
    expect(d.state).toMatchObject({
      step: 'idle',
      answers: {},
      inDanger: false,
      dangerReason: { at: 'idle', via: 'words' },
    });
  });

  it('shows the nearest safe places for a postal code with /urgence, then the question again', () => {
    const d = driver().send({ kind: 'start' }).tap('go');
    d.respond = (effect) =>
      effect.kind === 'find-safe-places'
        ? {
            kind: 'safe-places',
            postalCode: effect.postalCode,
            places: [
              {
                name: 'Librairie Exemple',
                address: '1 rue Fictive',
                postalCode: '34000',
                commune: 'Montpellier',
                phone: '04 00 00 00 00',
                hours: 'lun-sam 10h-19h',
              },
            ],
          }
        : { kind: 'failed', effect: effect.kind };
    d.send({ kind: 'command', name: 'urgence' });
    expect(d.texts()[0]).toMatch(t.guidance);
    expect(d.seen()).toMatch(t.askSafePlacesCode);
    expect(d.state?.pending).toBe('safePlaces');
    d.text('34000');
    expect(d.effects.at(-1)).toEqual({ kind: 'find-safe-places', postalCode: '34000' });
    expect(d.seen()).toContain(t.safePlaceLine);
    expect(d.seen()).toMatch(t.askRole);
    d.send({ kind: 'command', name: 'urgence', arg: '75011' });
    expect(d.effects.at(-1)).toEqual({ kind: 'find-safe-places', postalCode: '75011' });
  });

  it('says what to do when no safe place is listed nearby, even without a report', () => {
    const d = driver().send({ kind: 'command', name: 'urgence', arg: '97400' });
    expect(d.seen()).toMatch(t.guidance);
    expect(d.seen()).toMatch(t.noSafePlaces);
    expect(d.state).toMatchObject({ step: 'idle', answers: {}, dangerReason: { at: 'idle', via: 'command' } });
  });
});

describe.each(SEEN_IN)('unexpected input keeps the draft ($lang)', ({ lang, t }) => {
  const ctx = () => testContext({ clientLang: lang });
  const driver = () => new FlowDriver(ctx());

  it('explains what is expected after a sticker, an edit, a stale button or foreign data, at every step', () => {
    const d = walkToSummary(driver());
    const steps: FlowState[] = [];
    const replay = driver();
    replay.send({ kind: 'start' });
    for (const tap of ['go', 'victim', 'no', 'insult', 'done', 'gayphobia', 'done']) {
      steps.push(replay.state!);
      replay.tap(tap);
    }
    steps.push(d.state!);
    for (const state of steps) {
      for (const input of [
        { kind: 'unsupported' },
        { kind: 'edited' },
        { kind: 'choice', value: 'welcome:go' },
        { kind: 'choice', value: '' },
        { kind: 'choice', value: 'g:cancel-yes' },
      ] as const) {
        if (state.step === 'welcome' && input.kind === 'choice' && input.value === 'welcome:go') continue;
        const result = step(state, input, ctx());
        expect(result.state).toEqual(state);
        expect(result.outputs.length).toBeGreaterThan(0);
      }
    }
    expect(step(steps[1]!, { kind: 'unsupported' }, ctx()).outputs[0]).toMatchObject({
      text: expect.stringMatching(t.unsupported),
    });
    expect(step(steps[1]!, { kind: 'choice', value: 'welcome:go' }, ctx()).outputs[0]).toMatchObject({
      text: expect.stringMatching(t.stale),
    });
    expect(step(steps[1]!, { kind: 'edited' }, ctx()).outputs[0]).toMatchObject({
      text: expect.stringMatching(t.edited),
    });
    expect(step(steps[1]!, { kind: 'edited' }, ctx()).outputs.at(-1)).toMatchObject({
      text: expect.stringMatching(t.askRole),
    });
  });

  it('asks for a button when text comes where a choice is expected, and keeps a long text as description', () => {
    const d = driver().send({ kind: 'start' }).tap('go');
    expect(d.text(t.shortAnswer).seen()).toMatch(t.expectChoice);
    d.text(t.longText);
    expect(d.seen()).toMatch(t.keptYourText);
    expect(d.state).toMatchObject({ step: 'role', answers: { description: expect.stringMatching(t.longTextKept) } });
  });

  it('keeps the caption of a photo sent as description', () => {
    const d = atStoryStep(driver());
    d.send({ kind: 'unsupported', caption: t.caption });
    expect(d.seen()).toMatch(t.unsupported);
    expect(d.seen()).toMatch(t.captionKept);
    expect(d.state?.answers.description).toBe(t.caption);
  });

  it('after 24 hours (no draft), a tap or a word says there is no report in progress', () => {
    const tap = step(null, { kind: 'choice', value: 'summary:send' }, ctx());
    expect(tap.state).toBeNull();
    expect(tap.outputs[0]).toMatchObject({ text: expect.stringMatching(t.expired), choices: [{ value: 'g:start' }] });
    const hello = driver().text(t.hello);
    expect(hello.seen()).toMatch(t.notStarted);
    hello.tap('g:start');
    expect(hello.state).toMatchObject({ step: 'welcome', lang });
  });

  it('starts a report from a long first message without losing it', () => {
    const d = driver().text(t.firstMessage);
    expect(d.state).toMatchObject({
      step: 'welcome',
      lang,
      answers: { description: expect.stringMatching(t.firstMessageKept) },
    });
    expect(d.seen()).toMatch(t.keptYourText);
  });
});

describe.each(SEEN_IN)('commands ($lang)', ({ lang, t, other }) => {
  const driver = () => new FlowDriver(testContext({ clientLang: lang }));

  it('/cancel asks before throwing answers away; /start over a draft asks whether to start again', () => {
    const d = driver().send({ kind: 'start' }).tap('go').tap('victim');
    d.send({ kind: 'command', name: 'cancel' });
    expect(d.seen()).toMatch(t.cancelConfirm);
    d.tap('cancel-no');
    expect(d.state).toMatchObject({ step: 'minor', pending: null, answers: { role: 'victim' } });
    expect(d.seen()).toMatch(t.askMinor);
    d.send({ kind: 'start', payload: 'other' });
    expect(d.seen()).toMatch(t.restartConfirm);
    d.tap('restart-continue');
    expect(d.state?.answers.role).toBe('victim');
    d.send({ kind: 'start' }).tap('restart-new');
    expect(d.state).toMatchObject({ step: 'welcome', answers: {} });
    d.tap('go').tap('victim').send({ kind: 'command', name: 'cancel' }).tap('cancel-yes');
    expect(d.seen()).toMatch(t.cancelled);
    expect(d.state).toBeNull();
    expect(d.effects.some((e) => e.kind === 'submit')).toBe(false);
  });

  it('/help lists the commands under their names in the language, and the emergency numbers, then the question again', () => {
    const d = driver().send({ kind: 'command', name: 'help' });
    for (const command of Object.values(COMMAND_NAMES[lang]).filter((name) => name !== COMMAND_NAMES[lang].help))
      expect(d.seen()).toContain(`/${command}`);
    expect(d.seen()).toMatch(t.helpDanger);
    d.send({ kind: 'start' }).tap('go').send({ kind: 'command', name: 'help' });
    expect(d.texts().at(-1)).toMatch(t.askRole);
  });

  it(`/lang ${other.lang} switches language mid-report, keeping the draft`, () => {
    const d = driver().send({ kind: 'start' }).tap('go').tap('victim');
    d.send({ kind: 'command', name: 'lang', arg: other.lang });
    expect(d.seen()).toMatch(other.t.langSet);
    expect(d.texts().at(-1)).toMatch(other.t.askMinor);
    expect(d.state).toMatchObject({ step: 'minor', lang: other.lang, langChosen: true, answers: { role: 'victim' } });
    d.send({ kind: 'command', name: 'lang' });
    expect(d.choices().map((c) => c.label)).toEqual(['Français', 'English']);
    d.tap(`g:lang-${lang}`);
    expect(d.seen()).toMatch(t.langSet);
    expect(d.state?.lang).toBe(lang);
  });

  it('/suivi lists my reports with their status', () => {
    const d = driver();
    d.respond = () => ({
      kind: 'my-reports',
      reports: [{ reference: 'K7QF-M3XA', status: 'in_review', submittedAt: new Date('2026-11-20T08:00:00Z') }],
    });
    d.send({ kind: 'command', name: 'suivi' });
    expect(d.seen()).toContain(t.myReport);
    d.respond = () => ({ kind: 'my-reports', reports: [] });
    expect(d.send({ kind: 'command', name: 'suivi' }).seen()).toMatch(t.noReports);
  });

  it('/supprimer asks for confirmation, then requests erasure and drops the draft', () => {
    const d = driver().send({ kind: 'start' }).tap('go').tap('victim');
    d.send({ kind: 'command', name: 'supprimer' });
    expect(d.seen()).toMatch(t.eraseConfirm);
    d.tap('erase-no');
    expect(d.seen()).toMatch(t.eraseCancelled);
    expect(d.effects).toEqual([]);
    expect(d.state?.answers.role).toBe('victim');
    d.send({ kind: 'command', name: 'supprimer' }).tap('erase-yes');
    expect(d.effects).toEqual([{ kind: 'erase-my-reports' }]);
    expect(d.seen()).toMatch(t.eraseRequested);
    expect(d.state).toBeNull();
  });

  it('/urgence gives the emergency guidance and asks where the person is', () => {
    const d = driver().send({ kind: 'start' }).tap('go').tap('victim');
    d.send({ kind: 'command', name: 'urgence' });
    expect(d.texts()[0]).toMatch(t.guidance);
    expect(d.texts().at(-1)).toMatch(t.askSafePlacesCode);
    d.tap('g:urg-back');
    expect(d.texts().at(-1)).toMatch(t.askMinor);
    expect(d.state).toMatchObject({ step: 'minor', pending: null, answers: { role: 'victim' } });
  });

  it('answers an unknown command without touching the draft', () => {
    const d = driver().send({ kind: 'start' }).tap('go');
    const before = d.state;
    expect(d.send({ kind: 'command', name: 'unknown' }).seen()).toMatch(t.unknownCommand);
    expect(d.state).toEqual(before);
  });

  it('drops a malformed tunnel without telling the person anything alarming', () => {
    const d = driver().send({ kind: 'start', payload: 'bad tunnel!' });
    expect(d.state?.tunnel).toBeNull();
    expect(d.seen()).not.toMatch(/erreur|error|invalid/i);
    expect(driver().send({ kind: 'start', payload: 'a'.repeat(65) }).state?.tunnel).toBeNull();
  });
});

describe.each(SEEN_IN)('when an effect fails ($lang)', ({ lang, t }) => {
  const failing = () =>
    new FlowDriver(testContext({ clientLang: lang }), (effect) => ({ kind: 'failed', effect: effect.kind }));

  it('keeps the draft and the summary when sending fails, and sends the same report id on retry', () => {
    const d = walkToSummary(failing());
    d.tap('send');
    expect(d.seen()).toMatch(t.submitFailed);
    expect(d.state?.step).toBe('summary');
    const firstId = submitted(d).id;
    d.respond = (effect) =>
      effect.kind === 'submit'
        ? { kind: 'submitted', reference: effect.submission.reference }
        : { kind: 'erasure-requested' };
    d.tap('send');
    expect(
      d.effects.filter((e) => e.kind === 'submit').map((e) => (e.kind === 'submit' ? e.submission.id : '')),
    ).toEqual([firstId, firstId]);
    expect(d.state?.step).toBe('submitted');
  });

  it('says safe places could not be looked up, gives the numbers, and asks the question again', () => {
    const d = failing().send({ kind: 'start' }).tap('go').tap('victim');
    d.send({ kind: 'command', name: 'urgence', arg: '34000' });
    expect(d.seen()).toMatch(t.safePlacesFailed);
    expect(d.seen()).toMatch(/17, 112/);
    expect(d.texts().at(-1)).toMatch(t.askMinor);
    expect(d.state?.answers.role).toBe('victim');
  });

  it('says my reports could not be looked up, and asks the question again', () => {
    const d = failing().send({ kind: 'start' }).tap('go');
    d.send({ kind: 'command', name: 'suivi' });
    expect(d.seen()).toMatch(t.myReportsFailed);
    expect(d.texts().at(-1)).toMatch(t.askRole);
  });

  it('says the erasure failed and keeps the draft, so it can be asked again', () => {
    const d = failing().send({ kind: 'start' }).tap('go').tap('victim');
    d.send({ kind: 'command', name: 'supprimer' }).tap('erase-yes');
    expect(d.effects).toEqual([{ kind: 'erase-my-reports' }]);
    expect(d.seen()).toMatch(t.eraseFailed);
    expect(d.state).toMatchObject({ step: 'minor', pending: null, answers: { role: 'victim' } });
  });
});

describe('stored state', () => {
  it('is plain JSON that reads back identically, and a draft of another shape reads as absent', () => {
    const d = walkToSummary(new FlowDriver());
    expect(readFlowState(JSON.parse(JSON.stringify(d.state)))).toEqual(d.state);
    expect(
      readFlowState({
        v: 1,
        step: 'description',
        lang: 'en',
        tunnel: 't',
        reportId: 'x',
        reference: 'K7QF-M3XA',
        answers: { actTypes: ['insult'], postalCode: '34000' },
      }),
    ).toBeNull();
    expect(readFlowState({ v: 3 })).toBeNull();
    expect(readFlowState({ ...d.state, step: 'nowhere' })).toBeNull();
  });
});
