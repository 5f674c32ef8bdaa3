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
      // Fear said now, in a short answer (found by trying it: it got no guidance before).
      'il est revenu devant chez moi j’ai peur',
      'jai peur',
      "I'm scared",
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
      // A long answer that tells of fear is telling the story.
      'Merci pour votre message. J’ai peur de retourner au bar où c’est arrivé, mais je voudrais porter plainte la semaine prochaine avec vous.',
    ])
      expect(answerSaysDanger(text), text).toBe(false);
  });
});
