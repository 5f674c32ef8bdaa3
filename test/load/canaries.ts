/**
 * Identifying details the load puts in reports (in the free text and as contact details), each
 * unique and each carrying a marker, so a sweep can search logs, Redis and PostgreSQL for them.
 */
export const CANARY_MARKERS = {
  /** In every invented surname. */
  name: 'Qwzx',
  /** In every e-mail address (its domain). */
  email: 'relais-canary.test',
  /** In every phone number, as written (`06 98 76 54 xx`) and in international form (`+336987654xx`). */
  phoneSpaced: '98 76 54',
  phoneCompact: '6987654',
} as const;

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

/** Every marker, for a search. */
export const CANARY_NEEDLES: readonly string[] = Object.values(CANARY_MARKERS);
