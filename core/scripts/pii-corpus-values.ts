/**
 * Invented identifiers for the labelled PII corpus: every number is generated with a valid checksum
 * (IBAN mod-97, card Luhn, NIR key), in the writings people really use. Nothing here is real.
 */
import { luhnValid } from '../src/pii/luhn.js';
import { mod97 } from '../src/pii/mod97.js';
import type { SeededRandom } from '../src/testing/seeded-random.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function group(s: string, sizes: readonly number[], sep: string): string {
  const parts: string[] = [];
  let i = 0;
  for (const size of sizes) {
    if (i >= s.length) break;
    parts.push(s.slice(i, i + size));
    i += size;
  }
  if (i < s.length) parts.push(s.slice(i));
  return parts.join(sep);
}

/** A French phone number in one of the common writings. */
export function phone(r: SeededRandom): string {
  const prefix = r.pick(['6', '7', '1', '2', '3', '4', '5', '9', '6', '7']);
  const overseas = r.chance(0.1) ? r.pick(['262', '590', '594', '596', '692', '694', '696']) : '';
  const rest = overseas !== '' ? overseas.slice(1) + r.digits(6) : prefix + r.digits(8);
  const national = `0${overseas !== '' ? overseas[0] : ''}${overseas !== '' ? rest : rest}`.slice(0, 10);
  const nine = national.slice(1);
  switch (r.between(0, 9)) {
    case 0:
      return national;
    case 1:
      return group(national, [2, 2, 2, 2, 2], '.');
    case 2:
      return group(national, [2, 2, 2, 2, 2], '-');
    case 3:
      return `+33 ${group(nine, [1, 2, 2, 2, 2], ' ')}`;
    case 4:
      return `+33${nine}`;
    case 5:
      return `0033 ${group(nine, [1, 2, 2, 2, 2], ' ')}`;
    case 6:
      return `+33 (0)${group(nine, [1, 2, 2, 2, 2], ' ')}`;
    case 7:
      return r.pick([
        `+44 7${r.digits(3)} ${r.digits(6)}`,
        `+32 4${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`,
        `+1 514 ${r.digits(3)} ${r.digits(4)}`,
        `+212 6${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`,
        `+41 79 ${r.digits(3)} ${r.digits(2)} ${r.digits(2)}`,
      ]);
    default:
      return group(national, [2, 2, 2, 2, 2], ' ');
  }
}

/** A valid French IBAN, spaced by 4 or compact, sometimes in lower case. */
export function iban(r: SeededRandom, country = 'FR'): string {
  const bban =
    country === 'FR'
      ? r.digits(10) + r.digits(11) + r.digits(2)
      : country === 'BE'
        ? r.digits(12)
        : r.digits(5) + r.digits(17);
  const numeric = `${bban}${country.charCodeAt(0) - 55}${country.charCodeAt(1) - 55}00`;
  const check = pad(98 - mod97(numeric));
  const compact = `${country}${check}${bban}`;
  return r.chance(0.75) ? group(compact, [4, 4, 4, 4, 4, 4, 4, 4], ' ') : compact;
}

/** A Luhn-valid card number (Visa, Mastercard or Amex), spaced, dashed or compact. */
export function card(r: SeededRandom): string {
  const amex = r.chance(0.15);
  const body = amex ? r.pick(['34', '37']) + r.digits(12) : r.pick(['4', '51', '53', '55', '2221']);
  let digits = amex ? body : body + r.digits(15 - body.length);
  for (let d = 0; d <= 9; d++) {
    if (luhnValid(digits + String(d))) {
      digits += String(d);
      break;
    }
  }
  if (amex) return r.chance(0.5) ? group(digits, [4, 6, 5], ' ') : digits;
  return r.pick([group(digits, [4, 4, 4, 4], ' '), group(digits, [4, 4, 4, 4], '-'), digits]);
}

/** A NIR with its key (or without it, 13 characters), Corsica included. */
export function nir(r: SeededRandom, withKey = true): string {
  const sex = r.pick(['1', '2']);
  const yy = pad(r.between(50, 99) % 100);
  const mm = pad(r.between(1, 12));
  const dept = r.pick(['75', '34', '13', '69', '2A', '2B', '59', '33', '31', '93', '30', '11']);
  const commune = pad(r.between(1, 350), 3);
  const order = pad(r.between(1, 999), 3);
  const body = `${sex}${yy}${mm}${dept}${commune}${order}`;
  const numeric = body.replace('2A', '19').replace('2B', '18');
  const key = pad(97 - mod97(numeric));
  const full = withKey ? body + key : body;
  if (r.chance(0.4)) return full;
  return withKey
    ? `${sex} ${yy} ${mm} ${dept} ${commune} ${order} ${key}`
    : `${sex} ${yy} ${mm} ${dept} ${commune} ${order}`;
}

const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTVWXYZ';

/** A French plate: SIV (AB-123-CD in its writings) or the older FNI (1234 AB 34). */
export function plate(r: SeededRandom): string {
  const letters = (n: number): string => Array.from({ length: n }, () => r.pick([...PLATE_LETTERS])).join('');
  const num = pad(r.between(1, 999), 3);
  switch (r.between(0, 5)) {
    case 0:
      return `${letters(2)} ${num} ${letters(2)}`;
    case 1:
      return `${letters(2)}${num}${letters(2)}`;
    case 2:
      return `${r.between(1, 9999)} ${letters(2)} ${r.pick(['34', '30', '13', '75', '69', '2A'])}`;
    case 3:
      return `${letters(2)}-${num}-${letters(2)}`.toLowerCase();
    default:
      return `${letters(2)}-${num}-${letters(2)}`;
  }
}

/** An IPv4 or IPv6 address. */
export function ip(r: SeededRandom): string {
  if (r.chance(0.7)) return `${r.between(1, 223)}.${r.between(0, 255)}.${r.between(0, 255)}.${r.between(1, 254)}`;
  const h = (): string => r.between(0, 0xffff).toString(16);
  return r.chance(0.5) ? `2a01:${h()}:${h()}:${h()}::${h()}` : `2001:db8:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`;
}

/** A date written as in a form or a sentence (day, month name or number, year). */
export function date(r: SeededRandom, year: number, english = false): string {
  const d = r.between(1, 28);
  const m = r.between(1, 12);
  const fr = [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ];
  const en = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  if (english) return r.chance(0.5) ? `${en[m - 1]} ${d}, ${year}` : `${d} ${en[m - 1]} ${year}`;
  return r.pick([
    `${pad(d)}/${pad(m)}/${year}`,
    `${d === 1 ? '1er' : d} ${fr[m - 1]} ${year}`,
    `${pad(d)}.${pad(m)}.${year}`,
    `${pad(d)}-${pad(m)}-${year}`,
  ]);
}
