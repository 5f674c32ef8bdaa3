/**
 * Identifying details the load puts in reports (in the free text and as contact details), each
 * unique and each carrying a marker, so a sweep can search logs, Redis and PostgreSQL for them.
 */
export const CANARY_MARKERS = {
  /** In every invented surname. */
  name: 'Qwzx',
  /** In every e-mail address (its domain). */
  email: 'relais-canary.test',
  /** In every phone number, as written (`06 98 76 54 xx`). */
  phoneSpaced: '98 76 54',
} as const;

/**
 * Every phone number of the load in compact form (`06987654xx`, `+336987654xx`, `00336987654xx`),
 * matched as a whole number: never inside a longer run of digits such as an epoch-ms time
 * (1796126987654 holds 6987654 and is no phone number). Written so that PostgreSQL's regular
 * expressions read it as JavaScript does.
 */
export const CANARY_PHONE_COMPACT = /(?<![0-9])(?:\+33|0033|0)6987654[0-9]{2}(?![0-9])/;

const LETTERS = 'bcdfghjklmnpqrstvwz';

/** The canaries of conversation `n`: a person's name, a phone number and an e-mail address. */
export function canariesOf(n: number): { name: string; phone: string; email: string } {
  let code = '';
  for (let k = n + 1; k > 0; k = Math.floor(k / LETTERS.length)) code += LETTERS[k % LETTERS.length];
  const two = String(n % 100).padStart(2, '0');
  return {
    name: `Zéphyrin ${CANARY_MARKERS.name}${code}`,
    phone: `06 98 76 54 ${two}`,
    email: `temoin.${n}@${CANARY_MARKERS.email}`,
  };
}

/** A report's free text carrying the canaries of conversation `n`, in French. */
export function canaryStory(n: number): string {
  const c = canariesOf(n);
  return `Hier soir, ${c.name} m’a insulté et menacé devant chez moi. Une voisine a tout vu, on peut la joindre au ${c.phone}.`;
}

/** Every marker and the compact phone numbers, for a search. */
export const CANARY_NEEDLES: readonly (string | RegExp)[] = [...Object.values(CANARY_MARKERS), CANARY_PHONE_COMPACT];
