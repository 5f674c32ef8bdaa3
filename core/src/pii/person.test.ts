import { describe, expect, it } from 'vitest';
import { detectPii } from './detect-pii.js';

const persons = (text: string): string[] =>
  detectPii(text)
    .filter((f) => f.kind === 'PERSON')
    .map((f) => f.text);

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
    expect(persons('Le Samu et le Smur sont venus. Je suis née le 4 mai 1990 à Bamako et je vis à Tanger.')).toEqual(
      [],
    );
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
    const text =
      "il se fait appeler kiki. sa copine s'appel nounou. le grand qu'on surnomme le Taulard. il dit s'appeler dédé.";
    expect(persons(text)).toEqual(['kiki', 'nounou', 'le Taulard', 'dédé']);
  });

  it('does not read a noun or an infinitive as a naming verb ("un appel", "appeler la police")', () => {
    expect(persons("j'ai reçu un appel anonyme, il faut appeler maman")).toEqual([]);
  });

  it('finds the value of a name field and an initial with a surname', () => {
    expect(persons('Nom : Baraduc. Prénom : soline. Témoin : J. Tessier.')).toEqual([
      'Baraduc',
      'soline',
      'J. Tessier',
    ]);
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
    expect(persons('Ma sœur Inès est venue. He looked at me. Me Durand, avocate, aussi.')).toEqual([
      'Inès',
      'Me Durand',
    ]);
  });
});

describe('person names — particles, initials and compounds', () => {
  it('finds two-word surnames and names after a foreign particle, in lower case too', () => {
    const text = "le gall m'a poussé. mme da costa a tout vu, et karim ben salah aussi. c'est mr di stefano le gérant";
    expect(persons(text)).toEqual(['le gall', 'mme da costa', 'karim ben salah', 'mr di stefano']);
  });

  it('does not read an article and an ordinary word as a surname ("la fontaine de la place")', () => {
    expect(persons("on s'est retrouvés à la fontaine de la place, le gars est parti")).toEqual([]);
  });

  it('keeps an initial after a first name in the span, and a title after it apart', () => {
    expect(persons('Le témoin, Nadia K., a tout filmé. Kevin M. Dupont aussi.')).toEqual([
      'Nadia K',
      'Kevin',
      'M. Dupont',
    ]);
  });

  it('finds a name inside a compound ("anti-Yanis", "team-Inès") but not ordinary compounds', () => {
    expect(persons('ils ont lancé un groupe anti-Yanis et une page team-inès. mon ex-mari est anti-bruit.')).toEqual([
      'Yanis',
      'inès',
    ]);
  });
});

describe('person names — more cues', () => {
  it('finds an alias after a naming verb and a nickname after an adverb', () => {
    const text =
      "il s'appelle mohamed ou mimo. au club on appelle souvent Ricou le coach, et qu'on appelle toujours tintin.";
    expect(persons(text)).toEqual(['mohamed', 'mimo', 'Ricou', 'tintin']);
  });

  it('finds a capitalised nickname that is also a common noun after a strong naming verb', () => {
    expect(persons('il se fait appeler Boss. elle est surnommée la Reine.')).toEqual(['Boss', 'la Reine']);
  });

  it('finds a name after a relation and "de", or a family after a plural relation and "les"', () => {
    expect(persons("c'est la femme de Bastou et le fils d'Ornella. nos voisins les Peyrolle aussi.")).toEqual([
      'Bastou',
      'Ornella',
      'Peyrolle',
    ]);
  });

  it('does not read a home town after a relation and "de" as a name', () => {
    expect(persons('mon cousin de Marseille et ma tante de Roubaix')).toEqual([]);
  });

  it('reads relation words typed without accents, and slang ones', () => {
    expect(persons('ma grand-mere josiane et mon frérot Tidiane')).toEqual(['josiane', 'Tidiane']);
  });

  it('does not read the value of a naming verb as a person when a group or a page is named', () => {
    expect(persons("le groupe s'appelle Vengeance et la page s'appelait Sentinelles")).toEqual([]);
  });
});

describe('person names — stops, streets and common words', () => {
  it('leaves stops reached by a travel verb, "jusqu\'à" or "direction" alone', () => {
    const text = "on est descendus à Louise Weiss et on a marché jusqu'à Albert Londres, le bus direction Léon Blum";
    expect(persons(text)).toEqual([]);
  });

  it('still finds a person after "à" without a travel verb', () => {
    expect(persons("j'ai tout raconté à Louise Weiss")).toEqual(['Louise Weiss']);
  });

  it('leaves the famous people streets are named after alone without a cue, not with one', () => {
    expect(
      persons('entre République et Jules Guesde. Victor Schoelcher disait que… mon voisin Victor Hugo rigole'),
    ).toEqual(['Victor Hugo']);
  });

  it('reads a lower-case name-like word after a determiner or a possessive as a noun', () => {
    expect(persons("j'ai payé au max, mon jules m'attendait devant le kiné")).toEqual([]);
  });

  it('reads a verb after "pour" or an English word after "and" as no name', () => {
    expect(persons('je viens pour porter plainte. He stopped and said nothing, with grace.')).toEqual([]);
  });

  it('leaves shop and club names and towns in a list alone, accents typed or not', () => {
    expect(persons('devant la boite Le Paradis et la boulangerie Marcel, sur le car entre Amiens et Albert')).toEqual(
      [],
    );
  });
});
