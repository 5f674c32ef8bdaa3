import { describe, expect, it } from 'vitest';
import { answerSaysDanger } from './answer-danger.js';

describe('answerSaysDanger', () => {
  it('hears a present danger or a bare call for help in an answer to the association, in French and English', () => {
    for (const text of [
      'il est encore là devant chez moi',
      'jai peur il me suit',
      'aide',
      'sos',
      "he's still here",
      'help me pls',
      'Au secours, il est encore là devant ma porte',
    ])
      expect(answerSaysDanger(text), text).toBe(true);
  });

  it('does not take an ordinary answer, or a past danger told in it, for a call for help now', () => {
    for (const text of [
      'Merci. Je suis disponible le soir.',
      'Oui, hier.',
      'Il m’a suivi jusqu’au tram ce soir-là, mais je ne l’ai plus revu.',
      'J’avais peur de porter plainte, maintenant ça va.',
      'Sorry for the late answer, I was away.',
      'I would like help to file a complaint next week.',
    ])
      expect(answerSaysDanger(text), text).toBe(false);
  });
});
