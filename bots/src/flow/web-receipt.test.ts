import { describe, expect, it } from 'vitest';
import { FlowDriver, testContext, walkToSummary } from './testing/flow-driver.js';

describe('the receipt of a web report', () => {
  it('gives the reference and the secret phrase of the follow-up page, once', () => {
    const d = new FlowDriver(
      testContext({ channel: 'webchat', chatAddress: { channel: 'webchat', inbox: 'i'.repeat(64) } }),
      (effect) =>
        effect.kind === 'submit'
          ? {
              kind: 'submitted',
              reference: effect.submission.reference,
              followUpPhrase: 'piano koala tango canal salsa',
            }
          : { kind: 'erasure-requested' },
    );
    walkToSummary(d).tap('send');
    expect(d.seen()).toContain('Votre référence : K7QF-M3XA');
    expect(d.seen()).toContain('Votre phrase secrète : piano koala tango canal salsa');
    expect(d.seen()).toContain('Suivre mon signalement');
    expect(JSON.stringify(d.state)).not.toContain('piano koala');
  });

  it('on Telegram, a phrase (e-mail re-contact) comes with the follow-up page’s address, in French and English', () => {
    const url = 'https://relais.example.org/report/follow?lang=';
    for (const [lang, phrase, hint, status] of [
      [
        'fr',
        'Votre phrase secrète : piano koala tango canal salsa',
        'Si l’association vous écrit, un e-mail',
        '/suivi',
      ],
      [
        'en',
        'Your secret phrase: piano koala tango canal salsa',
        'If the association writes to you, an e-mail',
        '/status',
      ],
    ] as const) {
      const d = new FlowDriver(testContext({ clientLang: lang }), (effect) =>
        effect.kind === 'submit'
          ? {
              kind: 'submitted',
              reference: effect.submission.reference,
              followUpPhrase: 'piano koala tango canal salsa',
              followUpUrl: `${url}${lang}`,
            }
          : { kind: 'erasure-requested' },
      );
      walkToSummary(d).tap('send');
      const receipt = d.texts()[0] ?? '';
      expect(receipt).toContain('K7QF-M3XA');
      expect(receipt).toContain(phrase);
      expect(receipt).toContain(hint);
      expect(receipt).toContain(`\n${url}${lang}\n`);
      expect(receipt).toContain(status);
      // No web wording: there is no "Follow my report" link in a Telegram chat.
      expect(receipt).not.toMatch(/Suivre mon signalement|Follow my report/);
      expect(JSON.stringify(d.state)).not.toContain('piano koala');
      // Deleting the conversation would delete the phrase's only copy: the offer says to note it first.
      expect(d.texts().at(-1)).toMatch(/votre référence et votre phrase secrète|reference and secret phrase/);
    }
  });

  it('a later report without phrase no longer asks to note a phrase before deleting', () => {
    let phrase = true;
    const d = new FlowDriver(testContext(), (effect) =>
      effect.kind === 'submit'
        ? {
            kind: 'submitted',
            reference: effect.submission.reference,
            ...(phrase ? { followUpPhrase: 'piano koala tango canal salsa', followUpUrl: 'https://r.example/x' } : {}),
          }
        : { kind: 'erasure-requested' },
    );
    walkToSummary(d).tap('send');
    expect(d.texts().at(-1)).toMatch(/Notez d’abord votre référence et votre phrase secrète/);
    phrase = false;
    walkToSummary(d).tap('send');
    expect(d.texts().at(-1)).toMatch(/Notez d’abord votre référence\. /);
  });

  it('stays the Telegram receipt when no phrase was issued', () => {
    const d = walkToSummary(new FlowDriver()).tap('send');
    expect(d.seen()).toContain('/suivi');
    expect(d.seen()).not.toContain('phrase secrète');
  });
});
