import { describe, expect, it } from 'vitest';
import { detectPii } from './detect-pii.js';
import type { PiiKind } from './pii-finding.js';

const found = (text: string): string[] => detectPii(text).map((f) => `${f.kind}:${f.text}`);
const kinds = (text: string, kind: PiiKind): string[] =>
  detectPii(text)
    .filter((f) => f.kind === kind)
    .map((f) => f.text);

describe('detectPii — phones', () => {
  it.each([
    '06 12 34 56 78',
    '0612345678',
    '06.12.34.56.78',
    '06-12-34-56-78',
    '+33 6 12 34 56 78',
    '+33612345678',
    '0033 6 12 34 56 78',
    '+33 (0)6 12 34 56 78',
    '04 67 12 34 56',
    '0262 12 34 56',
    '+44 20 7946 0958',
  ])('finds the phone number %s', (phone) => {
    expect(kinds(`appelle-moi au ${phone} ce soir`, 'PHONE')).toEqual([phone]);
  });

  it.each(['0 6 1 2 3 4 5 6 7 8', '06/12/34/56/78', '06 12 345 678', '0612 34 56 78'])(
    'finds the oddly written phone number %s',
    (phone) => {
      expect(kinds(`son num ${phone} il rappelle la nuit`, 'PHONE')).toEqual([phone]);
    },
  );

  it('leaves out service numbers (08…), which name a company', () => {
    expect(kinds('la banque au 0 810 12 34 56 ou au 08 92 70 57 05', 'PHONE')).toEqual([]);
  });

  it('never flags short public numbers, times, dates, amounts or postal codes', () => {
    const text =
      "J'ai appelé le 17, le 15, le 18, le 112, le 114, le 115, le 119 et le 3919 à 14h30 le 12/03/2024, il m'a volé 1 250 € au 34000.";
    expect(detectPii(text)).toEqual([]);
  });
});

describe('detectPii — checksummed numbers', () => {
  it('finds an IBAN only when mod-97 holds', () => {
    expect(kinds('IBAN FR76 3000 6000 0112 3456 7890 189 merci', 'IBAN')).toEqual([
      'FR76 3000 6000 0112 3456 7890 189',
    ]);
    expect(kinds('IBAN FR76 3000 6000 0112 3456 7890 189', 'IBAN')[0]).toBeDefined();
  });

  it('finds a Luhn-valid card and ignores an invalid one', () => {
    expect(kinds('carte 4970 1012 3456 7893 volée', 'CARD')).toEqual(['4970 1012 3456 7893']);
    expect(kinds('carte 4970 1012 3456 7890 volée', 'CARD')).toEqual([]);
  });

  it('finds a NIR with its key, Corsica included, and a 13-digit one at lower confidence', () => {
    const [withKey] = detectPii('sécu 2 69 05 2A 004 012 28 fin');
    expect(withKey).toMatchObject({ kind: 'NIR', text: '2 69 05 2A 004 012 28' });
    expect(withKey?.confidence).toBeGreaterThan(0.9);
    const [noKey] = detectPii('sécu 1850575123456 fin');
    expect(noKey).toMatchObject({ kind: 'NIR', text: '1850575123456' });
    expect(noKey?.confidence).toBeLessThan(0.8);
  });
});

describe('detectPii — contact and online identifiers', () => {
  it('finds e-mails, links with or without scheme, handles and IP addresses', () => {
    const text =
      'Écris à lolo.martin@gmail.com, son profil instagram.com/lolo_34 et https://www.facebook.com/lolo, ' +
      'il est @lolo34 sur X et t.me/lolo_bot, mon pseudo est darkangel34, IP 192.168.1.12 et 2001:db8::1.';
    expect(found(text)).toEqual([
      'EMAIL:lolo.martin@gmail.com',
      'URL:instagram.com/lolo_34',
      'URL:https://www.facebook.com/lolo',
      'HANDLE:@lolo34',
      'HANDLE:t.me/lolo_bot',
      'HANDLE:darkangel34',
      'IP:192.168.1.12',
      'IP:2001:db8::1',
    ]);
  });
});

describe('detectPii — plates, addresses, birth dates', () => {
  it.each(['AB-123-CD', 'AB 123 CD', 'AB123CD', '1234 AB 34'])('finds the plate %s', (plate) => {
    expect(kinds(`sa voiture ${plate} est partie`, 'PLATE')).toEqual([plate]);
  });

  it('trusts a lower-case plate with blanks only after a plate cue', () => {
    expect(kinds("la moto, immatriculée kb 772 wx, s'est arrêtée", 'PLATE')).toEqual(['kb 772 wx']);
    expect(kinds('on a vu kb 772 wx', 'PLATE')).toEqual([]);
  });

  it('ends a street name at a preposition followed by lower-case words', () => {
    expect(kinds('il nous attendait au 8 rue Pasteur en nous insultant depuis sa fenêtre', 'ADDRESS')).toEqual([
      '8 rue Pasteur',
    ]);
    expect(kinds('devant le 3 bis rue des Tanneurs et il a crié', 'ADDRESS')).toEqual(['3 bis rue des Tanneurs']);
    expect(kinds('au 12 rue Pierre et Marie Curie', 'ADDRESS')).toEqual(['12 rue Pierre et Marie Curie']);
  });

  it('does not read a transport line number as a house number', () => {
    expect(kinds('dans le bus 4, place de la Gare, puis le tram 2 avenue de Nîmes', 'ADDRESS')).toEqual([]);
  });

  it('finds a birth date after "is" or "c\'est"', () => {
    expect(kinds('His date of birth is 2 May 1979. Ma date de naissance c’est le 09/10/1992.', 'BIRTHDATE')).toEqual([
      '2 May 1979',
      '09/10/1992',
    ]);
  });

  it.each([
    '14 rue des Lilas',
    '3 bis avenue de Lodève',
    '8, place de la Canourgue',
    '12 rue du Général de Gaulle, 34000 Montpellier',
  ])('finds the address %s', (address) => {
    expect(kinds(`il habite au ${address}. Depuis`, 'ADDRESS')).toEqual([address]);
  });

  it('finds birth dates but not dates of the facts', () => {
    const text = 'Le 12/03/2024 à 22h, il a dit que j’étais née le 3 mars 1988 ; lui est né le 14/02/1995.';
    expect(kinds(text, 'BIRTHDATE')).toEqual(['3 mars 1988', '14/02/1995']);
  });
});

