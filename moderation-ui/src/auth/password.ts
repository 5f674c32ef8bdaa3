import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * Argon2id parameters from OWASP ASVS 5 / the OWASP password storage cheat sheet: 19 MiB of
 * memory, 2 iterations, 1 lane. The PHC string stores them, so raising them later still verifies
 * old hashes.
 */
const ARGON2ID_PARAMS = {
  // Algorithm is a const enum in the typings; 2 is Argon2id.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Shortest password accepted (ASVS 5: at least 12 characters, no composition rules). */
export const MIN_PASSWORD_LENGTH = 12;

/** Hashes a password with argon2id ({@link ARGON2ID_PARAMS}); returns the PHC string. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_PARAMS);
}

// A valid hash to verify against when the account does not exist, so timing does not tell.
let decoy: Promise<string> | undefined;

/** Checks a password against a PHC string; with `undefined`, spends the same time and says no. */
export async function verifyPassword(phc: string | undefined, password: string): Promise<boolean> {
  if (phc === undefined) {
    decoy ??= hashPassword('decoy password that matches nothing');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(phc, password).catch(() => false);
}
