import { describe, expect, it } from 'vitest';
import { parseEmail, parsePhone } from './contact-answer.js';
import { isCallForHelp, mentionsDanger, saysInDangerNow } from './danger-words.js';
import { parseOccurrence } from './occurrence-answer.js';
import { parsePostalCode } from './postal-code-answer.js';

const TODAY = '2026-11-22'; // a Sunday

describe('parseOccurrence', () => {
  it.each([
    ['12/03/2025', '2025-03-12'],
    ['12-03-25', '2025-03-12'],
    ['12.03.2025', '2025-03-12'],
    ['2025-03-12', '2025-03-12'],
    ['12/03', '2026-03-12'],
    ['03/25/2025', '2025-03-25'],
    ['12 mars 2025', '2025-03-12'],
    ['le 1er mars', '2026-03-01'],
    ['samedi 12 juillet 2025', '2025-07-12'],
    ['12 décembre', '2025-12-12'],
    ['March 12, 2025', '2025-03-12'],
    ['12th March 2025', '2025-03-12'],
    ['Aujourd’hui', '2026-11-22'],
    ['hier soir', '2026-11-21'],
    ['yesterday', '2026-11-21'],
    ['avant-hier', '2026-11-20'],
    ['samedi dernier', '2026-11-21'],
    ['last Monday', '2026-11-16'],
    ['dimanche', '2026-11-15'],
    ['il y a 3 jours', '2026-11-19'],
    ['10 days ago', '2026-11-12'],
  ])('reads the day %s', (text, date) => {
    expect(parseOccurrence(text, TODAY)).toEqual({ ok: true, occurrence: { precision: 'day', date } });
  });

  it.each([
    ['03/2025', '2025-03'],
    ['2025-03', '2025-03'],
    ['mars 2025', '2025-03'],
    ['début mars 2025', '2025-03'],
    ['mi-octobre', '2026-10'],
    ['in September 2024', '2024-09'],
    ['décembre', '2025-12'],
    ['November', '2026-11'],
  ])('reads the month %s', (text, month) => {
    expect(parseOccurrence(text, TODAY)).toEqual({ ok: true, occurrence: { precision: 'month', month } });
  });

  it.each(['31/02/2025', '13/13/2025', 'bientôt', '', '12 foo 2025', '1800-01-01', 'x'.repeat(80)])(
    'refuses %s as unreadable',
    (text) => {
      expect(parseOccurrence(text, TODAY)).toEqual({ ok: false, reason: 'unreadable' });
    },
  );

  it.each(['23/11/2026', '2027-01-01', '12/2026', 'janvier 2027'])('refuses %s as in the future', (text) => {
    expect(parseOccurrence(text, TODAY)).toEqual({ ok: false, reason: 'future' });
  });
});

describe('parseOccurrence, a month said relative to today', () => {
  it.each([
    ['le mois dernier', '2026-11'],
    ['Le mois dernier.', '2026-11'],
    ['mois passé', '2026-11'],
    ['last month', '2026-11'],
    ['ce mois-ci', '2026-12'],
    ['this month', '2026-12'],
  ])('"%s" is the month %s', (typed, month) => {
    expect(parseOccurrence(typed, '2026-12-04')).toEqual({ ok: true, occurrence: { precision: 'month', month } });
  });

  it('reads "le mois dernier" in January as December of the year before', () => {
    expect(parseOccurrence('le mois dernier', '2027-01-10')).toEqual({
      ok: true,
      occurrence: { precision: 'month', month: '2026-12' },
    });
  });
});

