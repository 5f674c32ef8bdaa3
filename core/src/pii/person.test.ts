import { describe, expect, it } from 'vitest';
import { detectPii } from './detect-pii.js';

const persons = (text: string): string[] => detectPii(text).filter((f) => f.kind === 'PERSON').map((f) => f.text);

describe('person names — places named after people', () => {
  it('leaves streets, stations and schools named after people alone, typed in lower case too', () => {
    const text =
      "descendu à l'arret jean moulin puis station louis pasteur, devant le collège privé Jeanne d'Arc, " +
      "l'école maternelle Marie Curie, la fac de médecine Paul Sabatier et l'hopital edouard herriot.";
    expect(persons(text)).toEqual([]);
  });

  it('leaves English place names alone ("… primary school", "… tram stop")', () => {
    expect(persons('He waited at the Louis Pasteur tram stop, near the Albert Camus high school.')).toEqual([]);
  });

  it('leaves public services and places of birth or residence alone', () => {
    expect(persons('Le Samu et le Smur sont venus. Je suis née le 4 mai 1990 à Bamako et je vis à Tanger.')).toEqual([]);
  });

  it('ends a place at a comma ("à la fête du village, Manon a…")', () => {
    expect(persons('à la sortie du stade, Manon a été bousculée')).toEqual(['Manon']);
  });

  it('still finds a person after a place word used as a relation ("au bar avec Kevin")', () => {
    expect(persons('au bar avec Kevin et à la gare avec ma sœur léa')).toEqual(['Kevin', 'léa']);
  });
});

describe('person names — nicknames and naming phrases', () => {
  it('finds lower-case nicknames after naming verbs, typos and "se fait appeler" included', () => {
    const text = "il se fait appeler kiki. sa copine s'appel nounou. le grand qu'on surnomme le Taulard. il dit s'appeler dédé.";
    expect(persons(text)).toEqual(['kiki', 'nounou', 'Taulard', 'dédé']);
  });

  it('does not read a noun or an infinitive as a naming verb ("un appel", "appeler la police")', () => {
    expect(persons("j'ai reçu un appel anonyme, il faut appeler maman")).toEqual([]);
  });

  it('finds the value of a name field and an initial with a surname', () => {
    expect(persons('Nom : Baraduc. Prénom : soline. Témoin : J. Tessier.')).toEqual(['Baraduc', 'soline', 'J. Tessier']);
  });

  it('finds diminutives and names listed after a found name', () => {
    expect(persons("c'est marie-jo qui a vu, avec paul, lola et moi")).toEqual(['marie-jo', 'paul', 'lola']);
  });
});

describe('person names — words that only look like names', () => {
  it('does not read brands, holidays, verbs after a pronoun or short acronyms as names', () => {
    const text = "Il conduit une Peugeot, je bosse chez Darty depuis Noël, je me tais et j'ai 8 jours d'ITT.";
    expect(persons(text)).toEqual([]);
  });

  it('still finds those words with a title or a relation ("M. Renault", "mon oncle Noël")', () => {
    expect(persons('M. Renault et mon oncle Noël')).toEqual(['M. Renault', 'Noël']);
  });

  it('keeps a relation out of the span and a pronoun out of the titles', () => {
    expect(persons('Ma sœur Inès est venue. He looked at me. Me Durand, avocate, aussi.')).toEqual(['Inès', 'Me Durand']);
  });
});