describe('detectPii — person names', () => {
  it('finds first names, full names, titles, compounds and lower-case names', () => {
    const text =
      "Mon voisin Jean-Pierre Da Silva et Mme Lefèvre m'ont insulté. Le docteur Martin n'a rien fait. " +
      "Ma voisine nathalie a vu la scène, un certain Kevin aussi, et ma collègue s'appelle Inès.";
    expect(kinds(text, 'PERSON')).toEqual([
      'Jean-Pierre Da Silva',
      'Mme Lefèvre',
      'docteur Martin',
      'nathalie',
      'Kevin',
      'Inès',
    ]);
  });

  it('leaves streets, cities, organisations, the police and sentence-initial words alone', () => {
    const text =
      "Rue Victor Hugo à Nancy, devant le lycée Jean Moulin. La police est venue. SOS Homophobie m'a orienté. " +
      'Pierre tombale taguée. Rose et blanc, les couleurs du drapeau. Station Jean Jaurès, ligne 2.';
    expect(kinds(text, 'PERSON')).toEqual([]);
  });
});

describe('detectPii — bad input', () => {
  it('returns nothing for an empty text', () => {
    expect(detectPii('')).toEqual([]);
  });

  it('keeps offsets right around emoji, mixed scripts and control characters', () => {
    const text = '🏳️‍🌈😡 Привет \u0000\u0007 مرحبا, appelle Kevin au 06 12 34 56 78 \u202e ok 👍';
    const findings = detectPii(text);
    expect(findings.map((f) => f.kind)).toEqual(['PERSON', 'PHONE']);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('returns sorted, non-overlapping findings whose text matches their offsets', () => {
    const text = 'kevin.dupont@gmail.com, 14 rue Victor Hugo, www.site.fr/profile.php?id=185057512345678';
    const findings = detectPii(text);
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      expect(f && text.slice(f.start, f.end)).toBe(f?.text);
      if (i > 0) expect(f?.start).toBeGreaterThanOrEqual(findings[i - 1]?.end ?? 0);
    }
    expect(findings.map((f) => f.kind)).toEqual(['EMAIL', 'ADDRESS', 'URL']);
  });

  it('handles 1 MB of adversarial input in linear time without throwing', () => {
    const pieces = [
      '0'.repeat(5000),
      '2 '.repeat(3000),
      'FR76 '.repeat(1000),
      'a_'.repeat(3000),
      '@'.repeat(5000),
      'a.'.repeat(5000),
      '1 '.repeat(5000),
      'AB-',
      '::::'.repeat(2000),
      'Kevin '.repeat(3000),
      '12 rue '.repeat(3000),
      'compte '.repeat(3000),
      'a_compte_'.repeat(2000),
      'F. '.repeat(3000),
      'prénom : '.repeat(2000),
      'née à '.repeat(3000),
      'plaque ab '.repeat(2000),
      'u/'.repeat(3000),
      'x'.repeat(20000),
    ];
    let text = '';
    while (text.length < 1_000_000) text += pieces.join('');
    expect(() => detectPii(text)).not.toThrow();
  });
});

describe('detectPii — spelled-out e-mails', () => {
  it('finds "lolo [at] gmail [dot] com" and "lolo arobase gmail point com"', () => {
    expect(kinds('écris à lolo34 [at] gmail [dot] com ou lolo arobase free point fr.', 'EMAIL')).toEqual([
      'lolo34 [at] gmail [dot] com',
      'lolo arobase free point fr',
    ]);
  });
});

describe('detectPii — account names without an @', () => {
  it('finds Reddit users and pseudonym-shaped words next to a platform name', () => {
    const text =
      'Sur TikTok le compte qui me vise est chasseur4ever, sur reddit c’est u/grey-wolf_77. Harcelée sur Discord par MonsieurPropre75.';
    expect(kinds(text, 'HANDLE')).toEqual(['chasseur4ever', 'u/grey-wolf_77', 'MonsieurPropre75']);
  });

  it('leaves plates, codes and words far from any platform alone', () => {
    expect(kinds('sur snap il a filmé la voiture kb772wx et la salle B12', 'HANDLE')).toEqual([]);
    expect(kinds('il avait le covid19 et il toussait', 'HANDLE')).toEqual([]);
  });

  it('reads "mon pseudo sur le forum c\'est …" as a pseudonym, not "forum"', () => {
    expect(kinds('mon pseudo sur le forum c’est mimi.lune', 'HANDLE')).toEqual(['mimi.lune']);
  });
});

describe('pseudonym cues used as ordinary words', () => {
  it('does not take an adverb after "identifiant" or "pseudo" for an account name', () => {
    expect(detectPii("Rien d'identifiant ici.")).toEqual([]);
    expect(detectPii('pas de pseudo ici')).toEqual([]);
    expect(detectPii('son identifiant : marco34').map((f) => f.text)).toEqual(['marco34']);
  });
});