describe('parseOccurrence, as people write dates and times', () => {
  it.each([
    ['hier soir vers 22h', '2026-11-21', '22:00'],
    ['Hier soir vers 10h', '2026-11-21', '22:00'],
    ['samedi dernier vers minuit', '2026-11-21', '00:00'],
    ['last saturday around midnight', '2026-11-21', '00:00'],
    ['yesterday at 10.30pm', '2026-11-21', '22:30'],
    ['le 1er novembre à 22 h 30', '2026-11-01', '22:30'],
    ['12/11 vers 3h du matin', '2026-11-12', '03:00'],
    ['samedi soir vers 23h', '2026-11-21', '23:00'],
    ['la nuit du 12 au 13 vers 2h', '2026-11-13', '02:00'],
    ['saturday night around 1am', '2026-11-22', '01:00'],
    ['aujourd’hui vers 9h', '2026-11-22', '09:00'],
    ['il y a 2 heures', '2026-11-22', '08:00'],
    ['il y a 20 min', '2026-11-22', '09:45'],
    ['an hour ago', '2026-11-22', '09:00'],
    ['il y a 12 h', '2026-11-21', '22:00'],
  ])('reads %s as a day and a time', (text, date, time) => {
    expect(parseOccurrence(text, TODAY, '10:00')).toEqual({ ok: true, occurrence: { precision: 'day', date, time } });
  });

  it.each([
    ['il y a 3 jours', '2026-11-19'],
    ['3 days ago', '2026-11-19'],
    ['il y a une semaine', '2026-11-15'],
    ['ça fait deux jours', '2026-11-20'],
    ['two weeks ago', '2026-11-08'],
    ['la nuit du 12 au 13', '2026-11-12'],
    ['dans la nuit du 30 au 31 octobre', '2026-10-30'],
    ['la nuit de samedi à dimanche', '2026-11-21'],
    ['the night of the 12th to the 13th', '2026-11-12'],
    ['le 25', '2026-10-25'],
    ['saturday night', '2026-11-21'],
  ])('reads %s as a day', (text, date) => {
    expect(parseOccurrence(text, TODAY)).toEqual({ ok: true, occurrence: { precision: 'day', date } });
  });

  it('never accepts a time later today, nor an hour without a day', () => {
    expect(parseOccurrence('aujourd’hui vers 22h', TODAY, '10:00')).toEqual({ ok: false, reason: 'future' });
    expect(parseOccurrence('vers 22h', TODAY, '10:00')).toEqual({ ok: false, reason: 'timeOnly' });
    expect(parseOccurrence('at 10 pm', TODAY, '10:00')).toEqual({ ok: false, reason: 'timeOnly' });
    expect(parseOccurrence('hier vers 25h', TODAY)).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('parsePostalCode', () => {
  it('reads a known code however it is typed', () => {
    for (const text of ['34000', ' 34 000 ', '34.000', '34000 Montpellier', 'Montpellier 34090'])
      expect(parsePostalCode(text)).toMatchObject({ ok: true });
    expect(parsePostalCode('20000')).toEqual({ ok: true, postalCode: '20000' });
  });

  it('refuses what is not 5 digits in the French format, and codes no commune has', () => {
    for (const text of ['3400', '340000', 'Montpellier', '00100', '99000', '34000 75011'])
      expect(parsePostalCode(text)).toEqual({ ok: false, reason: 'format' });
    expect(parsePostalCode('34999')).toEqual({ ok: false, reason: 'unknown', postalCode: '34999' });
  });
});

describe('contact details', () => {
  it('reads e-mail addresses and refuses what is not one', () => {
    expect(parseEmail(' <Camille.D@Example.ORG> ')).toBe('Camille.D@example.org');
    expect(parseEmail('mailto:a@b.fr')).toBe('a@b.fr');
    for (const text of ['camille', 'camille@', '@example.org', 'a b@c.fr', 'a@b'])
      expect(parseEmail(text)).toBeUndefined();
  });

  it('reads French and international phone numbers into international form', () => {
    expect(parsePhone('06 12 34 56 78')).toBe('+33612345678');
    expect(parsePhone('06.12.34.56.78')).toBe('+33612345678');
    expect(parsePhone('+33 (0)6 12 34 56 78')).toBe('+33612345678');
    expect(parsePhone('0033 6 12 34 56 78')).toBe('+33612345678');
    expect(parsePhone('+44 7700 900123')).toBe('+447700900123');
    for (const text of ['12', '0012', '06 12 34', '+33 6 12 34 56 78 90', 'téléphone', '+0 123 456 789'])
      expect(parsePhone(text)).toBeUndefined();
  });
});

describe('words of danger', () => {
  it('hears urgence, danger, au secours and help, as words, in any case or accent', () => {
    for (const text of ['URGENCE', 'je suis en danger', 'Au secours !', 'help', 'à l’aide', 'SOS', 'Emergency please'])
      expect(mentionsDanger(text)).toBe(true);
    for (const text of ['helpful', 'dangereux', 'help@asso.fr', 'secourisme', 'urgences.fr'])
      expect(mentionsDanger(text)).toBe(false);
  });

  it('tells a bare call for help from a story that mentions danger', () => {
    for (const text of ['Au secours !!', 'help me', 'HELP please', 'urgence']) expect(isCallForHelp(text)).toBe(true);
    for (const text of ['je me suis senti en danger', 'help me understand']) expect(isCallForHelp(text)).toBe(false);
  });
});

describe('danger now, as people type it in distress', () => {
  const NOW = [
    "j'ai peur il est encore là",
    'jai peur il est encore la',
    'il est encore la',
    'il est tjrs devant chez moi',
    'ils sont toujours là',
    'il me suit',
    'qqn me suit depuis le tram 😰',
    'je suis suivie',
    'il m attend en bas',
    'il va me tuer',
    'venez vite',
    'je me cache dans les toilettes',
    "I'm scared, he is still here",
    "he's still here",
    'hes still outside',
    'someone is following me',
    "i'm being followed",
    'help me pls',
    'please help',
  ];
  const FEAR = ['jai peur', "J'ai trop peur", 'g peur', "I'm scared", 'im so afraid'];
  /** Ordinary report sentences: past danger, help with a complaint, words that only look alike. */
  const ORDINARY = [
    "j'avais peur de rentrer seul",
    "il m'a suivi jusqu'au tram",
    'ils me suivaient depuis la gare',
    'il était encore là le lendemain',
    "j'ai eu peur sur le moment",
    "j'ai besoin d'aide pour porter plainte",
    'une aide-soignante a vu la scène',
    'I was scared when he followed me last week',
    'he was still there when the police came',
    'they followed me home on Saturday',
    'le vin était rouge, on a parlé de Pierre',
    'la soirée était super jusqu’à 22h',
  ];

  it('hears a present danger with typos, no accents, SMS spelling and emojis', () => {
    for (const text of NOW)
      expect({ text, now: saysInDangerNow(text), mentions: mentionsDanger(text) }).toEqual({
        text,
        now: true,
        mentions: true,
      });
  });

  it('hears fear now as a word of danger, but not as a present danger in a long story', () => {
    for (const text of FEAR)
      expect({ text, mentions: mentionsDanger(text), now: saysInDangerNow(text) }).toEqual({
        text,
        mentions: true,
        now: false,
      });
  });

  it('does not read a past danger or an ordinary sentence as a call for help now', () => {
    for (const text of ORDINARY)
      expect({ text, mentions: mentionsDanger(text), call: isCallForHelp(text) }).toEqual({
        text,
        mentions: false,
        call: false,
      });
  });

  it('hears the bare words aide, urgence, help and sos without a slash', () => {
    for (const text of ['aide', 'Aide !', 'AIDE svp', 'urgence', 'help', 'Help!!', 'sos', 'SOS 🙏', 'aidez moi vite'])
      expect({ text, call: isCallForHelp(text) }).toEqual({ text, call: true });
  });
});
