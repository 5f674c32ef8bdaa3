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

  it('stays the Telegram receipt when no phrase was issued', () => {
    const d = walkToSummary(new FlowDriver()).tap('send');
    expect(d.seen()).toContain('/suivi');
    expect(d.seen()).not.toContain('phrase secrète');
  });
});
